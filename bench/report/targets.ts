/** The performance targets, judged from the results: reported as met or not, never a failure. */
import type { ActivationRecord } from '../bundle/activationRecord';
import type { BundleSizes } from '../bundle/bundleSizes';
import type { DiagnosticsRow } from '../diagnostics/measureDiagnostics';
import type { CliRow } from '../diagnostics/measureCli';
import type { CliProfile } from '../diagnostics/profileCli';
import type { KeystrokeResult } from '../diagnostics/measureKeystroke';
import type { EditorResult } from '../memory/measureEditor';
import type { SlicesResult } from '../diagnostics/measureSlices';
import type { StructureResult } from '../language/measureStructure';
import type { StagesResult } from '../diagnostics/measureStages';
import type { LongSendResult } from '../send/measureLongSend';
import type { SendResult } from '../send/measureSend';
import type { Summary } from '../stats';
import { count, kb, mb, ms, percent, share, times } from './format';

export type Verdict = 'met' | 'not met' | 'not measured';

export interface TargetResult {
  target: string;
  measured: string;
  verdict: Verdict;
  /** for a target not met: where the time or memory goes, from other measurements of the same run */
  why?: string;
}

export interface TargetInputs {
  diagnostics?: DiagnosticsRow[];
  keystroke?: KeystrokeResult;
  slices?: SlicesResult;
  structure?: StructureResult;
  send?: SendResult;
  longSend?: LongSendResult;
  bundle?: BundleSizes;
  activation?: ActivationRecord;
  /** require() time of the bundle, which the recorded activation (timed inside activate()) leaves out */
  bundleLoad?: Summary;
  cli?: CliRow[];
  cliProfiles?: CliProfile[];
  editor?: EditorResult;
  stages?: StagesResult;
}

export const BUNDLE_LIMIT_BYTES = 300 * 1024;
export const WEB_BUNDLE_LIMIT_BYTES = 200 * 1024;

