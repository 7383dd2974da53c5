/**
 * Sends a file's customers to `POST /v3/customers`, one request at a time,
 * in file order, and reports what happened to every one of them.
 *
 * The one promise kept above all: no customer is created twice. Whenever an
 * answer leaves it unclear whether customers were stored (timeout, dropped
 * connection, 5xx, 422, an answer that is not the expected JSON), the store
 * is asked which of the request's emails exist before anything is sent again.
 */
import { matchCreated, planInvalidAnswer } from './answerMapping';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS, type BackoffPolicy } from './backoff';
import { maxCustomersPerRequest } from '../schema/customerSchema';
import { formatSeconds, type HttpAnswer } from './http';
import { lookupEmails, type LookupFound } from './lookup';
import { waitAfterTooManyRequests, type RateLimitInfo } from './rateLimit';
import { normalizeEmail, parseErrorBody } from './serverErrors';
import { StoreClient } from './storeClient';
import {
  describeGivingUp,
  isTransientStatus,
  SAFE_TO_RESEND,
  stopReasonFor,
  type StopReason,
} from './storeProblems';
import { checkStoreTarget, type StoreTarget } from './storeTarget';
import { SendTracker } from './sendTracker';
import type { CustomerProblem, CustomerToSend, SendItem, SendOptions, SendReport } from './sendTypes';
import { RetryClock, sleep } from './waiting';

export { maxCustomersPerRequest } from '../schema/customerSchema';
export type {
  CreatedCustomer,
  CustomerProblem,
  CustomerToSend,
  FailedCustomer,
  RequestLogEntry,
  SendOptions,
  SendProgress,
  SendReport,
} from './sendTypes';

const DEFAULT_MAX_RETRY_TIME_MS = 120_000;
/** `Date` and `date_created` have one-second resolution; allow for both. */
const CLOCK_MARGIN_MS = 2_500;
/** Pacing pauses shorter than this are not worth a progress message. */
const REPORTABLE_WAIT_MS = 1_000;

export function sendCustomers(target: StoreTarget, customers: CustomerToSend[], options: SendOptions = {}): Promise<SendReport> {
  return new SendRun(target, customers, options).run();
}

/** A group of customers sent together until each is settled. */
interface Unit {
  items: SendItem[];
  /** whether the store was already asked which of these emails exist */
  checked: boolean;
}

/** What to do after handling one answer. */
type Step =
  | { kind: 'done' }
  | { kind: 'continue'; remaining: SendItem[] }
  | { kind: 'split'; remaining: SendItem[] }
  | { kind: 'retry'; remaining: SendItem[]; problem: string; waitMs?: number; status?: number };

interface ReconcileContext {
  /** what happened to the request, in words that fit "…; then …" */
  what: string;
  /** the answer was a 422, which the store documents as all-or-nothing */
  wasRefused?: boolean;
  /** emails the store itself called already in use: key → its words */
  namedInUse?: Map<string, string>;
  requestId?: string;
  status?: number;
}

class SendRun {
  private readonly tracker: SendTracker;
  private readonly client: StoreClient;
  private readonly limit: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxRetryTimeMs: number;
  private readonly signal: AbortSignal | undefined;
  private stopped: StopReason | undefined;
  private cancelled = false;
  private consecutiveFailedBatches = 0;
  /** whether each batch starts with an email lookup; see SendOptions.checkExistingFirst */
  private checkFirst: boolean;
  /** emails a lookup showed absent before they were sent again */
  private readonly knownAbsent = new Set<string>();
  /** emails sent in a request whose outcome was unclear: if found later, they are ours */
  private readonly sentInUnclearRequest = new Set<string>();
  /** local time each email was first sent */
  private readonly firstSentAt = new Map<string, number>();

