/** The shapes a send takes in and hands back. */
import type { RateLimitPacer } from './rateLimit';
import type { RequestLogEntry, StorePorts } from './storeClient';

export type { RequestLogEntry };

export interface CustomerToSend {
  /** position in the file's array */
  index: number;
  /** the parsed customer object */
  value: unknown;
}

export interface SendProgress {
  /** customers settled so far (created or failed) */
  done: number;
  total: number;
  created: number;
  /** customers that failed (one count per customer, however many problems it has) */
  failed: number;
  /** HTTP requests made so far, lookups included */
  request: number;
  /** set while waiting (rate limit or retry) */
  waitingMs?: number;
  message: string;
}

export interface SendOptions extends StorePorts {
  /** longest wait a store may impose before it is cut short and sending stops after it, default 5 minutes */
  maxStoreWaitMs?: number;
  /** cancel: no new request starts; a request in flight is finished and reconciled */
  signal?: AbortSignal;
  onProgress?(p: SendProgress): void;
  onRequest?: (entry: RequestLogEntry) => void;
  /** per request, default 30000 */
  timeoutMs?: number;
  /** give up on a batch after this much retrying, default 120000 */
  maxRetryTimeMs?: number;
  userAgent?: string;
  /** jitter source */
  random?: () => number;
  /** first retry waits up to this long, doubling after each, default 500 */
  backoffBaseMs?: number;
  /** longest backoff wait, default 20000 */
  backoffCapMs?: number;
  /**
   * Ask the store which emails already exist before sending each batch (one
   * extra read per batch). Existing customers are then reported without being
   * sent, and a customer found after an unclear answer is known to be ours;
   * without it, the two are told apart by the customer's `date_created` on the
   * store's clock. By default a send starts without these reads and turns them
   * on once it meets a customer the store already has (a re-import), where
   * they save whole refused requests.
   */
  checkExistingFirst?: boolean;
  /** the store's pacer, shared with other sends and reads of the same store so that together they keep to its quota; default one of its own */
  pacer?: RateLimitPacer;
  /** records each create request before it leaves and what became of it, so that a later send can resume */
  journal?: SendJournalHooks;
  /**
   * Requests an earlier send made whose outcome it never learnt: the store is
   * asked about their customers before anything is sent.
   */
  interrupted?: { request: number; sentAt: number; indexes: number[] }[];
}

export interface SendJournalHooks {
  /** resolves with the request's number once its intent is durable; the request leaves only then */
  requestStarting(items: SendItem[]): Promise<number>;
  /** after the request's answer was handled: each customer with its result, if it is settled; durable with the next intent, or at `flush` */
  requestSettled(request: number, results: RequestResult[], requestId?: string): void;
  /** customers settled without a create request (a lookup found their emails in the store already); durable as `requestSettled` */
  settledWithoutRequest(results: RequestResult[]): void;
  /** at the end of a send: resolves once everything recorded is durable */
  flush(): Promise<void>;
}

export interface RequestResult {
  item: SendItem;
  created?: CreatedCustomer;
  failed?: FailedCustomer;
}

export interface CreatedCustomer {
  index: number;
  id: number;
  email: string;
  /** found by an email lookup after an answer that left the outcome unclear */
  recovered?: boolean;
}

export interface CustomerProblem {
  /** JSON Pointer into the file's array */
  path: string;
  message: string;
}

export interface FailedCustomer {
  index: number;
  /** JSON Pointer into the file's array: "/12/email", "/3/addresses/0/country_code", or "/3" */
  path: string;
  message: string;
  requestId?: string;
  status?: number;
  emailInUse?: boolean;
  existingId?: number;
  /** the store could not confirm whether this customer was created */
  outcomeUnknown?: boolean;
  /** further problems the store named for the same customer */
  more?: CustomerProblem[];
}

export interface SendReport {
  created: CreatedCustomer[];
  failed: FailedCustomer[];
  /** file indices never sent (after a stop or a cancel) */
  notSent: number[];
  requests: number;
  cancelled: boolean;
  stopped?: { reason: string; status?: number };
}

/** A customer ready to send: its email is what ties it to the store's records. */
export interface SendItem {
  index: number;
  value: unknown;
  email: string;
  /** lower-cased, trimmed email */
  key: string;
}
