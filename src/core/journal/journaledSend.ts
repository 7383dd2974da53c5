/**
 * Everything a send needs to resume from a journal and keep writing it:
 * what is settled already, the customers still to send, and the hooks and
 * interrupted requests to hand to `sendCustomers`.
 */
import type { CustomerToSend, SendOptions } from '../send/sendTypes';
import { customerContentKey } from './contentKey';
import { journalHooks } from './journalHooks';
import { readJournal } from './journalReader';
import type { JournalStorage } from './journalStorage';
import { planResume, type ResumePlan } from './resumePlan';
import { SendJournal } from './sendJournal';
import { storeIdentity } from './storeIdentity';

export interface JournaledSend {
  plan: ResumePlan;
  /** the customers still to send: all but the settled ones */
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
    toSend: customers.filter((c) => !plan.settled.has(c.index)),
    sendOptions: { journal: journalHooks(journal, (index) => keys.get(index) ?? customerContentKey(undefined)), interrupted: plan.interrupted },
  };
}

/** What the journal says of each customer now: settled ones only. */
export async function settledInJournal(storage: JournalStorage, target: { storeHash: string; apiBaseUrl: string }, customers: CustomerToSend[]): Promise<ResumePlan['settled']> {
  return planResume(readJournal(await storage.read()).records, storeIdentity(target), customers).settled;
}