  constructor(
    private readonly target: StoreTarget,
    private readonly customers: CustomerToSend[],
    private readonly options: SendOptions,
  ) {
    this.tracker = new SendTracker(customers.map((c) => c.index));
    this.limit = maxCustomersPerRequest();
    this.checkFirst = options.checkExistingFirst ?? false;
    this.signal = options.signal;
    this.maxRetryTimeMs = options.maxRetryTimeMs ?? DEFAULT_MAX_RETRY_TIME_MS;
    this.backoff = {
      baseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
      capMs: options.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS,
      random: options.random ?? Math.random,
    };
    this.client = new StoreClient(target, {
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
      onWait: (ms) => {
        if (ms >= REPORTABLE_WAIT_MS) this.progress(`Pacing requests to stay within the store's rate limit (${formatSeconds(ms)})…`, ms);
      },
    });
  }

  async run(): Promise<SendReport> {
    const problem = checkStoreTarget(this.target);
    if (problem) return this.tracker.report(0, false, { reason: problem });
    try {
      const items = this.prepare();
      await this.reconcileInterrupted(items);
      const queue: Unit[] = [];
      for (let start = 0; start < items.length; start += this.limit) {
        queue.push({ items: items.slice(start, start + this.limit), checked: false });
      }
      while (queue.length > 0 && !this.stopped) {
        if (this.signal?.aborted) {
          this.cancelled = true;
          break;
        }
        const unit = queue.shift()!;
        queue.unshift(...(await this.sendUnit(unit)));
      }
    } catch (error) {
      // Only a programming error can land here; the report still keeps everything done so far.
      const message = error instanceof Error ? error.message : String(error);
      this.stopped = { reason: `Sending stopped on an unexpected problem: ${this.scrub(message)}` };
    }
    const report = this.tracker.report(this.client.requestCount(), this.cancelled, this.stopped);
    this.progress(this.finalMessage(report));
    return report;
  }

