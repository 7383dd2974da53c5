/**
 * Reading whole lists from a store: every page of a V3 list (`{data, meta.pagination}`)
 * or of a V2 list (a bare array, 204 when there is nothing more).
 */
import { describeFailedRead, unexpectedAnswer, type ReadFailure, type ReadScope } from './readFailures';
import type { ClientRequest, StoreClient } from '../send/storeClient';

/** A GET below `/stores/{hash}`. */
export type ReadRequest = Omit<ClientRequest, 'method' | 'body'> & { path: string };

export type Fetched = { ok: true; status: number; json: unknown } | { ok: false; failure: ReadFailure };

/** Stops a store that keeps saying "more pages" from being read forever. */
export const MAX_PAGES = 100;
/** Wait after a 429 that names no wait of its own. */
const BARE_429_WAIT_MS = 1_000;

export interface ReadContext {
  reader: StoreClient;
  storeHash: string;
  signal?: AbortSignal;
}

/** One GET; a 429 is retried once, after the wait the store asked for (the reader's pacer keeps it). */
export async function fetchJson(context: ReadContext, request: Omit<ReadRequest, 'signal'>, scope: ReadScope): Promise<Fetched> {
  const withSignal: ReadRequest = context.signal ? { ...request, signal: context.signal } : request;
  let outcome = await context.reader.request({ method: 'GET', ...withSignal });
  if (outcome.kind === 'answer' && outcome.status === 429) {
    const namedWait = outcome.rateLimit.resetMs !== undefined || outcome.rateLimit.retryAfterMs !== undefined;
    const waited = namedWait || (await context.reader.clock.sleep(BARE_429_WAIT_MS, context.signal));
    outcome = waited ? await context.reader.request({ method: 'GET', ...withSignal }) : { kind: 'cancelled' };
  }
  if (outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) {
    return { ok: true, status: outcome.status, json: outcome.json };
  }
  return { ok: false, failure: describeFailedRead(outcome, context.storeHash, scope) };
}

export type ListResult<T> = { ok: true; items: T[] } | { ok: false; failure: ReadFailure };

/** Every page of a V3 list; items that `parse` rejects are skipped. */
export async function readV3List<T>(
  context: ReadContext,
  path: string,
  pageSize: number,
  scope: ReadScope,
  parse: (raw: unknown) => T | undefined,
): Promise<ListResult<T>> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const fetched = await fetchJson(context, { path, query: `page=${page}&limit=${pageSize}`, note: `read ${path}` }, scope);
    if (!fetched.ok) return fetched;
    const body = asRecord(fetched.json);
    const data = body?.['data'];
    if (!Array.isArray(data)) return { ok: false, failure: unexpectedAnswer() };
    collect(data, parse, items);
    const totalPages = asRecord(asRecord(body?.['meta'])?.['pagination'])?.['total_pages'];
    const last = typeof totalPages === 'number' ? page >= totalPages : data.length < pageSize;
    if (last || data.length === 0) break;
  }
  return { ok: true, items };
}

/** Every page of a V2 list: a bare array per page, and 204 (or a short page) at the end. */
export async function readV2List<T>(
  context: ReadContext,
  path: string,
  pageSize: number,
  scope: ReadScope,
  parse: (raw: unknown) => T | undefined,
): Promise<ListResult<T>> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const fetched = await fetchJson(context, { path, query: `page=${page}&limit=${pageSize}`, note: `read ${path}` }, scope);
    if (!fetched.ok) return fetched;
    if (fetched.status === 204) break;
    // Tolerate a V3-style `{data: [...]}` wrapper as well.
    const data = Array.isArray(fetched.json) ? fetched.json : asRecord(fetched.json)?.['data'];
    if (!Array.isArray(data)) return { ok: false, failure: unexpectedAnswer() };
    collect(data, parse, items);
    if (data.length < pageSize) break;
  }
  return { ok: true, items };
}

function collect<T>(data: unknown[], parse: (raw: unknown) => T | undefined, into: T[]): void {
  for (const raw of data) {
    const item = parse(raw);
    if (item !== undefined) into.push(item);
  }
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
