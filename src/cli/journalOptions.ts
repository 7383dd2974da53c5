/**
 * The journal side of `bccustomers send`: where the journal lives, what an
 * earlier send already settled, the line that says so, and the results file.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resultRows, resultsCsv, resultsJson, readResumePlan, startJournaledSend, type JournaledSend } from '../core/journal';
import type { CustomerToSend, SendReport } from '../core/send/sender';
import type { StoreTarget } from '../core/send/storeTarget';
import { FileJournal } from '../node/fileJournal';

export interface JournalArgs {
  journal?: string;
  results?: string;
}

/** A problem with the flags, found before anything is sent. */
export function checkJournalArgs(args: JournalArgs, fileCount: number): string | undefined {
  if (args.journal === '') return '--journal needs a path';
  if (fileCount > 1 && (args.journal !== undefined || args.results !== undefined)) return '--journal and --results go with one file at a time';
  if (args.results !== undefined && !['.csv', '.json'].includes(extname(args.results).toLowerCase())) {
    return '--results needs a file name ending in .csv or .json';
  }
  return undefined;
}

export interface SendJournalSession extends JournaledSend {
  storage: FileJournal;
  /** "resuming: 31,420 of 50,000 already settled; 1 request to reconcile", when anything was */
  resumeLine: string | undefined;
}

/** `--journal` and `--results` as given; a bare flag is an empty path, refused by `checkJournalArgs`. */
export function journalArgs(options: ReadonlyMap<string, string | true>): JournalArgs {
  const path = (name: string) => {
    const value = options.get(name);
    return value === undefined ? {} : { [name]: value === true ? '' : value };
  };
  return { ...path('journal'), ...path('results') };
}

export async function openSendJournal(
  file: string,
  args: JournalArgs,
  target: StoreTarget,
  customers: CustomerToSend[],
  now?: () => number,
): Promise<SendJournalSession> {
  const storage = new FileJournal(args.journal ?? `${file}.journal`);
  const send = await startJournaledSend(storage, target, customers, now);
  const settled = send.plan.inStore;
  const requests = send.plan.interrupted.length;
  const resumeLine =
    settled > 0 || requests > 0
      ? `resuming: ${count(settled)} of ${count(customers.length)} already settled; ${count(requests)} request${requests === 1 ? '' : 's'} to reconcile`
      : undefined;
  return { ...send, storage, resumeLine };
}

/** Writes `--results`: read back from the journal, so it covers earlier sends too. */
export async function writeSendResults(
  path: string,
  session: SendJournalSession,
  target: StoreTarget,
  customers: CustomerToSend[],
  report: SendReport,
): Promise<void> {
  const { settled } = await readResumePlan(session.storage, target, customers);
  const why = new Map<number, string>(report.failed.map((f) => [f.index, f.message]));
  for (const index of report.notSent) why.set(index, 'Not sent: sending stopped before this customer.');
  const rows = resultRows(customers, settled, why);
  await writeFile(path, extname(path).toLowerCase() === '.csv' ? resultsCsv(rows) : resultsJson(rows));
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
