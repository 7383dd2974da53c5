/**
 * Settles the customers of one create request from its answer, as the policy
 * reads it: created ones by email, refused ones on their fields, and unclear
 * outcomes through the reconciler before anything is sent again.
 */
import { matchCreated, planInvalidAnswer } from './answerMapping';
import type { HttpAnswer } from './http';
import type { RateLimitInfo } from './rateLimit';
import type { ReconcileContext, Reconciler } from './reconciler';
import type { RunState } from './runState';
import { customerMessages, stopMessages } from './sendMessages';
import { meaningOfAnswer } from './sendPolicy';
import { parseErrorBody } from './serverErrors';
import type { SendItem } from './sendTypes';

/** What to do after handling one answer. */
export type Step =
  | { kind: 'done' }
  | { kind: 'continue'; remaining: SendItem[] }
  | { kind: 'split'; remaining: SendItem[] }
  | { kind: 'retry'; remaining: SendItem[]; problem: string; waitMs?: number; status?: number };

export class AnswerHandler {
  constructor(
    private readonly state: RunState,
    private readonly reconciler: Reconciler,
    private readonly maxPerRequest: number,
  ) {}

  async handleAnswer(request: SendItem[], answer: HttpAnswer & { rateLimit: RateLimitInfo }): Promise<Step> {
    const { tracker } = this.state;
    const { status } = answer;
    const summary = parseErrorBody(status, answer.text, answer.json).summary;
    const meaning = meaningOfAnswer({ ...answer, summary }, this.maxPerRequest);
    const withId = answer.requestId ? { requestId: answer.requestId } : {};

    switch (meaning.kind) {
      case 'created': {
        this.state.noteWorkingStore();
        const { matches, missing, foreign } = matchCreated(request, meaning.data);
        for (const match of matches) tracker.addCreated({ index: match.item.index, id: match.id, email: match.email });
        if (missing.length === 0) return { kind: 'done' };
        const problem =
          foreign.length > 0
            ? `answered HTTP ${status} naming customers this request did not send (${foreign.slice(0, 3).join(', ')})`
            : 'accepted the request but did not list every customer as created';
        return this.handleUnclear(missing, problem);
      }
      case 'throttled':
        tracker.clearDoubt(request); // a 429 stores nothing
        return {
          kind: 'retry',
          remaining: request,
          problem: 'asked to slow down (HTTP 429)',
          status,
          ...(meaning.waitMs !== undefined ? { waitMs: meaning.waitMs } : {}),
        };
      case 'refused':
        return this.handleRefused(request, answer);
      case 'stop':
        if (meaning.reconcile) await this.reconcile(request, { what: `The store answered HTTP ${status}`, status });
        else tracker.clearDoubt(request);
        this.state.stop(meaning.stop);
        return { kind: 'done' };
      case 'unclear':
        return this.handleUnclear(request, meaning.problem, status);
      case 'final': {
        let remaining: SendItem[] | undefined = request;
        if (meaning.reconcile) {
          remaining = await this.reconcile(request, { what: `The store answered HTTP ${status}`, status });
          if (!remaining) return { kind: 'done' };
        } else {
          tracker.clearDoubt(request);
        }
        for (const item of remaining) {
          tracker.addFailed({ index: item.index, path: `/${item.index}`, message: customerMessages.finalStatus(status, summary), status, ...withId });
        }
        this.state.noteFailedBatch({ reason: stopMessages.statusTwice(status, summary), status });
        return { kind: 'done' };
      }
    }
  }

  /** Timeouts, dropped connections, 5xx and odd answers: reconcile, then retry the rest. */
  async handleUnclear(request: SendItem[], problem: string, status?: number): Promise<Step> {
    const remaining = await this.reconcile(request, { what: `The store ${problem}`, ...(status !== undefined ? { status } : {}) });
    if (!remaining) return { kind: 'done' };
    return { kind: 'retry', remaining, problem, ...(status !== undefined ? { status } : {}) };
  }

  /** A 422: find out what exists, pin each problem on its customer, send the rest again. */
  private async handleRefused(request: SendItem[], answer: HttpAnswer): Promise<Step> {
    const { tracker } = this.state;
    this.state.noteWorkingStore(); // the store works; these are the customers' problems
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
      if (item) this.state.failEmailInUse(item, message, undefined, { status: 422, ...withId });
    }
    for (const [item, problems] of plan.problems) this.state.failWithProblems(item, problems, { status: 422, ...withId });

    const remaining = (): SendItem[] => afterLookup.filter((item) => !tracker.isSettled(item.index));
    const settledSome = request.some((item) => tracker.isSettled(item.index));
    if (plan.needSplit && (remaining().length > 1 || request.length > 1)) return { kind: 'split', remaining: remaining() };
    if (!settledSome) {
      // Nothing located in a request of one customer: the message can only be about it.
      const first = remaining()[0];
      if (first)
        tracker.addFailed({ index: first.index, path: `/${first.index}`, message: customerMessages.refusedUnlocated(error.summary), status: 422, ...withId });
    }
    return { kind: 'continue', remaining: remaining() };
  }

  /** The reconciler's answer, with a failure to ask counted like any failed batch. */
  async reconcile(items: SendItem[], context: ReconcileContext): Promise<SendItem[] | undefined> {
    const result = await this.reconciler.reconcile(items, context);
    if (result.ok) return result.remaining;
    const { failure } = result;
    if (failure.cancelled) this.state.cancelled = true;
    else if (failure.stop) this.state.stop(failure.stop);
    else if (failure.unreachable) this.state.stop({ reason: stopMessages.unreachable(failure.unreachable, false) });
    else
      this.state.noteFailedBatch({ reason: stopMessages.reconcileTwice(failure.message), ...(context.status !== undefined ? { status: context.status } : {}) });
    return undefined;
  }
}
