/**
 * Reads BigCommerce's rate-limit headers and paces requests so that a send
 * spreads its requests over the window instead of bursting into a 429. The
 * quota is shared by every app installed on the store, so a little of it is
 * always left untouched.
 */
export interface RateLimitInfo {
  left?: number;
  quota?: number;
  /** ms until the quota refreshes, as the store said when it answered */
  resetMs?: number;
  windowMs?: number;
  /** X-Retry-After, converted from seconds to ms */
  retryAfterMs?: number;
}

/** `headers` must have lower-cased names (HTTP header names are case-insensitive). */
export function readRateLimit(headers: Record<string, string>): RateLimitInfo {
  const info: RateLimitInfo = {};
  const left = readNumber(headers['x-rate-limit-requests-left']);
  const quota = readNumber(headers['x-rate-limit-requests-quota']);
  const resetMs = readNumber(headers['x-rate-limit-time-reset-ms']);
  const windowMs = readNumber(headers['x-rate-limit-time-window-ms']);
  const retryAfterSeconds = readNumber(headers['x-retry-after']);
  if (left !== undefined) info.left = left;
  if (quota !== undefined) info.quota = quota;
  if (resetMs !== undefined) info.resetMs = resetMs;
  if (windowMs !== undefined) info.windowMs = windowMs;
  if (retryAfterSeconds !== undefined) info.retryAfterMs = retryAfterSeconds * 1000;
  return info;
}

/** Lower-cases header names so lookups do not depend on how a server spells them. */
export function lowerCaseHeaders(headers: Iterable<[string, string]> | Record<string, string>): Record<string, string> {
  const entries = Symbol.iterator in Object(headers) ? [...(headers as Iterable<[string, string]>)] : Object.entries(headers as Record<string, string>);
  const out: Record<string, string> = {};
  for (const [name, value] of entries) out[name.toLowerCase()] = value;
  return out;
}

function readNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.split(',')[0]?.trim() ?? '';
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * How long to wait after a 429 before trying again: the longer of the two
 * headers, as BigCommerce advises. `undefined` means the answer carried no
 * usable header (a sign of platform load), so the caller backs off instead.
 */
export function waitAfterTooManyRequests(info: RateLimitInfo): number | undefined {
  const candidates = [info.resetMs, info.retryAfterMs].filter((n): n is number => n !== undefined);
  if (candidates.length === 0) return undefined;
  return Math.max(...candidates);
}

/** Requests to leave for the store's other apps: about 5% of the quota, 1 to 10. */
export function headroomFor(quota: number): number {
  if (quota < 5) return 0;
  return Math.min(10, Math.max(1, Math.round(quota * 0.05)));
}

/**
 * Remembers the most recent rate-limit state and says how long to wait
 * before the next request. Requests are spaced from the start of the one
 * before, so a request's own round trip counts towards the spacing instead of
 * being added on top of it.
 */
export class RateLimitPacer {
  private last: { info: RateLimitInfo; observedAt: number } | undefined;
  private lastStartedAt: number | undefined;
  /** Earliest time the next request may start, set after a 429. */
  private blockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Call as each request leaves. A later start already reserved by another client stays. */
  requestStarted(): void {
    this.lastStartedAt = Math.max(this.lastStartedAt ?? 0, this.now());
  }

  /**
   * The wait before the next request, with its start taken: a client sharing
   * this pacer that asks meanwhile is spaced after it, so clients of one
   * store sending at once stay within its quota together.
   */
  reserveStart(): number {
    const delay = this.delayBeforeNextRequest();
    this.lastStartedAt = Math.max(this.lastStartedAt ?? 0, this.now() + delay);
    return delay;
  }

  observe(info: RateLimitInfo): void {
    if (info.left === undefined && info.resetMs === undefined) return;
    this.last = { info, observedAt: this.now() };
  }

  /** After a 429 nobody should send until the given wait has passed. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }

  delayBeforeNextRequest(): number {
    const now = this.now();
    const blocked = Math.max(0, this.blockedUntil - now);
    return Math.max(blocked, this.spreadDelay(now));
  }

  private spreadDelay(now: number): number {
    if (!this.last) return 0;
    const { info, observedAt } = this.last;
    if (info.left === undefined || info.resetMs === undefined) return 0;
    const untilReset = info.resetMs - (now - observedAt);
    if (untilReset <= 0) return 0; // a new window has started
    const usable = info.left - headroomFor(info.quota ?? info.left);
    if (usable <= 0) return Math.ceil(untilReset);
    // `usable` requests spread evenly over the rest of the window, the last one
    // an interval before it refreshes: the fastest steady rate that does not run
    // the window dry, and that still uses all of it.
    const interval = info.resetMs / (usable + 1);
    const sinceStart = now - (this.lastStartedAt ?? observedAt);
    return Math.max(0, Math.ceil(interval - sinceStart));
  }
}