  /** Customers that cannot be tied to a store record by email are never sent. */
  private prepare(): SendItem[] {
    const items: SendItem[] = [];
    const firstIndexByKey = new Map<string, number>();
    for (const { index, value } of this.customers) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        this.tracker.addFailed({ index, path: `/${index}`, message: 'This entry is not a customer object, so it was not sent.' });
        continue;
      }
      const email = (value as { email?: unknown }).email;
      if (typeof email !== 'string' || email.trim() === '') {
        this.tracker.addFailed({
          index,
          path: `/${index}/email`,
          message: 'This customer has no email, so it was not sent: BigCommerce requires one.',
        });
        continue;
      }
      const key = normalizeEmail(email);
      const first = firstIndexByKey.get(key);
      if (first !== undefined) {
        this.tracker.addFailed({
          index,
          path: `/${index}/email`,
          message: `The customer at /${first} in this file has the same email; BigCommerce needs each email to be unique, so this one was not sent.`,
        });
        continue;
      }
      firstIndexByKey.set(key, index);
      items.push({ index, value, email: email.trim(), key });
    }
    return items;
  }

  private async sendUnit(unit: Unit): Promise<Unit[]> {
    const clock = new RetryClock(this.maxRetryTimeMs, Date.now);
    let pending: SendItem[] | undefined = unit.items.filter((item) => !this.tracker.isSettled(item.index));
    if (!unit.checked && this.checkFirst) pending = await this.checkBeforeSending(pending, clock);

    while (pending && pending.length > 0) {
      if (this.stopped) return [];
      if (this.signal?.aborted) {
        this.cancelled = true;
        return [];
      }
      const request = pending;
      this.progress(`Sending ${describeItems(request)}…`);
      this.tracker.markInDoubt(request);
      const sendingAt = Date.now();
      for (const item of request) if (!this.firstSentAt.has(item.key)) this.firstSentAt.set(item.key, sendingAt);
      const journalRequest = await this.options.journal?.requestStarting(request);
      const outcome = await this.client.request({
        method: 'POST',
        body: request.map((item) => item.value),
        note: `create ${describeItems(request)}`,
        ...(this.signal ? { signal: this.signal } : {}),
      });
      if (outcome.kind === 'cancelled') {
        this.tracker.clearDoubt(request); // it never left
        if (journalRequest !== undefined) await this.options.journal?.requestSettled(journalRequest, []);
        this.cancelled = true;
        return [];
      }
      const step =
        outcome.kind === 'answer'
          ? await this.handleAnswer(request, outcome)
          : await this.handleUnclear(request, outcome.kind === 'timeout' ? `gave ${outcome.message}` : `could not be reached (${outcome.message})`);
      if (journalRequest !== undefined) await this.journalResults(journalRequest, request, outcome.kind === 'answer' ? outcome.requestId : undefined);

      switch (step.kind) {
        case 'done':
          return [];
        case 'split':
          return step.remaining.map((item) => ({ items: [item], checked: true }));
        case 'continue':
          pending = step.remaining;
          break;
        case 'retry': {
          pending = step.remaining;
          if (pending.length === 0) return [];
          const wait = step.waitMs ?? backoffDelayMs(clock.retries(), this.backoff);
          if (!clock.allowsRetryAfter(wait)) {
            this.giveUp(pending, step.problem, clock, step.status);
            return [];
          }
          this.progress(`The store ${step.problem}; trying again in ${formatSeconds(wait)}…`, wait);
          if (!(await sleep(wait, this.signal))) {
            this.cancelled = true;
            return [];
          }
          break;
        }
      }
    }
    return [];
  }

  /** Settles, by asking the store, the customers of requests an earlier send never learnt the outcome of. */
  private async reconcileInterrupted(items: SendItem[]): Promise<void> {
    const byIndex = new Map(items.map((item) => [item.index, item]));
    for (const { request, sentAt, indexes } of this.options.interrupted ?? []) {
      if (this.stopped || this.cancelled) return;
      const group = indexes.flatMap((index) => byIndex.get(index) ?? []);
      if (group.length === 0) continue;
      for (const item of group) this.firstSentAt.set(item.key, sentAt);
      this.progress(`Checking whether ${describeItems(group)}, sent when an earlier send stopped, were created…`);
      await this.reconcile(group, { what: 'An earlier send stopped before the store\'s answer was recorded' });
      await this.journalResults(request, group);
    }
  }

  private async journalResults(request: number, items: SendItem[], requestId?: string): Promise<void> {
    const results = items.map((item) => ({ item, ...this.tracker.resultOf(item.index) }));
    await this.options.journal?.requestSettled(request, results, requestId);
  }

  /** Customers whose email already exists are reported and not sent. */
  private async checkBeforeSending(items: SendItem[], clock: RetryClock): Promise<SendItem[] | undefined> {
    if (items.length === 0) return items;
    if (this.signal?.aborted) {
      this.cancelled = true;
      return undefined;
    }
    this.progress(`Checking which of ${describeItems(items)} already exist…`);
    const result = await lookupEmails(this.client, items.map((i) => i.email), {
      clock,
      backoff: this.backoff,
      ...(this.signal ? { signal: this.signal } : {}),
      note: 'check which emails already exist',
      onWait: (ms, why) => this.progress(`The store ${why}; asking again in ${formatSeconds(ms)}…`, ms),
    });
    if (!result.ok) {
      if (result.cancelled) {
        this.cancelled = true;
      } else if (result.stop) {
        this.stop(result.stop);
      } else {
        for (const item of items) {
          this.tracker.addFailed({
            index: item.index,
            path: `/${item.index}`,
            message: `Could not check whether this customer already exists (${result.message}), so it was not sent. ${SAFE_TO_RESEND}`,
            ...(result.status !== undefined ? { status: result.status } : {}),
            ...(result.requestId ? { requestId: result.requestId } : {}),
          });
        }
        this.noteFailedBatch({ reason: `The store could not be asked about existing customers twice in a row (${result.message}). ${SAFE_TO_RESEND}` });
      }
      return undefined;
    }
    const remaining: SendItem[] = [];
    for (const item of items) {
      const id = result.found.get(item.key);
      if (id === undefined) {
        this.knownAbsent.add(item.key);
        remaining.push(item);
      } else {
        this.failEmailInUse(item, `A customer with this email already exists in the store (id ${id}), so it was not sent.`, id);
      }
    }
    return remaining;
  }

  private async handleAnswer(request: SendItem[], answer: HttpAnswer & { rateLimit: RateLimitInfo }): Promise<Step> {
    const { status } = answer;
    const error = (): ReturnType<typeof parseErrorBody> => parseErrorBody(status, answer.text, answer.json);

    if (status >= 200 && status < 300) {
      const data = (answer.json as { data?: unknown } | undefined)?.data;
      this.consecutiveFailedBatches = 0;
      if (!Array.isArray(data)) {
        return this.handleUnclear(request, `answered HTTP ${status} without the list of created customers`);
      }
      const { matches, missing } = matchCreated(request, data);
      for (const match of matches) this.tracker.addCreated({ index: match.item.index, id: match.id, email: match.email });
      if (missing.length === 0) return { kind: 'done' };
      return this.handleUnclear(missing, 'accepted the request but did not list every customer as created');
    }

    if (status === 429) {
      this.tracker.clearDoubt(request); // a 429 stores nothing
      const waitMs = waitAfterTooManyRequests(answer.rateLimit);
      return { kind: 'retry', remaining: request, problem: 'asked to slow down (HTTP 429)', status, ...(waitMs !== undefined ? { waitMs } : {}) };
    }

    if (status === 422) return this.handleRefused(request, answer);

    const stop = stopReasonFor(status, { maxPerRequest: this.limit });
    if (stop) {
      if (status >= 500) await this.reconcile(request, { what: `The store answered HTTP ${status}`, status });
      else this.tracker.clearDoubt(request);
      this.stop(stop);
      return { kind: 'done' };
    }

    const summary = error().summary;
    if (isTransientStatus(status)) {
      return this.handleUnclear(request, `answered HTTP ${status} (${summary})`, status);
    }

    // Not worth retrying: 501, 505, other 5xx, 400, 405, redirects…
    let remaining: SendItem[] | undefined = request;
    if (status >= 500 || !answer.isJson) {
      remaining = await this.reconcile(request, { what: `The store answered HTTP ${status}`, status });
      if (!remaining) return { kind: 'done' };
    } else {
      this.tracker.clearDoubt(request);
    }
    for (const item of remaining) {
      this.tracker.addFailed({
        index: item.index,
        path: `/${item.index}`,
        message: `The store answered HTTP ${status} (${summary}), which sending again unchanged would not fix, so this customer was not created. ${SAFE_TO_RESEND}`,
        status,
        ...(answer.requestId ? { requestId: answer.requestId } : {}),
      });
    }
    this.noteFailedBatch({ reason: `The store answered HTTP ${status} twice in a row (${summary}). ${SAFE_TO_RESEND}`, status });
    return { kind: 'done' };
  }

  /** Timeouts, dropped connections, 5xx and odd answers: reconcile, then retry the rest. */
  private async handleUnclear(request: SendItem[], problem: string, status?: number): Promise<Step> {
    const remaining = await this.reconcile(request, { what: `The store ${problem}`, ...(status !== undefined ? { status } : {}) });
    if (!remaining) return { kind: 'done' };
    return { kind: 'retry', remaining, problem, ...(status !== undefined ? { status } : {}) };
  }

  /** A 422: find out what exists, pin each problem on its customer, send the rest again. */
  private async handleRefused(request: SendItem[], answer: HttpAnswer): Promise<Step> {
    this.consecutiveFailedBatches = 0; // the store works; these are the customers' problems
    const error = parseErrorBody(422, answer.text, answer.json);
    const plan = planInvalidAnswer(request, error);
    const requestId = answer.requestId;
    const withId = requestId ? { requestId } : {};

    const afterLookup = await this.reconcile(request, {
      what: 'The store refused the request (HTTP 422)',
      wasRefused: true,
      namedInUse: plan.emailInUse,
      status: 422,
      ...withId,
    });
    if (!afterLookup) return { kind: 'done' };

    for (const [key, message] of plan.emailInUse) {
      const item = request.find((i) => i.key === key);
      if (item) this.failEmailInUse(item, message, undefined, { status: 422, ...withId });
    }
    for (const [item, problems] of plan.problems) this.failWithProblems(item, problems, { status: 422, ...withId });

    const remaining = (): SendItem[] => afterLookup.filter((item) => !this.tracker.isSettled(item.index));
    const settledSome = request.some((item) => this.tracker.isSettled(item.index));
    if (plan.needSplit && (remaining().length > 1 || request.length > 1)) return { kind: 'split', remaining: remaining() };
    if (!settledSome) {
      // Nothing located: pin the whole message on the first customer so the rest can go on.
      const first = remaining()[0];
      if (first) {
        this.tracker.addFailed({
          index: first.index,
          path: `/${first.index}`,
          message: `The store refused the request: ${error.summary}`,
          status: 422,
          ...withId,
        });
      }
    }
    return { kind: 'continue', remaining: remaining() };
  }

  /**
   * Asks the store which of `items` exist and settles those. Returns the
   * customers known not to exist, or `undefined` when the store could not
   * be asked (then every one of them is reported as unknown).
   */
  private async reconcile(items: SendItem[], context: ReconcileContext): Promise<SendItem[] | undefined> {
    const result = await lookupEmails(this.client, items.map((i) => i.email), {
      // Reconciling matters more than sending: it gets its own full retry time.
      clock: new RetryClock(this.maxRetryTimeMs),
      backoff: this.backoff,
      ...(this.signal ? { signal: this.signal } : {}),
      alwaysTryOnce: true,
      note: 'check what was created',
      onWait: (ms, why) => this.progress(`Checking what was created: the store ${why}; asking again in ${formatSeconds(ms)}…`, ms),
    });
    const extras = {
      ...(context.status !== undefined ? { status: context.status } : {}),
      ...(context.requestId ? { requestId: context.requestId } : {}),
    };
    if (!result.ok) {
      if (result.cancelled) this.cancelled = true;
      if (result.stop) this.stop(result.stop);
      const why = result.cancelled
        ? 'sending was cancelled before the store confirmed whether it was created'
        : `the store could not be asked whether it was created (${result.message})`;
      for (const item of items) {
        this.tracker.addFailed({
          index: item.index,
          path: `/${item.index}`,
          message: `${context.what}; then ${why}. This customer may or may not exist in the store now. ${SAFE_TO_RESEND}`,
          outcomeUnknown: true,
          ...extras,
        });
      }
      return undefined;
    }

    const remaining: SendItem[] = [];
    for (const item of items) {
      const id = result.found.get(item.key);
      if (id === undefined) {
        this.knownAbsent.add(item.key);
        remaining.push(item);
        continue;
      }
      const storeWords = context.namedInUse?.get(item.key);
      if (storeWords !== undefined && !this.sentInUnclearRequest.has(item.key)) {
        // The store says it was taken before this request, and no earlier request of ours could have taken it.
        this.failEmailInUse(item, storeWords, id, extras);
      } else if (this.createdBySend(item, context, result)) {
        this.tracker.addCreated({ index: item.index, id, email: item.email, recovered: true });
      } else {
        this.failEmailInUse(item, `A customer with this email already exists in the store (id ${id}).`, id, extras);
      }
    }
    if (!context.wasRefused) for (const item of items) this.sentInUnclearRequest.add(item.key);
    this.tracker.clearDoubt(items);
    return remaining;
  }

  /** Whether a customer found by email after an unclear answer was created by this send rather than before it. */
  private createdBySend(item: SendItem, context: ReconcileContext, lookup: LookupFound): boolean {
    if (context.namedInUse?.has(item.key)) return true; // reached only when an earlier unclear request carried it
    if (this.knownAbsent.has(item.key) || this.sentInUnclearRequest.has(item.key)) return true;
    // Refused requests store nothing, and this email was never seen absent: it was there before.
    if (context.wasRefused) return false;
    // Compare on the store's own clock: a record clearly older than our first
    // request carrying its email existed before this send.
    const createdAt = lookup.createdAt.get(item.key);
    const firstSent = this.firstSentAt.get(item.key);
    if (createdAt === undefined || firstSent === undefined || lookup.serverClockOffsetMs === undefined) return true;
    return createdAt >= firstSent + lookup.serverClockOffsetMs - CLOCK_MARGIN_MS;
  }

  private failEmailInUse(item: SendItem, message: string, existingId: number | undefined, extras: { status?: number; requestId?: string } = {}): void {
    if (this.options.checkExistingFirst === undefined) this.checkFirst = true;
    this.tracker.addFailed({
      index: item.index,
      path: `/${item.index}/email`,
      message,
      emailInUse: true,
      ...(existingId !== undefined ? { existingId } : {}),
      ...extras,
    });
  }

  private failWithProblems(item: SendItem, problems: CustomerProblem[], extras: { status?: number; requestId?: string }): void {
    const [first, ...more] = problems;
    if (!first) return;
    this.tracker.addFailed({ index: item.index, path: first.path, message: first.message, ...extras, ...(more.length > 0 ? { more } : {}) });
  }

  private giveUp(items: SendItem[], problem: string, clock: RetryClock, status?: number): void {
    for (const item of items) {
      this.tracker.addFailed({
        index: item.index,
        path: `/${item.index}`,
        message: describeGivingUp(problem, clock.elapsedMs()),
        ...(status !== undefined ? { status } : {}),
      });
    }
    this.noteFailedBatch({
      reason: `The store kept failing (${problem}) for two batches in a row, so sending stopped. ${SAFE_TO_RESEND}`,
      ...(status !== undefined ? { status } : {}),
    });
  }

  /** One failed batch may be bad luck; two in a row means the store is not taking customers now. */
  private noteFailedBatch(reason: StopReason): void {
    this.consecutiveFailedBatches += 1;
    if (this.consecutiveFailedBatches >= 2) this.stop(reason);
  }

  private stop(reason: StopReason): void {
    this.stopped ??= reason;
  }

  private progress(message: string, waitingMs?: number): void {
    if (!this.options.onProgress) return;
    const counts = this.tracker.counts();
    try {
      this.options.onProgress({
        done: counts.done,
        total: counts.total,
        created: counts.created,
        failed: counts.failed,
        request: this.client.requestCount(),
        ...(waitingMs !== undefined ? { waitingMs } : {}),
        message,
      });
    } catch {
      // A faulty progress display must not break a send.
    }
  }

  private finalMessage(report: SendReport): string {
    const parts = [`${report.created.length} created`, `${report.failed.length} failed`];
    if (report.notSent.length > 0) parts.push(`${report.notSent.length} not sent`);
    const head = report.stopped ? 'Stopped' : report.cancelled ? 'Cancelled' : 'Done';
    return `${head}: ${parts.join(', ')}.${report.stopped ? ` ${report.stopped.reason}` : ''}`;
  }

  private scrub(text: string): string {
    const token = this.target.accessToken;
    return token && token.length >= 4 ? text.split(token).join('<redacted>') : text;
  }
}

/** "customers #11–#20" (1-based, as a person counts entries in the file). */
function describeItems(items: SendItem[]): string {
  if (items.length === 0) return 'no customers';
  const first = items[0]!.index + 1;
  const last = items[items.length - 1]!.index + 1;
  return items.length === 1 ? `customer #${first}` : `${items.length} customers (#${first}–#${last})`;
}
