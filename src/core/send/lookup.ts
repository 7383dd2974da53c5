/**
 * Asks the store which emails already belong to customers
 * (`GET /v3/customers?email:in=…`). Used before sending, and after every
 * answer that leaves it unclear whether customers were created.
 */
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS, type BackoffPolicy } from './backoff';
import { normalizeEmail } from '../email';
import { parseErrorBody } from './serverErrors';
import { StoreClient, type RequestLogEntry, type StorePorts } from './storeClient';
import { isTransientStatus, stopReasonFor, type StopReason } from './storeProblems';
import { waitAfterTooManyRequests } from './rateLimit';
import { RetryClock } from './waiting';
import type { StoreTarget } from './storeTarget';
import { checkStoreTarget } from './storeTarget';
import { formatSeconds } from './http';
import { accessOverlaps, channelAccessOfCustomer, type ExistingCustomer, existingCustomerOf } from '../store/channelAccess';

/** BigCommerce documents no cap on `email:in`; ten matches the create batch size. */
export const EMAILS_PER_LOOKUP = 10;

/** Answers to a lookup that no retry can fix. */
const STOPS_READING = new Set([401, 403, 404]);

export interface LookupOptions extends StorePorts {
  timeoutMs?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  userAgent?: string;
  /** stop retrying after this long, default 120000 */
  maxRetryTimeMs?: number;
  signal?: AbortSignal;
  random?: () => number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

/** One customer the store has with an email asked about (with the channels it can log in to: in a store with several storefronts an email is unique per channel). */
export interface ListedCustomer extends ExistingCustomer {
  /** the store's `date_created`, in ms since the epoch, when it gave one */
  createdAt?: number;
}

export interface LookupFound {
  ok: true;
  /** lower-cased email → customer id (the first the store listed) */
  found: Map<string, number>;
  /** lower-cased email → every customer the store listed with it; without it, `found` counts as global access */
  customers?: Map<string, ListedCustomer[]>;
  /** lower-cased email → the store's `date_created`, in ms since the epoch, when it gave one */
  createdAt: Map<string, number>;
  /** the store's clock minus ours (from its `Date` header), accurate to about a second */
  serverClockOffsetMs?: number;
}

export type LookupResult =
  | LookupFound
  | {
      ok: false;
      message: string;
      status?: number;
      requestId?: string;
      stop?: StopReason;
      cancelled?: boolean;
      /** why the store could not be reached at all (refused, no DNS, TLS refused): retrying soon would not help */
      unreachable?: string;
    };

export interface LookupControl {
  clock: RetryClock;
  backoff: BackoffPolicy;
  /** cancels waits; with `alwaysTryOnce` the first request is made even when cancelled */
  signal?: AbortSignal;
  alwaysTryOnce?: boolean;
  note: string;
  maxPerRequest?: number;
  /** a read on its own (not part of a send): a 403 then means no Customers scope at all */
  reading?: boolean;
  /** `why` completes "The store …", e.g. "answered HTTP 503 (Service Unavailable)" */
  onWait?(ms: number, why: string): void;
}

/** The query for one chunk; each value is encoded so that `+` reaches the store as `%2B`. */
export function emailLookupQuery(emails: string[]): string {
  return `email:in=${emails.map((e) => encodeURIComponent(e.trim())).join(',')}`;
}

/** Lower-cased email → customer id, for the given emails only. */
export async function lookupEmails(client: StoreClient, emails: string[], control: LookupControl): Promise<LookupResult> {
  const unique = [...new Map(emails.filter((e) => e.trim() !== '').map((e) => [normalizeEmail(e), e.trim()])).values()];
  const wanted = new Set(unique.map(normalizeEmail));
  const found = new Map<string, number>();
  const customers = new Map<string, ListedCustomer[]>();
  const createdAt = new Map<string, number>();
  let serverClockOffsetMs: number | undefined;
  const perRequest = Math.max(1, control.maxPerRequest ?? EMAILS_PER_LOOKUP);
  let firstRequest = true;

  for (let start = 0; start < unique.length; start += perRequest) {
    const chunk = unique.slice(start, start + perRequest);
    for (;;) {
      const useSignal = control.alwaysTryOnce && firstRequest ? undefined : control.signal;
      const outcome = await client.request({
        method: 'GET',
        query: emailLookupQuery(chunk),
        note: control.note,
        ...(useSignal ? { signal: useSignal } : {}),
      });
      firstRequest = false;
      if (outcome.kind === 'cancelled') return cancelledResult();

      let problem: string;
      let waitMs: number | undefined;
      if (outcome.kind === 'answer') {
        const data = (outcome.json as { data?: unknown } | undefined)?.data;
        if (outcome.status >= 200 && outcome.status < 300 && Array.isArray(data)) {
          for (const customer of data) {
            const existing = existingCustomerOf(customer);
            if (!existing || !wanted.has(normalizeEmail(existing.email))) continue;
            const { id, email } = existing;
            const key = normalizeEmail(email);
            const dateCreated = (customer as { date_created?: unknown }).date_created;
            const created = typeof dateCreated === 'string' ? Date.parse(dateCreated) : NaN;
            const listed = customers.get(key) ?? [];
            if (listed.some((c) => c.id === id)) continue;
            listed.push({ ...existing, ...(Number.isFinite(created) ? { createdAt: created } : {}) });
            customers.set(key, listed);
            if (found.has(key)) continue;
            found.set(key, id);
            if (Number.isFinite(created)) createdAt.set(key, created);
          }
          const serverDate = Date.parse(outcome.headers.date ?? '');
          if (Number.isFinite(serverDate)) serverClockOffsetMs = serverDate - outcome.receivedAt;
          break;
        }
        const stop = STOPS_READING.has(outcome.status) ? stopReasonFor(outcome.status, { reading: control.reading === true }) : undefined;
        const error = parseErrorBody(outcome.status, outcome.text, outcome.json);
        const withId = outcome.requestId ? { requestId: outcome.requestId } : {};
        if (stop) {
          return { ok: false, message: stop.reason, status: outcome.status, stop, ...withId };
        }
        const success = outcome.status >= 200 && outcome.status < 300;
        if (!success && !isTransientStatus(outcome.status)) {
          return { ok: false, message: `the store answered HTTP ${outcome.status}: ${error.summary}`, status: outcome.status, ...withId };
        }
        if (outcome.status === 429) waitMs = waitAfterTooManyRequests(outcome.rateLimit);
        problem = success ? 'answered without a list of customers' : `answered HTTP ${outcome.status} (${error.summary})`;
      } else {
        problem = outcome.kind === 'timeout' ? `gave ${outcome.message}` : `could not be reached (${outcome.message})`;
        if (outcome.kind === 'network-error' && outcome.neverSent) return { ok: false, message: `the store ${problem}`, unreachable: outcome.message };
      }

      const wait = waitMs ?? backoffDelayMs(control.clock.retries(), control.backoff);
      if (!control.clock.allowsRetryAfter(wait)) {
        return { ok: false, message: `the store kept failing (${problem}) for ${formatSeconds(control.clock.elapsedMs())}` };
      }
      control.onWait?.(wait, problem);
      if (!(await client.clock.sleep(wait, control.signal))) return cancelledResult();
    }
  }
  return { ok: true, found, customers, createdAt, ...(serverClockOffsetMs !== undefined ? { serverClockOffsetMs } : {}) };
}

/** The customer of the store that `customer` (as sent) would clash with: same email, and channels that meet. */
export function clashingCustomer(lookup: LookupFound, key: string, customer: unknown): ListedCustomer | undefined {
  // A channel_ids the schema reports as wrong counts as global access: assuming a clash never creates a customer twice.
  const access = channelAccessOfCustomer(customer) ?? 'global';
  const id = lookup.found.get(key);
  const createdAt = lookup.createdAt.get(key);
  const listed =
    lookup.customers?.get(key) ?? (id === undefined ? [] : [{ id, email: key, access: 'global' as const, ...(createdAt !== undefined ? { createdAt } : {}) }]);
  // An overlap that depends on a channel's unknown global-logins setting counts as one, for the same reason.
  return listed.find((existing) => accessOverlaps(existing.access, access) !== false);
}

function cancelledResult(): LookupResult {
  return { ok: false, cancelled: true, message: 'cancelled before the store answered' };
}

/** Raised by `findExistingCustomers` when the store cannot be asked; carries no token. */
export class StoreRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'StoreRequestError';
  }
}