export function judgeTargets(inputs: TargetInputs): TargetResult[] {
  const results: TargetResult[] = [];
  const judge = (target: string, measured: string | undefined, met: boolean | undefined, why?: string): void => {
    const verdict = met === undefined ? 'not measured' : met ? 'met' : 'not met';
    results.push({ target, measured: measured ?? '–', verdict, ...(verdict === 'not met' && why ? { why } : {}) });
  };

  const atThousand = inputs.diagnostics?.find((r) => r.customers === 1_000);
  judge(
    'diagnostics ≥5× faster than vscode-json-languageservice, 1,000 customers',
    atThousand && times(atThousand.speedup),
    atThousand && atThousand.speedup >= 5,
  );
  const atTen = inputs.diagnostics?.find((r) => r.customers === 10);
  judge('diagnostics <2 ms median, 10 customers', atTen && ms(atTen.ours.medianMs), atTen && atTen.ours.medianMs < 2);
  const key = inputs.keystroke;
  judge(
    `keystroke <16 ms median, ${key ? key.customers.toLocaleString('en-US') : '1,000'} customers`,
    key && ms(key.ours.medianMs),
    key && key.ours.medianMs < 16,
  );

  const slices = inputs.slices;
  judge(
    `checking ${slices ? slices.customers.toLocaleString('en-US') : '5,000'} customers holds the extension host <50 ms at a time (median of the longest slice)`,
    slices && ms(slices.longestSlice.medianMs),
    slices && slices.longestSlice.medianMs < 50,
  );

  const cli = inputs.cli ?? [];
  const compared = (customers: number) => cli.find((r) => r.customers === customers && r.speedup !== undefined);
  for (const customers of [1_000, 5_000, 50_000]) {
    const row = compared(customers);
    const goal = customers >= 5_000 ? ' (goal ≥10×)' : '';
    judge(
      `bccustomers validate as a process ≥5× faster than the language service, ${count(customers)} customers${goal}`,
      row && `${times(row.speedup!)}: ${ms(row.ours.timeMs.medianMs)} vs ${ms(row.languageService!.timeMs.medianMs)}`,
      row && row.speedup! >= 5,
      row && processWhy(row, cli, inputs),
    );
  }
  const atFiveThousand = inputs.diagnostics?.find((r) => r.customers === 5_000);
  judge(
    'in-process full check ≤40 ms, 5,000 customers',
    atFiveThousand && ms(atFiveThousand.ours.medianMs),
    atFiveThousand && atFiveThousand.ours.medianMs <= 40,
    inputs.stages && floorsWhy(inputs.stages, 5_000),
  );
  const fifty = compared(50_000);
  judge(
    'bccustomers validate <0.5 s and peak RSS <150 MB, 50,000 customers',
    fifty && `${ms(fifty.ours.timeMs.medianMs)}, ${mb(fifty.ours.maxRssMB)}`,
    fifty && fifty.ours.timeMs.medianMs < 500 && fifty.ours.maxRssMB < 150,
    fifty && [processWhy(fifty, cli, inputs), memoryWhy(fifty, cli)].filter(Boolean).join('; '),
  );
  const million = cli.find((r) => r.customers === 1_000_000);
  judge(
    `bccustomers validate <15 s and peak RSS <300 MB, 1,000,000 customers${million ? ` (${mb(million.bytes / 1_048_576)})` : ' (skipped: --skip-million, or --quick without --million)'}`,
    million && `${ms(million.ours.timeMs.medianMs)}, ${mb(million.ours.maxRssMB)}`,
    million && million.ours.timeMs.medianMs < 15_000 && million.ours.maxRssMB < 300,
    million && [processWhy(million, cli, inputs), memoryWhy(million, cli)].filter(Boolean).join('; '),
  );
  const allErrors = cli.filter((r) => r.mistakeRate === 1).sort((a, b) => a.customers - b.customers);
  const [smaller, larger] = [allErrors[0], allErrors[allErrors.length - 1]];
  const growth =
    smaller && larger && smaller !== larger ? larger.ours.timeMs.medianMs / larger.customers / (smaller.ours.timeMs.medianMs / smaller.customers) : undefined;
  judge(
    `time linear in the number of problems: every customer with an error, per-customer time at ${larger ? count(larger.customers) : '200,000'} ≤1.25× that at ${smaller ? count(smaller.customers) : '50,000'}`,
    growth === undefined
      ? undefined
      : `${times(growth)} (${ms(smaller!.ours.timeMs.medianMs)} for ${count(smaller!.customers)}, ${ms(larger!.ours.timeMs.medianMs)} for ${count(larger!.customers)})`,
    growth === undefined ? undefined : growth <= 1.25,
  );
  const editor = inputs.editor;
  const keptRatio = editor && (editor.textMB + editor.keptMB) / editor.textMB;
  judge(
    `editor memory kept per open file ≤3× its size (text + analysis), ${editor ? count(editor.customers) : '50,000'} customers`,
    editor && `${times(keptRatio!)}: ${mb(editor.textMB)} text + ${mb(editor.keptMB)} analysis`,
    editor && keptRatio! <= 3,
  );
  judge(
    `editor keystroke ≤10 ms median, ${editor ? count(editor.customers) : '50,000'} customers`,
    editor && ms(editor.keystroke.medianMs),
    editor && editor.keystroke.medianMs <= 10,
  );

  const structure = inputs.structure;
  const formatting = structure && Math.max(structure.formatFormatted.medianMs, structure.formatOneLine.medianMs);
  judge(
    `Format Document <1 s median, ${structure ? structure.customers.toLocaleString('en-US') : '50,000'} customers (formatted, and on one line)`,
    structure && `${ms(structure.formatFormatted.medianMs)} formatted, ${ms(structure.formatOneLine.medianMs)} one line`,
    formatting === undefined ? undefined : formatting < 1_000,
  );

  const send = inputs.send;
  const sender = send?.runs[0];
  judge(
    'send within 10% of the quota bound (default sender)',
    sender && `${ms(sender.wallMs)} vs ${ms(sender.quotaBoundMs)} (${percent(sender.ofQuotaBound)})`,
    sender && sender.ofQuotaBound <= 1.1,
  );
  const ours = send?.runs.slice(0, 2);
  const failed429 = ours?.reduce((sum, r) => sum + r.failedBecauseOf429, 0);
  judge(
    'send: 0 customers failed because of 429s',
    failed429 === undefined ? undefined : String(failed429),
    failed429 === undefined ? undefined : failed429 === 0,
  );
  judge('send ≥2× faster than the naive sender (default sender)', send && times(send.speedupOverNaive), send && send.speedupOverNaive >= 2);
  const long = inputs.longSend;
  judge(
    `long send within 10% of the quota bound, ${long ? count(long.settings.customers) : '50,000'} customers with a journal`,
    long && `${ms(long.wallMs)} vs ${ms(long.quotaBoundMs)} (${percent(long.ofQuotaBound)})`,
    long && long.ofQuotaBound <= 1.1 && long.store.exactlyOnce,
    long &&
      `without a journal the same send took ${ms(long.withoutJournal.wallMs)} (${percent(long.withoutJournal.ofQuotaBound)}); each request waits for one append flushed to the disk (its intent, with the outcome before it), median ${ms(long.journal.medianAppendMs)}, p95 ${ms(long.journal.p95AppendMs)}, ${ms(long.journal.perRequestMs)} per request in all, against ${ms(long.settings.windowMs / long.settings.quota)} between requests at the quota`,
  );
  judge('long send: 0 × 429 in steady state', long && String(long.steadyStateTooManyRequests), long && long.steadyStateTooManyRequests === 0);

  const extension = inputs.bundle?.extension;
  judge(
    'dist/extension.js <300 KB minified',
    extension && `${kb(extension.bytes)}${extension.minified ? '' : ' (not a minified build)'}`,
    extension && extension.minified && extension.bytes < BUNDLE_LIMIT_BYTES,
  );
  const web = inputs.bundle?.web;
  judge(
    'dist/web/extension.js (browser) <200 KB minified',
    web && `${kb(web.bytes)}${web.minified ? '' : ' (not a minified build)'}`,
    web && web.minified && web.bytes < WEB_BUNDLE_LIMIT_BYTES,
  );
  // The recorded time is the body of activate(); the host loads the bundle first, so both count.
  const activation = inputs.activation;
  const activationMs = activation?.activationMs;
  const loadMs = inputs.bundleLoad?.medianMs;
  const totalMs = activationMs !== undefined ? activationMs + (loadMs ?? 0) : undefined;
  judge(
    'activation <50 ms (real VS Code host, plus bundle load)',
    activationMs === undefined
      ? activation?.note
      : loadMs === undefined
        ? `${ms(activationMs)} (bundle load not measured)`
        : `${ms(activationMs)} activate() + ${ms(loadMs)} bundle load = ${ms(totalMs!)}`,
    totalMs === undefined ? undefined : totalMs < 50,
  );
  return results;
}

