/**
 * The run loop of a send: batches in file order, one request at a time, each
 * answer turned into a step by the policy, unclear outcomes settled by the
 * reconciler before anything is sent again.
 */
import { matchCreated, planInvalidAnswer } from './answerMapping';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS, type BackoffPolicy } from './backoff';
import { maxCustomersPerRequest } from '../schema/customerSchema';
import type { HttpAnswer } from './http';
import { lookupEmails } from './lookup';
import type { RateLimitInfo } from './rateLimit';
import { Reconciler, type ReconcileContext } from './reconciler';
import { customerMessages, describeItems, finalMessage, progressMessages, stopMessages } from './sendMessages';
import { meaningOfAnswer, meaningOfFailure } from './sendPolicy';
import { prepareItems } from './sendItems';
import { parseErrorBody } from './serverErrors';
import { StoreClient } from './storeClient';
import type { StopReason } from './storeProblems';
import { checkStoreTarget, type StoreTarget } from './storeTarget';
import { SendTracker } from './sendTracker';
import type { CustomerProblem, CustomerToSend, SendItem, SendOptions, SendReport } from './sendTypes';
import { scrubberFor } from './scrub';
import { RetryClock } from './waiting';

const DEFAULT_MAX_RETRY_TIME_MS = 120_000;
/** Pacing pauses shorter than this are not worth a progress message. */
const REPORTABLE_WAIT_MS = 1_000;

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

type Extras = { status?: number; requestId?: string };