/** What a lookup found of some emails: one customer id for each, and every customer with each (with its channels). */
export interface FoundCustomers {
  /** lower-cased email → the id of a customer with it */
  found: Map<string, number>;
  /** lower-cased email → every customer the store has with it */
  customers: Map<string, ListedCustomer[]>;
}

/**
 * Which of `emails` belong to customers of the store, and on which channels. Rejects with a
 * `StoreRequestError` when the store cannot be asked.
 */
export async function findExistingCustomers(target: StoreTarget, emails: string[], options: LookupOptions = {}): Promise<FoundCustomers> {
  const problem = checkStoreTarget(target);
  if (problem) throw new StoreRequestError(problem);
  const { maxRetryTimeMs, signal, random, backoffBaseMs, backoffCapMs, ...clientOptions } = options;
  const client = new StoreClient(target, clientOptions);
  const result = await lookupEmails(client, emails, {
    clock: new RetryClock(maxRetryTimeMs ?? 120_000, () => client.clock.now()),
    backoff: { baseMs: backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS, capMs: backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS, random: random ?? Math.random },
    ...(signal ? { signal } : {}),
    note: 'look up existing emails',
    reading: true,
  });
  if (!result.ok) throw new StoreRequestError(capitalize(result.message), result.status, result.requestId);
  return { found: result.found, customers: result.customers ?? new Map<string, ListedCustomer[]>() };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
