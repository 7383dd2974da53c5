/** The clock that bounds retrying. */
import { systemClock } from './clock';

/**
 * Measures retrying from the first failure, so a batch that fails now and
 * then but keeps making progress is not given up on.
 */
export class RetryClock {
  private firstFailureAt: number | undefined;
  private attempts = 0;

  constructor(
    private readonly maxRetryTimeMs: number,
    private readonly now: () => number = systemClock.now,
  ) {}

  /** Counts one more retry and says whether waiting `waitMs` first still fits the limit. */
  allowsRetryAfter(waitMs: number): boolean {
    this.firstFailureAt ??= this.now();
    this.attempts += 1;
    return this.elapsedMs() + waitMs <= this.maxRetryTimeMs;
  }

  /** Retries granted so far; the next backoff grows with it. */
  retries(): number {
    return this.attempts;
  }

  elapsedMs(): number {
    return this.firstFailureAt === undefined ? 0 : this.now() - this.firstFailureAt;
  }
}
