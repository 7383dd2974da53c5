/**
 * The run loop of a send: batches in file order, one request at a time, each
 * answer turned into a step by the policy, unclear outcomes settled by the
 * reconciler before anything is sent again.
 */
import { AnswerHandler, type Step } from './answerHandler';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS, type BackoffPolicy } from './backoff';
import { maxCustomersPerRequest } from '../schema/customerSchema';
import { clashingCustomer, lookupEmails } from './lookup';
import { Reconciler } from './reconciler';
import { RunState } from './runState';
import { customerMessages, describeItems, finalMessage, progressMessages, stopMessages } from './sendMessages';
import { meaningOfFailure } from './sendPolicy';
import { prepareItems } from './sendItems';
import { StoreClient } from './storeClient';
import type { StopReason } from './storeProblems';
import { checkStoreTarget, type StoreTarget } from './storeTarget';
import { SendTracker } from './sendTracker';
import type { CustomerToSend, SendItem, SendOptions, SendReport } from './sendTypes';
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

export class SendRun {
  private readonly tracker: SendTracker;
  private readonly state: RunState;
  private readonly client: StoreClient;
  private readonly reconciler: Reconciler;
  private readonly answers: AnswerHandler;
  private readonly limit: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxRetryTimeMs: number;
  private readonly signal: AbortSignal | undefined;
  /** set by a store-demanded wait that was cut short: sending stops once the request after it is settled */
  private stopAfterRequest: StopReason | undefined;
  /** whether any request may have reached the store */
  private anythingSent = false;

