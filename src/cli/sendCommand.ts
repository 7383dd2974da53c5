import { analyzeText } from '../core/analyze';
import { type PayloadFile, readPayloadFile } from './readPayloadFile';
import { DEFAULT_MAX_STORE_WAIT_MS, type StorePorts } from '../core/send/storeClient';
import { isComplete, planSend, summarizeSend, type SendSummary } from '../core/send/sendPlan';
import { sendCustomers } from '../core/send/sender';
import type { StoreTarget } from '../core/send/storeTarget';
import type { CliIo } from './validateCommand';
import { withEarlierSends } from '../core/journal';
import { checkJournalArgs, openSendJournal, writeSendResults, type JournalArgs } from './journalOptions';

export interface SendArgs extends JournalArgs {
  files: string[];
  target: StoreTarget;
  format: 'text' | 'json';
  /** longest wait a store may impose, default 5 minutes */
  maxStoreWaitMs?: number;
}

export type { SendSummary };

/**
 * `bccustomers send <file…> --store <hash>`: each file is its own send with its own summary.
 * The token comes from $BIGCOMMERCE_ACCESS_TOKEN only, never from a flag (flags end up in
 * shell history and process lists).
 */
export async function sendFileCommand(args: SendArgs, io: CliIo & { progress?(line: string): void }, ports: StorePorts = {}): Promise<number> {
  if (args.files.length === 0) {
    io.err('bccustomers send: name the .bccustomers.json file to send');
    return 2;
  }
  const badFlag = checkJournalArgs(args, args.files.length);
  if (badFlag) {
    io.err(`bccustomers send: ${badFlag}`);
    return 2;
  }
  let status = 0;
  for (const file of args.files) status = Math.max(status, await sendOneFile(file, args, io, ports));
  return status;
}

async function sendOneFile(file: string, args: SendArgs, io: CliIo & { progress?(line: string): void }, ports: StorePorts): Promise<number> {
  let payload: PayloadFile;
  try {
    payload = await readPayloadFile(file);
  } catch (error) {
    io.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 2;
  }
  const { text, invalid } = payload;
  if (invalid) {
    io.err(
      `${file}: byte 0x${invalid.value.toString(16).toUpperCase().padStart(2, '0')} at byte ${invalid.byteOffset} is not valid UTF-8, so nothing was sent. Save the file as UTF-8 (run "bccustomers validate ${file}" to see where).`,
    );
    return 1;
  }
  const plan = planSend({ analysis: analyzeText(text), target: args.target });
  if (!plan.ok) {
    io.err(plan.problem === 'errors' ? `${file}: ${plan.reason} Run "bccustomers validate ${file}" to see them.` : `bccustomers send: ${plan.reason}`);
    return plan.problem === 'errors' ? 1 : 2;
  }
  let journal;
  try {
    journal = await openSendJournal(file, args, args.target, plan.customers, ports.clock && (() => ports.clock!.now()));
  } catch (error) {
    io.err(`bccustomers send: ${file}: cannot use the journal (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was sent`);
    return 2;
  }
  if (journal.resumeLine) io.err(`${file}: ${journal.resumeLine}`);
  const sent = await sendCustomers(args.target, journal.toSend, {
    ...ports,
    ...journal.sendOptions,
    maxStoreWaitMs: args.maxStoreWaitMs ?? DEFAULT_MAX_STORE_WAIT_MS,
    onProgress: (p) => {
      if (io.progress)
        io.progress(
          `${p.done}/${p.total} customers · ${p.created} created · ${p.failed} failed · ${p.request} requests${p.waitingMs ? ` · ${p.message}` : ''}`,
        );
      // Without a terminal to redraw a line on, only waits are worth a line: they explain a pause.
      else if (p.waitingMs) io.err(`${file}: ${p.message}`);
    },
  });
  await journal.storage.close();
  if (args.results) await writeSendResults(args.results, journal, args.target, plan.customers, sent);
  const summary = summarizeSend(sent, withEarlierSends(plan, journal.plan), args.target.storeHash);
  if (args.format === 'json') io.out(JSON.stringify({ file, ...summary, resumed: journal.plan.created }));
  else printText(file, summary, io);
  if (summary.stopped) io.err(`bccustomers send: ${file}: stopped: ${summary.stopped}`);
  return isComplete(summary) ? 0 : 1;
}

function printText(file: string, summary: SendSummary, io: CliIo): void {
  for (const c of summary.created) io.out(`created  #${c.id}  customer ${c.index + 1}  ${c.email}`);
  for (const s of summary.skipped) io.out(`skipped  customer ${s.index + 1}  ${s.email}: ${s.reason}`);
  for (const f of summary.failed) io.out(`failed   customer ${f.index + 1}  ${f.path}: ${f.message}`);
  for (const n of summary.notSent) io.out(`not sent customer ${n.index + 1}  ${n.email}: ${n.reason}`);
  const counts = [
    `${summary.created.length} created`,
    `${summary.skipped.length} skipped`,
    `${summary.failed.length} failed`,
    `${summary.notSent.length} not sent`,
  ];
  io.out(`${file}: ${counts.join(', ')}, ${summary.requests} requests`);
}
