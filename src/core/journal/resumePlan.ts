/**
 * What an earlier send of a file to a store already did, read from its
 * journal: which customers are settled (created, or refused in the store's
 * words), which of them need no request (the created ones, and those whose
 * email the store already has: any other refused one is sent again, as the
 * store may have changed since), and which requests left
 * without their outcome being written, so the store must be asked about their
 * emails before anything is sent again.
 *
 * Customers are matched by content, not position: a customer edited since is
 * sent again, the others stay settled, and the file's name plays no part.
 */
import { customerContentKey } from './contentKey';
import type { CustomerOutcome, IntentRecord, JournalRecord, StoreIdentity } from './journalRecords';
import { normalizeEmail as emailKey } from '../email';
import { sameStore } from './storeIdentity';

/** A customer of the file as it is now. */
export interface FileCustomer {
  index: number;
  value: unknown;
}

/** A settled customer, with its place in the file as it is now. */
export type SettledCustomer = CustomerOutcome & { result: 'created' | 'refused' };

/** A request that left without its outcome written (or whose outcome was unclear). */
export interface InterruptedRequest {
  request: number;
  /** when it left, ms since the epoch, local clock */
  sentAt: number;
  /** the customers of the file, as it is now, with those emails */
  indexes: number[];
}

export interface ResumePlan {
  /** file index → what the store did with that customer */
  settled: Map<number, SettledCustomer>;
  /** how many of the settled customers were created */
  created: number;
  /** how many of the settled customers a send skips: created, or already in the store */
  inStore: number;
  interrupted: InterruptedRequest[];
  /** the number the next request of the journal takes */
  nextRequest: number;
}

interface InFlight {
  request: number;
  sentAt: number;
  key: string;
}

export function planResume(records: readonly JournalRecord[], store: StoreIdentity, customers: readonly FileCustomer[]): ResumePlan {
  const done = new Map<string, CustomerOutcome & { result: 'created' | 'refused' }>();
  const inFlightByEmail = new Map<string, InFlight>();
  const intents = new Map<number, IntentRecord>();
  let ours = false;
  let lastRequest = 0;

  for (const record of records) {
    if (record.type === 'send') {
      ours = sameStore(record, store);
      continue;
    }
    if (record.type === 'forget') {
      if (sameStore(record, store)) forget(done, new Set(record.emails));
      continue;
    }
    lastRequest = Math.max(lastRequest, record.request);
    if (!ours) continue;
    if (record.type === 'intent') {
      intents.set(record.request, record);
      for (const c of record.customers) {
        done.delete(c.key); // sent again (a refused customer is): this attempt's outcome is what counts
        inFlightByEmail.set(emailKey(c.email), { request: record.request, sentAt: record.at, key: c.key });
      }
      continue;
    }
    const intent = intents.get(record.request);
    const listed = new Set<string>();
    for (const outcome of record.customers) {
      const email = emailKey(outcome.email);
      listed.add(email);
      if (outcome.result === 'unclear') {
        inFlightByEmail.set(email, { request: record.request, sentAt: intent?.at ?? 0, key: outcome.key });
      } else {
        done.set(outcome.key, outcome);
        inFlightByEmail.delete(email);
      }
    }
    // Customers of the request the outcome does not list were not created.
    for (const c of intent?.customers ?? []) {
      const email = emailKey(c.email);
      if (!listed.has(email) && inFlightByEmail.get(email)?.request === record.request) inFlightByEmail.delete(email);
    }
  }

  const settled = new Map<number, SettledCustomer>();
  const interrupted = new Map<number, InterruptedRequest>();
  for (const { index, value } of customers) {
    const outcome = done.get(customerContentKey(value));
    if (outcome) {
      settled.set(index, { ...outcome, index });
      continue;
    }
    const email = emailOf(value);
    const inFlight = email === undefined ? undefined : inFlightByEmail.get(emailKey(email));
    if (!inFlight) continue;
    const group = interrupted.get(inFlight.request) ?? { request: inFlight.request, sentAt: inFlight.sentAt, indexes: [] };
    group.indexes.push(index);
    interrupted.set(inFlight.request, group);
  }
  const created = [...settled.values()].filter((s) => s.result === 'created').length;
  const inStore = [...settled.values()].filter(isInStore).length;
  return { settled, created, inStore, interrupted: [...interrupted.values()].sort((a, b) => a.request - b.request), nextRequest: lastRequest + 1 };
}

/** Drops what the journal knew of customers with these emails (lower-cased). */
function forget(done: Map<string, CustomerOutcome>, emails: ReadonlySet<string>): void {
  for (const [key, outcome] of done) if (emails.has(emailKey(outcome.email))) done.delete(key);
}

/** Whether the store has this customer: created by a send, or its email found there already. A send skips it. */
export function isInStore(outcome: SettledCustomer | undefined): boolean {
  return outcome !== undefined && (outcome.result === 'created' || outcome.emailInUse === true);
}

function emailOf(value: unknown): string | undefined {
  const email = (value as { email?: unknown } | null)?.email;
  return typeof email === 'string' && email.trim() !== '' ? email : undefined;
}
