/**
 * Talks to one store's customers endpoint: builds the headers, paces
 * requests by the store's rate-limit headers (never longer than the longest
 * wait allowed), counts requests, scrubs every answer of the request's
 * secrets and logs each request without its token.
 */
import { systemClock, type Clock } from './clock';
import { platformTransport, type HttpOutcome, type HttpTransport } from './http';
import { RateLimitPacer, readRateLimit, waitAfterTooManyRequests, type RateLimitInfo } from './rateLimit';
import { scrubberFor, scrubOutcome } from './scrub';
import { customersPath, storeApiUrl, type StoreTarget } from './storeTarget';

export const DEFAULT_USER_AGENT = 'bigcommerce-customers/0.1.0 (+https://developer.bigcommerce.com)';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest wait a store may impose (rate-limit headers, X-Retry-After) before it is cut short. */
export const DEFAULT_MAX_STORE_WAIT_MS = 300_000;

export interface RequestLogEntry {
  method: string;
  /** path and query, without the host; never a token */
  path: string;
  status: number | 'network-error' | 'timeout';
  durationMs: number;
  requestId?: string;
  rateLimit?: { left?: number; quota?: number; resetMs?: number; windowMs?: number };
  note?: string;
}

export function requestHeaders(accessToken: string, userAgent: string, withBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Auth-Token': accessToken,
    Accept: 'application/json',
    'User-Agent': userAgent,
  };
  if (withBody) headers['Content-Type'] = 'application/json';
  return headers;
}

/** What every client of a store is given: how to carry requests, and the time. */
export interface StorePorts {
  /** default: the platform's `fetch` */
  transport?: HttpTransport;
  clock?: Clock;
}

export interface StoreClientOptions extends StorePorts {
  timeoutMs?: number;
  userAgent?: string;
  onRequest?: (entry: RequestLogEntry) => void;
  /** told before every pause the pacer imposes; `askedMs` when the store asked for longer than allowed */
  onWait?(ms: number, askedMs?: number): void;
  /** default 5 minutes */
  maxStoreWaitMs?: number;
}

export type ClientOutcome = (HttpOutcome & { rateLimit: RateLimitInfo }) | { kind: 'cancelled' };

export interface ClientRequest {
  method: 'GET' | 'POST';
  /** below `/stores/{hash}`; default `/v3/customers` */
  path?: string;
  /** query string without "?" */
  query?: string;
  body?: unknown;
  note?: string;
  /** aborts the pacing wait before the request; a request once started is always finished */
  signal?: AbortSignal;
}

export class StoreClient {
  private count = 0;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly transport: HttpTransport;
  readonly clock: Clock;
  readonly maxStoreWaitMs: number;
  private readonly pacer: RateLimitPacer;

  constructor(
    private readonly target: StoreTarget,
    private readonly options: StoreClientOptions = {},
    pacer?: RateLimitPacer,
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.transport = options.transport ?? platformTransport;
    this.clock = options.clock ?? systemClock;
    this.maxStoreWaitMs = Math.max(0, options.maxStoreWaitMs ?? DEFAULT_MAX_STORE_WAIT_MS);
    this.pacer = pacer ?? new RateLimitPacer(() => this.clock.now());
  }

  requestCount(): number {
    return this.count;
  }

  async request(request: ClientRequest): Promise<ClientOutcome> {
    const asked = this.pacer.reserveStart();
    if (asked > 0) {
      const delay = Math.min(asked, this.maxStoreWaitMs);
      this.options.onWait?.(delay, ...(asked > delay ? [asked] : []));
      if (!(await this.clock.sleep(delay, request.signal))) return { kind: 'cancelled' };
    }
    if (request.signal?.aborted) return { kind: 'cancelled' };

    const base = storeApiUrl(this.target, request.path ?? customersPath);
    const url = request.query ? `${base}?${request.query}` : base;
    const withBody = request.body !== undefined;
    const headers = requestHeaders(this.target.accessToken, this.userAgent, withBody);
    this.count += 1;
    this.pacer.requestStarted();
    const outcome = scrubOutcome(
      await this.transport({
        method: request.method,
        url,
        headers,
        ...(withBody ? { body: JSON.stringify(request.body) } : {}),
        timeoutMs: this.timeoutMs,
      }),
      scrubberFor(headers),
    );
    // Stamped on the client's clock, the one the sender compares send times with.
    if (outcome.kind === 'answer') outcome.receivedAt = this.clock.now();

    const rateLimit = outcome.kind === 'answer' ? readRateLimit(outcome.headers) : {};
    this.pacer.observe(rateLimit);
    if (outcome.kind === 'answer' && outcome.status === 429) {
      const wait = waitAfterTooManyRequests(rateLimit);
      if (wait !== undefined) this.pacer.blockFor(wait);
    }
    this.log(request, url, outcome, rateLimit);
    return { ...outcome, rateLimit };
  }

  private log(request: ClientRequest, url: string, outcome: HttpOutcome, rateLimit: RateLimitInfo): void {
    if (!this.options.onRequest) return;
    const parsed = new URL(url);
    const entry: RequestLogEntry = {
      method: request.method,
      path: parsed.pathname + parsed.search,
      status: outcome.kind === 'answer' ? outcome.status : outcome.kind,
      durationMs: outcome.durationMs,
    };
    if (outcome.kind === 'answer' && outcome.requestId) entry.requestId = outcome.requestId;
    const { left, quota, resetMs, windowMs } = rateLimit;
    if ([left, quota, resetMs, windowMs].some((v) => v !== undefined)) {
      entry.rateLimit = {};
      if (left !== undefined) entry.rateLimit.left = left;
      if (quota !== undefined) entry.rateLimit.quota = quota;
      if (resetMs !== undefined) entry.rateLimit.resetMs = resetMs;
      if (windowMs !== undefined) entry.rateLimit.windowMs = windowMs;
    }
    const notes = [request.note, outcome.kind !== 'answer' ? outcome.message : undefined].filter(Boolean);
    if (notes.length > 0) entry.note = notes.join(' — ');
    try {
      this.options.onRequest(entry);
    } catch {
      // A faulty logger must not break a send.
    }
  }
}
