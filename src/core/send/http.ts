/**
 * One HTTP exchange, with every failure turned into a value. node-fetch is
 * loaded on first use so that merely loading this module (for example to
 * build a curl command) costs nothing.
 */
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
}

export type HttpOutcome = HttpAnswer | HttpFailure;

type FetchFunction = typeof import('node-fetch', { with: { 'resolution-mode': 'import' } }).default;
let fetchLoader: Promise<FetchFunction> | undefined;

function loadFetch(): Promise<FetchFunction> {
  fetchLoader ??= import('node-fetch').then((module) => module.default);
  return fetchLoader;
}

export async function performHttp(request: HttpRequest): Promise<HttpOutcome> {
  const started = Date.now();
  const fetch = await loadFetch();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    const init: Parameters<FetchFunction>[1] = {
      method: request.method,
      headers: request.headers,
      signal: controller.signal,
      redirect: 'manual', // never forward the token to wherever a redirect points
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    // The timer stays armed while the body is read: a store that sends
    // headers and then stalls is as stuck as one that never answers.
    const text = await response.text();
    const headers = lowerCaseHeaders(response.headers.entries());
    const { json, isJson } = parseJson(text);
    const answer: HttpAnswer = {
      kind: 'answer',
      status: response.status,
      headers,
      text,
      json,
      isJson,
      durationMs: Date.now() - started,
      receivedAt: Date.now(),
    };
    const requestId = headers['x-request-id'];
    if (requestId) answer.requestId = requestId;
    return answer;
  } catch (error) {
    const durationMs = Date.now() - started;
    if (timedOut) {
      return { kind: 'timeout', message: `no answer within ${formatSeconds(request.timeoutMs)}`, durationMs };
    }
    return { kind: 'network-error', message: describeNetworkError(error), durationMs };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): { json: unknown; isJson: boolean } {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[[{"]|^-?\d|^(true|false|null)$/.test(trimmed)) return { json: undefined, isJson: false };
  try {
    return { json: JSON.parse(trimmed), isJson: true };
  } catch {
    return { json: undefined, isJson: false };
  }
}

/** Describes a fetch failure from its code, not its message, which embeds the URL. */
function describeNetworkError(error: unknown): string {
  const err = error as { code?: unknown; errno?: unknown; cause?: { code?: unknown }; type?: unknown };
  const code = typeof err?.code === 'string' ? err.code : typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
  switch (code) {
    case 'ECONNRESET':
      return 'the connection was reset before the store answered';
    case 'ECONNREFUSED':
      return 'the store refused the connection';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the store\'s address could not be found (DNS)';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    case 'EPIPE':
      return 'the connection closed while sending';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'the store\'s TLS certificate was not accepted';
    default:
      break;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/socket hang up|premature close/i.test(message)) return 'the connection closed before the store answered';
  return code ? `network error (${code})` : 'network error';
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 10 ? `${Math.round(seconds)} s` : `${Number(seconds.toFixed(1))} s`;
}
