import { readFile } from 'node:fs/promises';
import { analyzeText } from '../core/analyze';
import { customersOf } from '../core/results/sendResults';
import { sendCustomers, type CustomerToSend, type SendReport } from '../core/send/sender';
import type { StoreTarget } from '../core/send/storeTarget';
import type { CliIo } from './validateCommand';
import { checkJournalArgs, openSendJournal, withEarlierSends, writeSendResults, type JournalArgs } from './journalOptions';

export const tokenVariable = 'BIGCOMMERCE_ACCESS_TOKEN';
export const defaultApiBaseUrl = 'https://api.bigcommerce.com';

export interface SendArgs extends JournalArgs {
  file: string | undefined;
  target: StoreTarget;
  format: 'text' | 'json';
}

/** The JSON summary of `bccustomers send --format json`. */
export interface SendSummary {
  created: { index: number; id: number; email: string }[];
  failed: { index: number; path: string; message: string }[];
  skipped: { index: number; email: string; reason: string }[];
  requests: number;
}

/**
 * `bccustomers send <file> --store <hash>`: the token comes from $BIGCOMMERCE_ACCESS_TOKEN only,
 * never from a flag (flags end up in shell history and process lists).
 */
export async function sendFileCommand(args: SendArgs, io: CliIo & { progress?(line: string): void }): Promise<number> {
  if (!args.file) {
    io.err('bccustomers send: name the .bccustomers.json file to send');
    return 2;
  }
  const badFlag = checkJournalArgs(args);
  if (badFlag) {
    io.err(`bccustomers send: ${badFlag}`);
    return 2;
  }
  let text: string;
  try {
    text = (await readFile(args.file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    io.err(`${args.file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 2;
  }
  const { document, diagnostics } = analyzeText(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    io.err(`${args.file}: ${errors.length} error${errors.length === 1 ? '' : 's'} that BigCommerce would reject; nothing was sent. Run "bccustomers validate ${args.file}" to see them.`);
    return 1;
  }
  const values = document.value as unknown[];
  const customers: CustomerToSend[] = customersOf(document).map(({ index }) => ({ index, value: values[index] }));
  let session;
  try {
    session = await openSendJournal(args.file, args, args.target, customers);
  } catch (error) {
    io.err(`bccustomers send: cannot use the journal ${args.journal ?? `${args.file}.journal`} (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was sent`);
    return 2;
  }
  if (session.resumeLine) io.err(session.resumeLine);
  const report = await sendCustomers(args.target, session.toSend, {
    ...session.sendOptions,
    onProgress: (p) => io.progress?.(`${p.done}/${p.total} customers · ${p.created} created · ${p.failed} failed · ${p.request} requests${p.waitingMs ? ` · ${p.message}` : ''}`),
  });
  await session.storage.close();
  const summary = withEarlierSends(summarize(report, customers, args.target.storeHash), session.plan, args.target.storeHash);
  if (args.results) await writeSendResults(args.results, session, args.target, customers, report);
  if (args.format === 'json') io.out(JSON.stringify(summary));
  else printText(summary, report, io);
  if (report.stopped) io.err(`bccustomers send: stopped: ${report.stopped.reason}`);
  const complete = summary.failed.length === 0 && report.notSent.length === 0 && !report.stopped && !report.cancelled;
  return complete ? 0 : 1;
}

/** Customers whose email already belongs to the store count as skipped: they exist. */
export function summarize(report: SendReport, customers: CustomerToSend[], storeHash: string): SendSummary {
  const emailOf = (index: number) => {
    const value = customers.find((c) => c.index === index)?.value as { email?: unknown } | undefined;
    return typeof value?.email === 'string' ? value.email : '';
  };
  return {
    created: report.created.map((c) => ({ index: c.index, id: c.id, email: c.email })),
    failed: report.failed.filter((f) => !f.emailInUse).map((f) => ({ index: f.index, path: f.path, message: f.message })),
    skipped: [
      ...report.failed.filter((f) => f.emailInUse).map((f) => ({ index: f.index, email: emailOf(f.index), reason: `already a customer of store ${storeHash}${f.existingId ? ` (id ${f.existingId})` : ''}` })),
      ...report.notSent.map((index) => ({ index, email: emailOf(index), reason: 'not sent: sending stopped before it' })),
    ],
    requests: report.requests,
  };
}

function printText(summary: SendSummary, report: SendReport, io: CliIo): void {
  for (const c of summary.created) io.out(`created  #${c.id}  customer ${c.index + 1}  ${c.email}`);
  for (const s of summary.skipped) io.out(`skipped  customer ${s.index + 1}  ${s.email}: ${s.reason}`);
  for (const f of summary.failed) io.out(`failed   customer ${f.index + 1}  ${f.path}: ${f.message}`);
  io.out(`${summary.created.length} created, ${summary.skipped.length} skipped, ${summary.failed.length} failed, ${report.requests} requests`);
}
