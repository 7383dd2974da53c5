/**
 * Talks to one store's customers endpoint: builds the headers, paces
 * requests by the store's rate-limit headers, counts requests and logs each
 * one without its token.
 */
import { performHttp, type HttpOutcome } from './http';
import { RateLimitPacer, readRateLimit, waitAfterTooManyRequests, type RateLimitInfo } from './rateLimit';
import { customersPath, storeApiUrl, type StoreTarget } from './storeTarget';
import { sleep } from './waiting';

export const DEFAULT_USER_AGENT = 'bigcommerce-customers/0.1.0 (+https://developer.bigcommerce.com)';
export const DEFAULT_TIMEOUT_MS = 30_000;

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

export interface StoreClientOptions {
  timeoutMs?: number;
  userAgent?: string;
  onRequest?(entry: RequestLogEntry): void;
  /** told before every pause the pacer imposes */
  onWait?(ms: number): void;
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

  constructor(
    private readonly target: StoreTarget,
    private readonly options: StoreClientOptions = {},
    private readonly pacer: RateLimitPacer = new RateLimitPacer(),
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  requestCount(): number {
    return this.count;
  }

  async request(request: ClientRequest): Promise<ClientOutcome> {
    const delay = this.pacer.delayBeforeNextRequest();
    if (delay > 0) {
      this.options.onWait?.(delay);
      if (!(await sleep(delay, request.signal))) return { kind: 'cancelled' };
    }
    if (request.signal?.aborted) return { kind: 'cancelled' };

    const base = storeApiUrl(this.target, request.path ?? customersPath);
    const url = request.query ? `${base}?${request.query}` : base;
    const withBody = request.body !== undefined;
    this.count += 1;
    this.pacer.requestStarted();
    const outcome = await performHttp({
      method: request.method,
      url,
      headers: requestHeaders(this.target.accessToken, this.userAgent, withBody),
      ...(withBody ? { body: JSON.stringify(request.body) } : {}),
      timeoutMs: this.timeoutMs,
    });

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
