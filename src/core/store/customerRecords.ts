/**
 * The store's customers as `GET /v3/customers?email:in=…` describes them, kept with their
 * channel access: in a multi-storefront store one email can belong to several customers.
 */
import { DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS } from '../send/backoff';
import { lookupEmails, StoreRequestError } from '../send/lookup';
import { normalizeEmail } from '../send/serverErrors';
import { type ClientOutcome, type ClientRequest, type RequestLogEntry, StoreClient } from '../send/storeClient';
import { checkStoreTarget, type StoreTarget } from '../send/storeTarget';
import { RetryClock } from '../send/waiting';
import { asRecord } from './listReads';
import { type ExistingCustomer, existingCustomerOf } from './channelAccess';

/** The customers of a customers list answer, by lower-cased email. */
export function customersOfAnswer(json: unknown, into = new Map<string, ExistingCustomer[]>()): Map<string, ExistingCustomer[]> {
  const data = asRecord(json)?.['data'];
  if (!Array.isArray(data)) return into;
  for (const raw of data) {
    const customer = existingCustomerOf(raw);
    if (!customer) continue;
    const key = normalizeEmail(customer.email);
    const list = into.get(key) ?? [];
    if (!list.some((c) => c.id === customer.id)) list.push(customer);
    into.set(key, list);
  }
  return into;
}

/** A store client that keeps the customers of every customers list it reads. */
export class CustomerRecordingClient extends StoreClient {
  readonly customers = new Map<string, ExistingCustomer[]>();

  override async request(request: ClientRequest): Promise<ClientOutcome> {
    const outcome = await super.request(request);
    const listsCustomers = request.method === 'GET' && (request.path === undefined || request.path === '/v3/customers');
    if (listsCustomers && outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) customersOfAnswer(outcome.json, this.customers);
    return outcome;
  }
}

export interface FoundCustomers {
  /** lower-cased email → the id of a customer with it */
  found: Map<string, number>;
  /** lower-cased email → every customer with it, with its channel access */
  customers: Map<string, ExistingCustomer[]>;
}

/**
 * Which of `emails` belong to customers of the store, and on which channels. Rejects with a
 * `StoreRequestError` when the store cannot be asked.
 */
export async function findExistingCustomers(target: StoreTarget, emails: string[], options: { maxRetryTimeMs?: number; onRequest?(entry: RequestLogEntry): void } = {}): Promise<FoundCustomers> {
  const problem = checkStoreTarget(target);
  if (problem) throw new StoreRequestError(problem);
  const client = new CustomerRecordingClient(target, options.onRequest ? { onRequest: options.onRequest } : {});
  const result = await lookupEmails(client, emails, {
    clock: new RetryClock(options.maxRetryTimeMs ?? 120_000),
    backoff: { baseMs: DEFAULT_BACKOFF_BASE_MS, capMs: DEFAULT_BACKOFF_CAP_MS, random: Math.random },
    note: 'look up existing emails',
    reading: true,
  });
  if (!result.ok) throw new StoreRequestError(result.message.charAt(0).toUpperCase() + result.message.slice(1), result.status, result.requestId);
  return { found: result.found, customers: client.customers };
}
