/**
 * The records of a send journal: one JSON object a line, appended and made
 * durable one at a time. A journal holds customers' emails and the store's
 * answers, never the access token.
 */

/** Which store a send went to: the store hash and where its API lives. Never the token. */
export interface StoreIdentity {
  store: string;
  api: string;
}

/** Starts a send: every record after it, up to the next one, belongs to that store. */
export interface SendStartRecord extends StoreIdentity {
  type: 'send';
  version: 1;
  /** ISO date */
  at: string;
}

/** A customer as a journal names it: its place in the file then, its email and its content key. */
export interface JournalCustomer {
  index: number;
  email: string;
  key: string;
}

/** Written, and made durable, before a create request leaves. */
export interface IntentRecord {
  type: 'intent';
  /** unique within the journal */
  request: number;
  /** local time, ms since the epoch, just before the request */
  at: number;
  customers: JournalCustomer[];
}

/** What became of one customer of a request. */
export type CustomerOutcome = JournalCustomer &
  (
    | { result: 'created'; id: number; requestId?: string }
    /** the store refused it, in the store's words; `emailInUse` when its email belongs to a customer already */
    | { result: 'refused'; message: string; path: string; emailInUse?: boolean; existingId?: number; requestId?: string }
    /** the store could not be asked whether it was created: the next send asks again */
    | { result: 'unclear' }
  );

/**
 * Written after a request's answer was handled. A customer of the request's
 * intent that it does not list was not created and is not settled. An
 * outcome with no intent names customers settled without a create request:
 * a lookup found their emails in the store already.
 */
export interface OutcomeRecord {
  type: 'outcome';
  request: number;
  customers: CustomerOutcome[];
}

/**
 * The merchant forgot these customers' results at this store: whatever the
 * journal said of them before, the next send sends them again.
 */
export interface ForgetRecord extends StoreIdentity {
  type: 'forget';
  /** lower-cased, trimmed */
  emails: string[];
}

export type JournalRecord = SendStartRecord | IntentRecord | OutcomeRecord | ForgetRecord;

/** One line of the journal, newline included. */
export function journalLine(record: JournalRecord): string {
  return JSON.stringify(record) + '\n';
}

/** The record a line holds, or undefined for a line that is not one (damaged, or from another program). */
export function parseJournalLine(line: string): JournalRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is JournalRecord {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'send':
      return value.version === 1 && typeof value.store === 'string' && typeof value.api === 'string' && typeof value.at === 'string';
    case 'intent':
      return isCount(value.request) && typeof value.at === 'number' && Array.isArray(value.customers) && value.customers.every(isCustomer);
    case 'outcome':
      return isCount(value.request) && Array.isArray(value.customers) && value.customers.every(isOutcome);
    case 'forget':
      return (
        typeof value.store === 'string' && typeof value.api === 'string' && Array.isArray(value.emails) && value.emails.every((e) => typeof e === 'string')
      );
    default:
      return false;
  }
}

function isCustomer(value: unknown): value is JournalCustomer {
  return isObject(value) && isCount(value.index) && typeof value.email === 'string' && typeof value.key === 'string';
}

function isOutcome(value: unknown): value is CustomerOutcome {
  if (!isCustomer(value)) return false;
  const outcome = value as unknown as Record<string, unknown>;
  switch (outcome.result) {
    case 'created':
      return typeof outcome.id === 'number';
    case 'refused':
      return typeof outcome.message === 'string' && typeof outcome.path === 'string';
    case 'unclear':
      return true;
    default:
      return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
