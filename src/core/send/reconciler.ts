/**
 * After an answer that leaves it unclear whether customers were stored, asks
 * the store which of their emails exist, and decides for each one found
 * whether this send created it or it was there before.
 */
import type { BackoffPolicy } from './backoff';
import { clashingCustomer, lookupEmails, type ListedCustomer, type LookupFound, type LookupResult } from './lookup';
import { customerMessages, progressMessages } from './sendMessages';
import type { SendTracker } from './sendTracker';
import type { SendItem } from './sendTypes';
import type { StoreClient } from './storeClient';
import { RetryClock } from './waiting';

/** `Date` and `date_created` have one-second resolution; allow for both. */
const CLOCK_MARGIN_MS = 2_500;

export interface ReconcileContext {
  /** what happened to the request, in words that fit "…; then …" */
  what: string;
  /** the answer was a 422, which the store documents as all-or-nothing */
  wasRefused?: boolean;
  /** emails the store itself called already in use: key → its words */
  namedInUse?: Map<string, string>;
  requestId?: string;
  status?: number;
}

export type ReconcileResult = { ok: true; remaining: SendItem[] } | { ok: false; failure: Extract<LookupResult, { ok: false }> };

export interface ReconcilerDeps {
  client: StoreClient;
  tracker: SendTracker;
  backoff: BackoffPolicy;
  maxRetryTimeMs: number;
  signal: AbortSignal | undefined;
  progress(message: string, waitingMs?: number): void;
  /** settles a customer whose email the store already had before this send */
  failEmailInUse(item: SendItem, message: string, existingId: number | undefined, extras: Extras): void;
}

type Extras = { status?: number; requestId?: string };

export class Reconciler {
  /** emails a lookup showed absent before they were sent again */
  private readonly knownAbsent = new Set<string>();
  /** emails sent in a request whose outcome was unclear: if found later, they are ours */
  private readonly sentInUnclearRequest = new Set<string>();
  /** local time each email was first sent */
  private readonly firstSentAt = new Map<string, number>();

  constructor(private readonly deps: ReconcilerDeps) {}

  noteSending(items: readonly SendItem[], at: number): void {
    for (const item of items) if (!this.firstSentAt.has(item.key)) this.firstSentAt.set(item.key, at);
  }

  noteAbsent(item: SendItem): void {
    this.knownAbsent.add(item.key);
  }

  /**
   * Asks the store which of `items` exist and settles those. Returns the
   * customers known not to exist; when the store could not be asked, every
   * one of them is settled as unknown and the failure is returned.
   */
  async reconcile(items: SendItem[], context: ReconcileContext): Promise<ReconcileResult> {
    const { client, tracker, backoff, signal } = this.deps;
    const result = await lookupEmails(
      client,
      items.map((i) => i.email),
      {
        // Reconciling matters more than sending: it gets its own full retry time.
        clock: new RetryClock(this.deps.maxRetryTimeMs, () => client.clock.now()),
        backoff,
        ...(signal ? { signal } : {}),
        alwaysTryOnce: true,
        note: 'check what was created',
        onWait: (ms, why) => this.deps.progress(progressMessages.reconcileAgain(why, ms), ms),
      },
    );
    const extras: Extras = {
      ...(context.status !== undefined ? { status: context.status } : {}),
      ...(context.requestId ? { requestId: context.requestId } : {}),
    };
    if (!result.ok) {
      const why = result.cancelled ? customerMessages.cancelledBeforeConfirmed : customerMessages.couldNotAsk(result.message);
      for (const item of items) {
        tracker.addFailed({
          index: item.index,
          path: `/${item.index}`,
          message: customerMessages.outcomeUnknown(context.what, why),
          outcomeUnknown: true,
          ...extras,
        });
      }
      return { ok: false, failure: result };
    }

    const remaining: SendItem[] = [];
    for (const item of items) {
      const existing = clashingCustomer(result, item.key, item.value);
      if (existing === undefined) {
        this.knownAbsent.add(item.key);
        remaining.push(item);
        continue;
      }
      const { id } = existing;
      const storeWords = context.namedInUse?.get(item.key);
      if (storeWords !== undefined && !this.sentInUnclearRequest.has(item.key)) {
        // The store says it was taken before this request, and no earlier request of ours could have taken it.
        this.deps.failEmailInUse(item, storeWords, id, extras);
      } else if (this.createdBySend(item, context, existing, result)) {
        tracker.addCreated({ index: item.index, id, email: item.email, recovered: true });
      } else {
        this.deps.failEmailInUse(item, customerMessages.exists(id), id, extras);
      }
    }
    if (!context.wasRefused) for (const item of items) this.sentInUnclearRequest.add(item.key);
    tracker.clearDoubt(items);
    return { ok: true, remaining };
  }

  /** Whether a customer found by email after an unclear answer was created by this send rather than before it. */
  private createdBySend(item: SendItem, context: ReconcileContext, existing: ListedCustomer, lookup: LookupFound): boolean {
    if (context.namedInUse?.has(item.key)) return true; // reached only when an earlier unclear request carried it
    if (this.knownAbsent.has(item.key) || this.sentInUnclearRequest.has(item.key)) return true;
    // Refused requests store nothing, and this email was never seen absent: it was there before.
    if (context.wasRefused) return false;
    // Compare on the store's own clock: a record clearly older than our first
    // request carrying its email existed before this send.
    const { createdAt } = existing;
    const firstSent = this.firstSentAt.get(item.key);
    if (createdAt === undefined || firstSent === undefined || lookup.serverClockOffsetMs === undefined) return true;
    return createdAt >= firstSent + lookup.serverClockOffsetMs - CLOCK_MARGIN_MS;
  }
}
