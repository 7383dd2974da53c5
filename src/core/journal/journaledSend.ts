/**
 * Everything a send needs to resume from a journal and keep writing it:
 * what is settled already, the customers still to send, and the hooks and
 * interrupted requests to hand to `sendCustomers`.
 */
import { normalizeEmail } from '../email';
import type { CustomerResult } from '../results/sendResults';
import type { SendPlan } from '../send/sendPlan';
import type { CustomerToSend, SendOptions } from '../send/sendTypes';
import { customerContentKey } from './contentKey';
import { journalHooks } from './journalHooks';
import { readJournal } from './journalReader';
import type { JournalStorage } from './journalStorage';
import { isInStore, planResume, type ResumePlan } from './resumePlan';
import { SendJournal } from './sendJournal';
import { storeIdentity } from './storeIdentity';

export interface JournaledSend {
  plan: ResumePlan;
  /** the customers still to send: all but the ones the store has (an earlier send created them, or found them there) */
  toSend: CustomerToSend[];
  sendOptions: Required<Pick<SendOptions, 'journal' | 'interrupted'>>;
}

export async function startJournaledSend(
  storage: JournalStorage,
  target: { storeHash: string; apiBaseUrl: string },
  customers: CustomerToSend[],
  now?: () => number,
): Promise<JournaledSend> {
  const store = storeIdentity(target);
  const existing = await storage.read();
  const plan = planResume(readJournal(existing).records, store, customers);
  const journal = await SendJournal.start(storage, store, { existing, nextRequest: plan.nextRequest, ...(now ? { now } : {}) });
  const keys = new Map(customers.map(({ index, value }) => [index, customerContentKey(value)]));
  return {
    plan,
    toSend: customers.filter((c) => !isInStore(plan.settled.get(c.index))),
    sendOptions: { journal: journalHooks(journal, (index) => keys.get(index) ?? customerContentKey(undefined)), interrupted: plan.interrupted },
  };
}

/** What the journal says of the customers of a file, without starting a send. */
export async function readResumePlan(
  storage: JournalStorage,
  target: { storeHash: string; apiBaseUrl: string },
  customers: readonly CustomerToSend[],
): Promise<ResumePlan> {
  return planResume(readJournal(await storage.read()).records, storeIdentity(target), customers);
}

/** Settled customers as the editor keeps results: by email, with the store's words for a refusal. */
export function resultsFromJournal(settled: ResumePlan['settled'], storeHash: string, at = new Date().toISOString()): CustomerResult[] {
  return [...settled.values()].map((outcome) => {
    const email = normalizeEmail(outcome.email);
    if (outcome.result === 'created') return { email, storeHash, outcome: 'created', id: outcome.id, at };
    return {
      email,
      storeHash,
      outcome: 'failed',
      problems: [{ path: outcome.path, message: outcome.message }],
      at,
      ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
    };
  });
}

type SendPlanReady = Extract<SendPlan, { ok: true }>;

/** The send's plan as if it covered the whole file: customers the store has by an earlier send count as skipped. */
export function withEarlierSends(plan: SendPlanReady, journal: ResumePlan): SendPlanReady {
  const skipped = [...plan.skipped];
  for (const [index, outcome] of journal.settled) {
    if (outcome.result === 'created') skipped.push({ index, email: outcome.email, id: outcome.id });
    else if (isInStore(outcome))
      skipped.push({ index, email: outcome.email, ...(outcome.existingId !== undefined ? { id: outcome.existingId } : {}), inStore: true });
  }
  return { ...plan, skipped };
}