/**
 * The start-up every process pays (the one-customer file) and what each customer costs beyond it,
 * against the language service's; then where the CPU profile of the nearest size puts the time.
 */
function processWhy(row: CliRow, cli: readonly CliRow[], { stages, cliProfiles = [] }: TargetInputs): string | undefined {
  const bare = cli.find((r) => r.customers === 1);
  if (!bare || row === bare) return undefined;
  const oursPerCustomer = (row.ours.timeMs.medianMs - bare.ours.timeMs.medianMs) / row.customers;
  const parts = [
    `start-up ${ms(bare.ours.timeMs.medianMs)} (a 1-customer file${bare.languageService ? `; the language service's ${ms(bare.languageService.timeMs.medianMs)}` : ''})`,
  ];
  parts.push(`then ${micro(oursPerCustomer)} per customer`);
  if (row.languageService && bare.languageService) {
    const theirsPerCustomer = (row.languageService.timeMs.medianMs - bare.languageService.timeMs.medianMs) / row.customers;
    parts.push(`against the language service's ${micro(theirsPerCustomer)}`);
  }
  const floors = stages && stageFloors(stages);
  if (floors) parts.push(`of which JSON.parse and the generated validator alone take ${micro(floors.perCustomerMs)} warm`);
  const nearest = [...cliProfiles].sort((a, b) => Math.abs(Math.log(a.customers / row.customers)) - Math.abs(Math.log(b.customers / row.customers)))[0];
  if (nearest) {
    const top = nearest.shares.slice(0, 4).map((s) => `${s.part} ${share(s.share)}`);
    parts.push(`the CPU profile at ${count(nearest.customers)} customers: ${top.join(', ')}`);
  }
  return parts.join(', ');
}

