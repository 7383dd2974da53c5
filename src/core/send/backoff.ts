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

/** Small deterministic generator (mulberry32) for reproducible jitter in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
