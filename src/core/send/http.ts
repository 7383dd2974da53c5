/**
 * One HTTP exchange, with every failure turned into a value. The core only
 * describes the exchange; a transport carries it (the Node one lives outside
 * the core, a browser can use its own `fetch`).
 */
import { systemClock, type Clock } from './clock';
import { lowerCaseHeaders } from './rateLimit';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpAnswer {
  kind: 'answer';
  status: number;
  /** names lower-cased */
  headers: Record<string, string>;
  text: string;
  /** parsed body when it is JSON, otherwise undefined */
  json: unknown;
  isJson: boolean;
  requestId?: string;
  durationMs: number;
  /** local time the answer was complete */
  receivedAt: number;
}

export interface HttpFailure {
  kind: 'network-error' | 'timeout';
  /** plain words, never containing request headers */
  message: string;
  durationMs: number;
  /** the request certainly never reached the store (refused, no DNS, TLS refused, unsendable header) */
  neverSent?: boolean;
}

export type HttpOutcome = HttpAnswer | HttpFailure;

/** Carries one request; never rejects. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpOutcome>;

/** The part of WHATWG `fetch` a transport needs (browsers' `fetch` and the Node transport over `http` both fit). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number; headers: { forEach(callback: (value: string, name: string) => void): void }; text(): Promise<string> }>;

/** A transport over any `fetch`: the timeout covers the body too, redirects are never followed. */
export function fetchTransport(fetch: () => Promise<FetchLike> | FetchLike, clock: Pick<Clock, 'now'> = systemClock): HttpTransport {
  return async (request) => {
    const started = clock.now();
    // Loaded before the timer starts: loading is not the store's time.
    const fetchFunction = await fetch();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    try {
      const response = await fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        signal: controller.signal,
        redirect: 'manual', // never forward the token to wherever a redirect points
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      // The timer stays armed while the body is read: a store that sends
      // headers and then stalls is as stuck as one that never answers.
      const text = await response.text();
      const pairs: [string, string][] = [];
      response.headers.forEach((value, name) => pairs.push([name, value]));
      const headers = lowerCaseHeaders(pairs);
      const { json, isJson } = parseJson(text);
      const receivedAt = clock.now();
      const answer: HttpAnswer = { kind: 'answer', status: response.status, headers, text, json, isJson, durationMs: receivedAt - started, receivedAt };
      const requestId = headers['x-request-id'];
      if (requestId) answer.requestId = requestId;
      return answer;
    } catch (error) {
      const durationMs = clock.now() - started;
      if (timedOut) return { kind: 'timeout', message: `no answer within ${formatSeconds(request.timeoutMs)}`, durationMs };
      const { message, neverSent } = describeNetworkError(error);
      return { kind: 'network-error', message, durationMs, ...(neverSent ? { neverSent } : {}) };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** `fetch` of the platform the core runs on (a browser, a web worker, Node 20). */
export const platformTransport: HttpTransport = fetchTransport(() => globalThis.fetch);

function parseJson(text: string): { json: unknown; isJson: boolean } {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[[{"]|^-?\d|^(true|false|null)$/.test(trimmed)) return { json: undefined, isJson: false };
  try {
    return { json: JSON.parse(trimmed), isJson: true };
  } catch {
    return { json: undefined, isJson: false };
  }
}

/** Errors after which the request cannot have reached the store. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
]);

/** Describes a fetch failure from its code, not its message, which embeds the URL. */
function describeNetworkError(error: unknown): { message: string; neverSent: boolean } {
  const err = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof err?.code === 'string' ? err.code : typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
  const neverSent = code !== undefined && NEVER_SENT.has(code);
  const words = (message: string): { message: string; neverSent: boolean } => ({ message, neverSent });
  switch (code) {
    case 'ECONNRESET':
      return words('the connection was reset before the store answered');
    case 'ECONNREFUSED':
      return words('the store refused the connection');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return words("the store's address could not be found (DNS)");
    case 'ETIMEDOUT':
      return words('the connection timed out');
    case 'EPIPE':
      return words('the connection closed while sending');
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return words("the store's TLS certificate was not accepted");
    case 'ERR_INVALID_CHAR':
    case 'ERR_INVALID_HTTP_TOKEN':
      return words('a request header could not be sent (the access token has a character HTTP headers forbid)');
    default:
      break;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/socket hang up|premature close/i.test(message)) return words('the connection closed before the store answered');
  return words(code ? `network error (${code})` : 'network error');
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 10 ? `${Math.round(seconds)} s` : `${Number(seconds.toFixed(1))} s`;
}
