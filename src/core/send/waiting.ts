/** Waiting that a cancel can cut short, and the clock that bounds retrying. */

/** Resolves `true` after `ms`, or `false` as soon as `signal` is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Measures retrying from the first failure, so a batch that fails now and
 * then but keeps making progress is not given up on.
 */
export class RetryClock {
  private firstFailureAt: number | undefined;
  private attempts = 0;

  constructor(
    private readonly maxRetryTimeMs: number,
    private readonly now: () => number = Date.now,
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