/** How much of the in-process check is spent where no check can be faster: parsing, and the schema's own validator. */
function floorsWhy(stages: StagesResult, customers: number): string | undefined {
  const floors = stageFloors(stages);
  return (
    floors &&
    `JSON.parse a customer at a time and the generated validator alone take ${ms(floors.perCustomerMs * customers)} for ${count(customers)} customers (${count(stages.customers)} measured: ${floors.detail}), the whole check ${ms(floors.wholeMs * (customers / stages.customers))}`
  );
}

function stageFloors(stages: StagesResult): { perCustomerMs: number; wholeMs: number; detail: string } | undefined {
  const median = (prefix: string) => stages.stages.find((s) => s.stage.startsWith(prefix))?.time.medianMs;
  const parse = median('JSON.parse, a customer at a time');
  const validate = median('generated Ajv validator');
  const whole = median('whole check');
  if (parse === undefined || validate === undefined || whole === undefined) return undefined;
  return {
    perCustomerMs: (parse + validate) / stages.customers,
    wholeMs: whole,
    detail: `${ms(parse)} parsing, ${ms(validate)} validating, ${ms(whole)} the whole check`,
  };
}

/** Peak RSS beside the smallest file's: what grows with the file. */
function memoryWhy(row: CliRow, cli: readonly CliRow[]): string | undefined {
  const bare = cli.find((r) => r.customers === 1);
  if (!bare) return undefined;
  const perCustomer = (megabytes: number) => `${((megabytes * 1_048_576) / row.customers).toFixed(0)} bytes per customer`;
  const added = row.ours.maxRssMB - bare.ours.maxRssMB;
  const held = row.ours.memory;
  if (!held) return `peak RSS ${mb(row.ours.maxRssMB)} against ${mb(bare.ours.maxRssMB)} for one customer: ${perCustomer(added)}`;
  const toMB = (bytes: number) => bytes / 1_048_576;
  const rest = row.ours.maxRssMB - toMB(held.peakHeapTotalBytes) - toMB(held.peakExternalBytes);
  return (
    `peak RSS ${mb(row.ours.maxRssMB)} against ${mb(bare.ours.maxRssMB)} for one customer, ${perCustomer(added)}; ` +
    `kept at the end: the emails ${mb(toMB(held.emailBytes))} (${perCustomer(toMB(held.emailBytes))}) and a live JavaScript heap of ${mb(toMB(held.heapBytes))} after a full collection; ` +
    `at most ${mb(toMB(held.peakHeapTotalBytes))} of JavaScript heap reserved (the rest of it garbage between collections) and ${mb(toMB(held.peakExternalBytes))} outside it (the emails' typed arrays while they grow, read buffers); ` +
    `the other ${mb(rest)} is code, the engine's own memory and what the allocator has not given back`
  );
}

function micro(msValue: number): string {
  return `${(msValue * 1000).toFixed(1)} µs`;
}