  constructor(
    private readonly target: StoreTarget,
    private readonly customers: CustomerToSend[],
    private readonly options: SendOptions,
  ) {
    this.tracker = new SendTracker(customers.map((c) => c.index));
    this.limit = maxCustomersPerRequest();
    this.state = new RunState(this.tracker, options.checkExistingFirst);
    this.signal = options.signal;
    this.maxRetryTimeMs = options.maxRetryTimeMs ?? DEFAULT_MAX_RETRY_TIME_MS;
    this.backoff = {
      baseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
      capMs: options.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS,
      random: options.random ?? Math.random,
    };
    this.client = new StoreClient(
      target,
      {
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
      },
      options.pacer,
    );
    this.reconciler = new Reconciler({
      client: this.client,
      tracker: this.tracker,
      backoff: this.backoff,
      maxRetryTimeMs: this.maxRetryTimeMs,
      signal: this.signal,
      progress: (message, ms) => this.progress(message, ms),
      failEmailInUse: (item, message, id, extras) => this.state.failEmailInUse(item, message, id, extras),
    });
    this.answers = new AnswerHandler(this.state, this.reconciler, this.limit);
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
      while (queue.length > 0) {
        if (this.stopAfterRequest) this.state.stop(this.stopAfterRequest);
        if (this.state.stopped) break;
        if (this.signal?.aborted) {
          this.state.cancelled = true;
          break;
        }
        const unit = queue.shift()!;
        queue.unshift(...(await this.sendUnit(unit)));
      }
    } catch (error) {
      // Only a programming error can land here; the report still keeps everything done so far.
      const message = error instanceof Error ? error.message : String(error);
      const scrub = scrubberFor({ 'X-Auth-Token': this.target.accessToken });
      this.state.stop({ reason: stopMessages.unexpected(scrub(message)) });
    }
    try {
      await this.options.journal?.flush();
    } catch {
      // Outcomes the journal could not keep: the next send asks the store about those requests.
    }
    const report = this.tracker.report(this.client.requestCount(), this.state.cancelled, this.state.stopped);
    this.progress(finalMessage(report));
    return report;
  }

  private async sendUnit(unit: Unit): Promise<Unit[]> {
    const clock = new RetryClock(this.maxRetryTimeMs, () => this.client.clock.now());
    let pending: SendItem[] | undefined = unit.items.filter((item) => !this.tracker.isSettled(item.index));
    if (!unit.checked && this.state.checkFirst) pending = await this.checkBeforeSending(pending, clock);

    while (pending && pending.length > 0) {
      if (this.stopAfterRequest) this.state.stop(this.stopAfterRequest);
      if (this.state.stopped) return [];
      if (this.signal?.aborted) {
        this.state.cancelled = true;
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
        this.journalResults(journalRequest, request);
        this.state.cancelled = true;
        return [];
      }
      let step: Step;
      if (outcome.kind === 'answer') {
        this.anythingSent = true;
        step = await this.answers.handleAnswer(request, outcome);
      } else {
        const meaning = meaningOfFailure(outcome);
        if (meaning.kind === 'unreachable') {
          this.tracker.clearDoubt(request); // it never left: these customers are simply not sent
          this.journalResults(journalRequest, request);
          this.state.stop({ reason: stopMessages.unreachable(meaning.problem, !this.anythingSent) });
          return [];
        }
        this.anythingSent = true;
        step = await this.answers.handleUnclear(request, meaning.problem);
      }
      this.journalResults(journalRequest, request, outcome.kind === 'answer' ? outcome.requestId : undefined);

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
            this.giveUp(pending, step.problem, clock, step.status, asked);
            return [];
          }
          // A wait longer than allowed is left to the client, which holds the next request back, says so, and ends the run after it.
          if (asked !== undefined && asked > wait) break;
          this.progress(progressMessages.retrying(step.problem, wait), wait);
          if (!(await this.client.clock.sleep(wait, this.signal))) {
            this.state.cancelled = true;
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
      if (this.state.stopped || this.state.cancelled) return;
      const group = indexes.flatMap((index) => byIndex.get(index) ?? []);
      if (group.length === 0) continue;
      this.reconciler.noteSending(group, sentAt);
      this.progress(progressMessages.checkingInterrupted(group));
      await this.answers.reconcile(group, { what: customerMessages.interrupted });
      this.journalResults(request, group);
    }
  }

  /** Tells the journal what became of a request's customers. */
  private journalResults(request: number | undefined, items: SendItem[], requestId?: string): void {
    if (request === undefined || !this.options.journal) return;
    const results = items.map((item) => ({ item, ...this.tracker.resultOf(item.index) }));
    this.options.journal.requestSettled(request, results, requestId);
  }

  /** Customers whose email already exists are reported and not sent. */
  private async checkBeforeSending(items: SendItem[], clock: RetryClock): Promise<SendItem[] | undefined> {
    if (items.length === 0) return items;
    if (this.signal?.aborted) {
      this.state.cancelled = true;
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
        this.state.cancelled = true;
      } else if (result.stop) {
        this.state.stop(result.stop);
      } else if (result.unreachable) {
        this.state.stop({ reason: stopMessages.unreachable(result.unreachable, !this.anythingSent) });
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
        this.state.noteFailedBatch({ reason: stopMessages.lookupTwice(result.message) });
      }
      return undefined;
    }
    const remaining: SendItem[] = [];
    const found: SendItem[] = [];
    for (const item of items) {
      const existing = clashingCustomer(result, item.key, item.value);
      if (existing === undefined) {
        this.reconciler.noteAbsent(item);
        remaining.push(item);
      } else {
        this.state.failEmailInUse(item, customerMessages.existsNotSent(existing.id), existing.id);
        found.push(item);
      }
    }
    // Settled without a request: written down, so that a later send neither sends nor asks about them again.
    if (found.length > 0) this.options.journal?.settledWithoutRequest(found.map((item) => ({ item, ...this.tracker.resultOf(item.index) })));
    return remaining;
  }

  /** `askedMs`: the store asked for a wait that does not fit in what is left of the batch's retry time. */
  private giveUp(items: SendItem[], problem: string, clock: RetryClock, status?: number, askedMs?: number): void {
    for (const item of items) {
      this.tracker.addFailed({
        index: item.index,
        path: `/${item.index}`,
        message:
          askedMs !== undefined ? customerMessages.waitBeyondRetryTime(askedMs, this.maxRetryTimeMs) : customerMessages.keptFailing(problem, clock.elapsedMs()),
        ...(status !== undefined ? { status } : {}),
      });
    }
    this.state.noteFailedBatch({ reason: stopMessages.keptFailing(problem), ...(status !== undefined ? { status } : {}) });
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
