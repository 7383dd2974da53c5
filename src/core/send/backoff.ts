/**
 * Capped exponential backoff with "full jitter": the wait is drawn uniformly
 * from [0, min(cap, base * 2^attempt)). Spreading retries randomly keeps many
 * clients that failed together from retrying together.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_BACKOFF_CAP_MS = 20_000;

/** `attempt` counts from 0 for the first retry. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy): number {
  const safeAttempt = Math.max(0, Math.min(Math.floor(attempt), 30));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** safeAttempt);
  const r = policy.random();
  // A misbehaving random source must not produce negative or huge waits.
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5;
  return Math.floor(unit * Math.max(0, ceiling));
}