export class SendRun {
  private readonly tracker: SendTracker;
  private readonly client: StoreClient;
  private readonly reconciler: Reconciler;
  private readonly limit: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxRetryTimeMs: number;
  private readonly signal: AbortSignal | undefined;
  private stopped: StopReason | undefined;
  /** set by a store-demanded wait that was cut short: sending stops once the request after it is settled */
  private stopAfterRequest: StopReason | undefined;
  private cancelled = false;
  private consecutiveFailedBatches = 0;
  /** whether any request may have reached the store */
  private anythingSent = false;
  /** whether each batch starts with an email lookup; see SendOptions.checkExistingFirst */
  private checkFirst: boolean;

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
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.maxStoreWaitMs !== undefined ? { maxStoreWaitMs: options.maxStoreWaitMs } : {}),
      onWait: (ms, askedMs) => {
        if (askedMs !== undefined) {
          this.stopAfterRequest ??= { reason: stopMessages.waitTooLong(askedMs, ms) };
          this.progress(progressMessages.cappedWait(ms, askedMs), ms);
        } else if (ms >= REPORTABLE_WAIT_MS) {
          this.progress(progressMessages.pacing(ms), ms);
        }
      },
    });
    this.reconciler = new Reconciler({
      client: this.client,
      tracker: this.tracker,
      backoff: this.backoff,
      maxRetryTimeMs: this.maxRetryTimeMs,
      signal: this.signal,
      progress: (message, ms) => this.progress(message, ms),
      failEmailInUse: (item, message, id, extras) => this.failEmailInUse(item, message, id, extras),
    });
  }

  async run(): Promise<SendReport> {
    const problem = checkStoreTarget(this.target);
    if (problem) return this.tracker.report(0, false, { reason: problem });
    try {
      const items = prepareItems(this.customers, this.tracker);
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
      const scrub = scrubberFor({ 'X-Auth-Token': this.target.accessToken });
      this.stopped = { reason: stopMessages.unexpected(scrub(message)) };
    }
    const report = this.tracker.report(this.client.requestCount(), this.cancelled, this.stopped);
    this.progress(finalMessage(report));
    return report;
  }

  private async sendUnit(unit: Unit): Promise<Unit[]> {
    const clock = new RetryClock(this.maxRetryTimeMs, () => this.client.clock.now());
    let pending: SendItem[] | undefined = unit.items.filter((item) => !this.tracker.isSettled(item.index));
    if (!unit.checked && this.checkFirst) pending = await this.checkBeforeSending(pending, clock);

    while (pending && pending.length > 0) {
      if (this.stopAfterRequest) this.stop(this.stopAfterRequest);
      if (this.stopped) return [];
      if (this.signal?.aborted) {
        this.cancelled = true;
        return [];
      }
      const request = pending;
      this.progress(progressMessages.sending(request));
      const journalRequest = await this.options.journal?.requestStarting(request);
      this.tracker.markInDoubt(request);
      this.reconciler.noteSending(request, this.client.clock.now());
      const outcome = await this.client.request({
        method: 'POST',
        body: request.map((item) => item.value),
        note: `create ${describeItems(request)}`,
        ...(this.signal ? { signal: this.signal } : {}),
      });
      if (outcome.kind === 'cancelled') {
        this.tracker.clearDoubt(request); // it never left
        await this.journalResults(journalRequest, request);
        this.cancelled = true;
        return [];
      }
      let step: Step;
      if (outcome.kind === 'answer') {
        this.anythingSent = true;
        step = await this.handleAnswer(request, outcome);
      } else {
        const meaning = meaningOfFailure(outcome);
        if (meaning.kind === 'unreachable') {
          this.tracker.clearDoubt(request); // it never left: these customers are simply not sent
          await this.journalResults(journalRequest, request);
          this.stop({ reason: stopMessages.unreachable(meaning.problem, !this.anythingSent) });
          return [];
        }
        this.anythingSent = true;
        step = await this.handleUnclear(request, meaning.problem);
      }
      await this.journalResults(journalRequest, request, outcome.kind === 'answer' ? outcome.requestId : undefined);

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
          const asked = step.waitMs;
          const wait = Math.min(asked ?? backoffDelayMs(clock.retries(), this.backoff), this.client.maxStoreWaitMs);
          if (!clock.allowsRetryAfter(wait)) {
            this.giveUp(pending, step.problem, clock, step.status);
            return [];
          }
          // A wait longer than allowed is left to the client, which holds the next request back, says so, and ends the run after it.
          if (asked !== undefined && asked > wait) break;
          this.progress(progressMessages.retrying(step.problem, wait), wait);
          if (!(await this.client.clock.sleep(wait, this.signal))) {
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
      this.reconciler.noteSending(group, sentAt);
      this.progress(progressMessages.checkingInterrupted(group));
      await this.reconcile(group, { what: customerMessages.interrupted });
      await this.journalResults(request, group);
    }
  }

  /** Tells the journal what became of a request's customers. */
  private async journalResults(request: number | undefined, items: SendItem[], requestId?: string): Promise<void> {
    if (request === undefined || !this.options.journal) return;
    const results = items.map((item) => ({ item, ...this.tracker.resultOf(item.index) }));
    await this.options.journal.requestSettled(request, results, requestId);
  }

  /** Customers whose email already exists are reported and not sent. */
  private async checkBeforeSending(items: SendItem[], clock: RetryClock): Promise<SendItem[] | undefined> {
    if (items.length === 0) return items;
    if (this.signal?.aborted) {
      this.cancelled = true;
      return undefined;
    }
    this.progress(progressMessages.checking(items));
    const result = await lookupEmails(
      this.client,
      items.map((i) => i.email),
      {
        clock,
        backoff: this.backoff,
        ...(this.signal ? { signal: this.signal } : {}),
        note: 'check which emails already exist',
        onWait: (ms, why) => this.progress(progressMessages.askingAgain(why, ms), ms),
      },
    );
    if (!result.ok) {
      if (result.cancelled) {
        this.cancelled = true;
      } else if (result.stop) {
        this.stop(result.stop);
      } else if (result.unreachable) {
        this.stop({ reason: stopMessages.unreachable(result.unreachable, !this.anythingSent) });
      } else {
        for (const item of items) {
          this.tracker.addFailed({
            index: item.index,
            path: `/${item.index}`,
            message: customerMessages.couldNotCheck(result.message),
            ...(result.status !== undefined ? { status: result.status } : {}),
            ...(result.requestId ? { requestId: result.requestId } : {}),
          });
        }
        this.noteFailedBatch({ reason: stopMessages.lookupTwice(result.message) });
      }
      return undefined;
    }
    const remaining: SendItem[] = [];
    for (const item of items) {
      const id = result.found.get(item.key);
      if (id === undefined) {
        this.reconciler.noteAbsent(item);
        remaining.push(item);
      } else {
        this.failEmailInUse(item, customerMessages.existsNotSent(id), id);
      }
    }
    return remaining;
  }

  private async handleAnswer(request: SendItem[], answer: HttpAnswer & { rateLimit: RateLimitInfo }): Promise<Step> {
    const { status } = answer;
    const summary = parseErrorBody(status, answer.text, answer.json).summary;
    const meaning = meaningOfAnswer({ ...answer, summary }, this.limit);
    const withId = answer.requestId ? { requestId: answer.requestId } : {};

    switch (meaning.kind) {
      case 'created': {
        this.consecutiveFailedBatches = 0;
        const { matches, missing, foreign } = matchCreated(request, meaning.data);
        for (const match of matches) this.tracker.addCreated({ index: match.item.index, id: match.id, email: match.email });
        if (missing.length === 0) return { kind: 'done' };
        const problem =
          foreign.length > 0
            ? `answered HTTP ${status} naming customers this request did not send (${foreign.slice(0, 3).join(', ')})`
            : 'accepted the request but did not list every customer as created';
        return this.handleUnclear(missing, problem);
      }
      case 'throttled':
        this.tracker.clearDoubt(request); // a 429 stores nothing
        return { kind: 'retry', remaining: request, problem: 'asked to slow down (HTTP 429)', status, ...(meaning.waitMs !== undefined ? { waitMs: meaning.waitMs } : {}) };
      case 'refused':
        return this.handleRefused(request, answer);
      case 'stop':
        if (meaning.reconcile) await this.reconcile(request, { what: `The store answered HTTP ${status}`, status });
        else this.tracker.clearDoubt(request);
        this.stop(meaning.stop);
        return { kind: 'done' };
      case 'unclear':
        return this.handleUnclear(request, meaning.problem, status);
      case 'final': {
        let remaining: SendItem[] | undefined = request;
        if (meaning.reconcile) {
          remaining = await this.reconcile(request, { what: `The store answered HTTP ${status}`, status });
          if (!remaining) return { kind: 'done' };
        } else {
          this.tracker.clearDoubt(request);
        }
        for (const item of remaining) {
          this.tracker.addFailed({ index: item.index, path: `/${item.index}`, message: customerMessages.finalStatus(status, summary), status, ...withId });
        }
        this.noteFailedBatch({ reason: stopMessages.statusTwice(status, summary), status });
        return { kind: 'done' };
      }
    }
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
    const withId = answer.requestId ? { requestId: answer.requestId } : {};

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
      if (first) this.tracker.addFailed({ index: first.index, path: `/${first.index}`, message: customerMessages.refusedUnlocated(error.summary), status: 422, ...withId });
    }
    return { kind: 'continue', remaining: remaining() };
  }

  /** The reconciler's answer, with a failure to ask counted like any failed batch. */
  private async reconcile(items: SendItem[], context: ReconcileContext): Promise<SendItem[] | undefined> {
    const result = await this.reconciler.reconcile(items, context);
    if (result.ok) return result.remaining;
    const { failure } = result;
    if (failure.cancelled) this.cancelled = true;
    else if (failure.stop) this.stop(failure.stop);
    else if (failure.unreachable) this.stop({ reason: stopMessages.unreachable(failure.unreachable, false) });
    else this.noteFailedBatch({ reason: stopMessages.reconcileTwice(failure.message), ...(context.status !== undefined ? { status: context.status } : {}) });
    return undefined;
  }

  private failEmailInUse(item: SendItem, message: string, existingId: number | undefined, extras: Extras = {}): void {
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

  private failWithProblems(item: SendItem, problems: CustomerProblem[], extras: Extras): void {
    const [first, ...more] = problems;
    if (!first) return;
    this.tracker.addFailed({ index: item.index, path: first.path, message: first.message, ...extras, ...(more.length > 0 ? { more } : {}) });
  }

  private giveUp(items: SendItem[], problem: string, clock: RetryClock, status?: number): void {
    for (const item of items) {
      this.tracker.addFailed({
        index: item.index,
        path: `/${item.index}`,
        message: customerMessages.keptFailing(problem, clock.elapsedMs()),
        ...(status !== undefined ? { status } : {}),
      });
    }
    this.noteFailedBatch({ reason: stopMessages.keptFailing(problem), ...(status !== undefined ? { status } : {}) });
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
}
