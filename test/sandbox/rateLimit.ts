/**
 * BigCommerce-style fixed-window quota: a window opens at the first counted
 * request and lasts `windowMs`; the next request after that opens a new one.
 */

export interface RateLimitSnapshot {
  quota: number;
  windowMs: number;
  left: number;
  /** ms until the current window ends (the whole window when none is open) */
  resetMs: number;
}

export class FixedWindowRateLimiter {
  private windowStart: number | undefined;
  private used = 0;

  constructor(
    private readonly quota: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request if the quota allows it. */
  take(): { allowed: boolean; snapshot: RateLimitSnapshot } {
    const now = this.now();
    if (this.windowStart === undefined || now >= this.windowStart + this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.quota;
    if (allowed) this.used++;
    return { allowed, snapshot: this.snapshotAt(now) };
  }

  /** Current state without counting anything. */
  peek(): RateLimitSnapshot {
    return this.snapshotAt(this.now());
  }

  reset(): void {
    this.windowStart = undefined;
    this.used = 0;
  }

  private snapshotAt(now: number): RateLimitSnapshot {
    const open = this.windowStart !== undefined && now < this.windowStart + this.windowMs;
    return {
      quota: this.quota,
      windowMs: this.windowMs,
      left: open ? this.quota - this.used : this.quota,
      resetMs: open && this.windowStart !== undefined ? this.windowStart + this.windowMs - now : this.windowMs,
    };
  }
}

export function rateLimitHeaders(snapshot: RateLimitSnapshot): Record<string, string> {
  return {
    'X-Rate-Limit-Time-Window-Ms': String(snapshot.windowMs),
    'X-Rate-Limit-Time-Reset-Ms': String(snapshot.resetMs),
    'X-Rate-Limit-Requests-Quota': String(snapshot.quota),
    'X-Rate-Limit-Requests-Left': String(snapshot.left),
  };
}

/** `X-Retry-After` is in whole seconds, rounded up so a client never retries too early. */
export function retryAfterHeader(snapshot: RateLimitSnapshot): Record<string, string> {
  return { 'X-Retry-After': String(Math.max(1, Math.ceil(snapshot.resetMs / 1000))) };
}
