/**
 * Checks store credentials without creating anything: one cheap read, then
 * a create request with an empty list, which tells a token with the
 * Customers modify scope (any answer but 403) from a read-only one (403).
 */
import { parseErrorBody } from './serverErrors';
import { StoreClient, type ClientOutcome, type ClientRequest, type RequestLogEntry, type StorePorts } from './storeClient';
import { stopReasonFor } from './storeProblems';
import { checkStoreTarget, type StoreTarget } from './storeTarget';
import { waitAfterTooManyRequests } from './rateLimit';

export interface ConnectionCheck {
  ok: boolean;
  canRead: boolean;
  canCreate: boolean | 'unknown';
  message: string;
  status?: number;
}

export interface ConnectionOptions extends StorePorts {
  timeoutMs?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  userAgent?: string;
}

/** Longest pause before the single retry of a busy store; a check should stay quick. */
const MAX_RETRY_WAIT_MS = 5_000;

export async function testConnection(target: StoreTarget, options: ConnectionOptions = {}): Promise<ConnectionCheck> {
  const problem = checkStoreTarget(target);
  if (problem) return { ok: false, canRead: false, canCreate: 'unknown', message: problem };
  const client = new StoreClient(target, {
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });

  const read = await requestWithOneRetry(client, { method: 'GET', query: 'limit=1', note: 'connection check: read customers' });
  if (read.kind === 'cancelled') return { ok: false, canRead: false, canCreate: 'unknown', message: 'The check was cancelled.' };
  if (read.kind !== 'answer') {
    return {
      ok: false,
      canRead: false,
      canCreate: 'unknown',
      message: `The store could not be reached: ${read.message}. Check the API address and the network connection.`,
    };
  }
  const readStop = stopReasonFor(read.status, { reading: true });
  if (readStop && read.status !== 413 && read.status !== 507) {
    return {
      ok: false,
      canRead: false,
      canCreate: read.status === 403 || read.status === 401 ? false : 'unknown',
      message: readStop.reason,
      status: read.status,
    };
  }
  const listed = Array.isArray((read.json as { data?: unknown } | undefined)?.data);
  if (read.status < 200 || read.status >= 300 || !listed) {
    const summary = parseErrorBody(read.status, read.text, read.json).summary;
    return {
      ok: false,
      canRead: false,
      canCreate: 'unknown',
      message: `The store did not list customers (HTTP ${read.status}: ${summary}). Check the API address and the store hash.`,
      status: read.status,
    };
  }

  // An empty list creates nothing; only the permission check runs.
  const probe = await requestWithOneRetry(client, { method: 'POST', body: [], note: 'connection check: create permission (empty list)' });
  const storeName = `store ${target.storeHash}`;
  if (probe.kind === 'answer' && probe.status === 403) {
    return {
      ok: false,
      canRead: true,
      canCreate: false,
      message: `The token can read customers of ${storeName} but cannot create them: it lacks the Customers modify scope (store_v2_customers). Give the store API account "Customers: modify" and set the store credentials again.`,
      status: 403,
    };
  }
  if (probe.kind === 'answer' && probe.status === 401) {
    return { ok: false, canRead: true, canCreate: false, message: stopReasonFor(401)!.reason, status: 401 };
  }
  if (probe.kind !== 'answer' || probe.status === 429 || probe.status >= 500) {
    const why = probe.kind === 'answer' ? `HTTP ${probe.status}` : probe.kind === 'cancelled' ? 'cancelled' : probe.message;
    return {
      ok: true,
      canRead: true,
      canCreate: 'unknown',
      message: `Connected to ${storeName}: the token can read customers. Whether it may create them could not be checked (${why}); it needs the Customers modify scope (store_v2_customers).`,
      status: read.status,
    };
  }
  return {
    ok: true,
    canRead: true,
    canCreate: true,
    message: `Connected to ${storeName}: the token can read and create customers.`,
    status: read.status,
  };
}

/** A busy store (429, 5xx) or a dropped connection gets one more try after a short wait; a store that cannot be reached at all does not. */
async function requestWithOneRetry(client: StoreClient, request: ClientRequest): Promise<ClientOutcome> {
  const first = await client.request(request);
  const busy = (first.kind === 'network-error' && !first.neverSent) || (first.kind === 'answer' && (first.status === 429 || first.status >= 500));
  if (!busy) return first;
  if (first.kind === 'answer' && first.status === 429) {
    // The client itself holds the next request back for as long as the store asked.
    const asked = waitAfterTooManyRequests(first.rateLimit);
    if (asked !== undefined && asked > MAX_RETRY_WAIT_MS) return first;
    if (asked === undefined) await client.clock.sleep(1_000);
  } else {
    await client.clock.sleep(500);
  }
  return client.request(request);
}
