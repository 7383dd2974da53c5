/**
 * The journal side of `bccustomers send`: where the journal lives, what an
 * earlier send already settled, the line that says so, and the results file.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resultRows, resultsCsv, resultsJson, settledInJournal, startJournaledSend, type JournaledSend, type ResumePlan } from '../core/journal';
import type { CustomerToSend, SendReport } from '../core/send/sender';
import type { StoreTarget } from '../core/send/storeTarget';
import { FileJournal } from '../node/fileJournal';
import type { SendSummary } from './sendCommand';

export const journalHelp = `  --journal <path>  where send records each request and its outcome, so that a send
                    stopped at any point (even killed) resumes where it stopped: customers
                    already created or refused are skipped, and only the requests whose
                    answer was not recorded are checked with the store. Default: the file's
                    name with ".journal" added. It holds customers' emails and the store's
                    answers, never the access token; delete it to send everything again.
  --results <file.csv|file.json>
                    writes one row per customer: its index, email, the new customer id or
                    the store's refusal in its own words, and the request id.`;

export interface JournalArgs {
  journal?: string;
  results?: string;
}

/** A problem with the flags, found before anything is sent. */
export function checkJournalArgs(args: JournalArgs): string | undefined {
  if (args.journal === '') return '--journal needs a path';
  if (args.results !== undefined && !['.csv', '.json'].includes(extname(args.results).toLowerCase())) {
    return '--results needs a file name ending in .csv or .json';
  }
  return undefined;
}

export interface SendJournalSession extends JournaledSend {
  path: string;
  storage: FileJournal;
  /** "resuming: 31,420 of 50,000 already settled; 1 request to reconcile", when anything was */
  resumeLine: string | undefined;
}

export async function openSendJournal(file: string, args: JournalArgs, target: StoreTarget, customers: CustomerToSend[]): Promise<SendJournalSession> {
  const path = args.journal ?? `${file}.journal`;
  const storage = new FileJournal(path);
  const send = await startJournaledSend(storage, target, customers);
  const settled = send.plan.settled.size;
  const requests = send.plan.interrupted.length;
  const resumeLine =
    settled > 0 || requests > 0
      ? `resuming: ${count(settled)} of ${count(customers.length)} already settled; ${count(requests)} request${requests === 1 ? '' : 's'} to reconcile`
      : undefined;
  return { ...send, path, storage, resumeLine };
}

/** The summary of the whole file: customers settled by an earlier send are reported as they were then. */
export function withEarlierSends(summary: SendSummary, plan: ResumePlan, storeHash: string): SendSummary & { resumed: number } {
  const byIndex = <T extends { index: number }>(a: T, b: T) => a.index - b.index;
  const skipped = [...summary.skipped];
  const failed = [...summary.failed];
  for (const [index, outcome] of plan.settled) {
    if (outcome.result === 'created') {
      skipped.push({ index, email: outcome.email, reason: `created by an earlier send of this file (id ${outcome.id})` });
    } else if (outcome.emailInUse) {
      skipped.push({ index, email: outcome.email, reason: `already a customer of store ${storeHash}${outcome.existingId ? ` (id ${outcome.existingId})` : ''}` });
    } else {
      failed.push({ index, path: `/${index}${outcome.path}`, message: outcome.message });
    }
  }
  return { ...summary, failed: failed.sort(byIndex), skipped: skipped.sort(byIndex), resumed: plan.settled.size };
}

/** Writes `--results`: read back from the journal, so it covers earlier sends too. */
export async function writeSendResults(path: string, session: SendJournalSession, target: StoreTarget, customers: CustomerToSend[], report: SendReport): Promise<void> {
  const settled = await settledInJournal(session.storage, target, customers);
  const why = new Map<number, string>(report.failed.map((f) => [f.index, f.message]));
  for (const index of report.notSent) why.set(index, 'Not sent: sending stopped before this customer.');
  const rows = resultRows(customers, settled, why);
  await writeFile(path, extname(path).toLowerCase() === '.csv' ? resultsCsv(rows) : resultsJson(rows));
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
