/** How much to measure: the full run (~3–5 minutes) or `--quick` (under a minute, a smoke run). */
import type { CliSize } from './diagnostics/measureCli';
import type { RoundPlan } from './timing';

export interface DiagnosticsSize {
  customers: number;
  plan: RoundPlan;
}

export interface SendSettings {
  customers: number;
  /** requests per window, scaled down from BigCommerce's so a run takes seconds, not minutes */
  quota: number;
  windowMs: number;
  /** added by the sandbox to every answer, like a store across the internet */
  latencyMs: number;
}

export interface BenchProfile {
  name: 'full' | 'quick';
  diagnostics: DiagnosticsSize[];
  /** the file a keystroke is measured on */
  keystrokeCustomers: number;
  keystroke: RoundPlan;
  /** per stage of the pass, on the keystroke file */
  stages: RoundPlan;
  schemaCompile: RoundPlan;
  /** fresh Node processes per cold-start measurement */
  freshProcesses: number;
  send: SendSettings;
  /** a long send written to a journal on disk, at BigCommerce's Standard quota with its window scaled down */
  longSend: SendSettings;
  /** the large file of the memory and the slices measurements */
  memoryCustomers: number;
  /** runs of the slices measurement, after one warm-up */
  sliceRuns: number;
  /** the large file checked strict and with one comment in the middle, and the runs of each after one warm-up */
  brokenTextCustomers: number;
  brokenTextRuns: number;
  /** rows of the generated Shopify export that `bccustomers import` converts */
  importRows: number;
  /** `bccustomers validate` as a process against the language service as a script, and the large files ours alone */
  cli: CliSize[];
  /** files whose `bccustomers validate` is CPU-profiled, for where its time goes */
  cliProfiles: number[];
  /** the open file of the editor's memory and keystroke measurement */
  editorCustomers: number;
  editorKeystrokes: number;
  /** the large file of formatting, symbols, folding and selection ranges */
  structureCustomers: number;
  structure: RoundPlan;
}

const plan = (warmupRounds: number, minRounds: number, maxRounds: number, budgetMs: number): RoundPlan => ({ warmupRounds, minRounds, maxRounds, budgetMs });

const sendSettings = { quota: 20, windowMs: 2_000, latencyMs: 40 };
/** 150 requests per 30 s, three times faster: 50,000 customers take 6 minutes, not 17 */
const longSendSettings = { quota: 150, windowMs: 10_000, latencyMs: 10 };

const full: BenchProfile = {
  name: 'full',
  diagnostics: [
    { customers: 10, plan: plan(30, 50, 400, 4_000) },
    { customers: 100, plan: plan(10, 30, 200, 6_000) },
    { customers: 1_000, plan: plan(3, 15, 60, 15_000) },
    { customers: 5_000, plan: plan(1, 7, 25, 25_000) },
  ],
  keystrokeCustomers: 1_000,
  keystroke: plan(3, 20, 80, 12_000),
  stages: plan(2, 10, 30, 2_500),
  schemaCompile: plan(3, 10, 40, 5_000),
  freshProcesses: 7,
  send: { customers: 2_000, ...sendSettings },
  longSend: { customers: 50_000, ...longSendSettings },
  memoryCustomers: 5_000,
  sliceRuns: 7,
  brokenTextCustomers: 50_000,
  brokenTextRuns: 3,
  importRows: 1_000_000,
  cli: [
    // One customer: what a process costs before any checking (start-up, reading, printing).
    { customers: 1, runs: 7 },
    { customers: 1_000, runs: 7 },
    { customers: 5_000, runs: 5 },
    { customers: 50_000, runs: 3 },
    { customers: 50_000, runs: 2, mistakeRate: 1, oursOnly: true },
    { customers: 200_000, runs: 2, mistakeRate: 1, oursOnly: true },
  ],
  cliProfiles: [1, 5_000, 50_000],
  editorCustomers: 50_000,
  editorKeystrokes: 40,
  structureCustomers: 50_000,
  structure: plan(1, 5, 10, 20_000),
};

const quick: BenchProfile = {
  name: 'quick',
  diagnostics: [
    { customers: 10, plan: plan(10, 20, 100, 1_000) },
    { customers: 100, plan: plan(3, 10, 40, 1_500) },
    { customers: 1_000, plan: plan(1, 5, 15, 3_000) },
    { customers: 5_000, plan: plan(1, 3, 5, 4_000) },
  ],
  keystrokeCustomers: 1_000,
  keystroke: plan(1, 8, 20, 2_000),
  stages: plan(1, 3, 10, 500),
  schemaCompile: plan(1, 5, 10, 1_500),
  freshProcesses: 3,
  send: { customers: 400, ...sendSettings },
  longSend: { customers: 5_000, ...longSendSettings },
  memoryCustomers: 5_000,
  sliceRuns: 3,
  brokenTextCustomers: 50_000,
  brokenTextRuns: 1,
  importRows: 20_000,
  cli: [
    { customers: 1, runs: 3 },
    { customers: 1_000, runs: 3 },
    { customers: 5_000, runs: 2 },
    { customers: 50_000, runs: 1 },
    // Smaller than the full run's 50,000 and 200,000, with the same ratio: the linearity check still holds.
    { customers: 10_000, runs: 1, mistakeRate: 1, oursOnly: true },
    { customers: 40_000, runs: 1, mistakeRate: 1, oursOnly: true },
  ],
  cliProfiles: [1, 5_000, 50_000],
  editorCustomers: 50_000,
  editorKeystrokes: 15,
  structureCustomers: 50_000,
  structure: plan(1, 2, 3, 5_000),
};

/** The million-customer file (~470 MB, generated into a temporary directory): in the full run, unless `--skip-million`; in `--quick`, only with `--million`. */
export const MILLION = 1_000_000;

export function profileFromArgs(args: readonly string[]): BenchProfile {
  const profile = args.includes('--quick') ? quick : full;
  const million = args.includes('--million') || (profile === full && !args.includes('--skip-million'));
  const cli = profile.cli.filter((size) => size.customers !== MILLION);
  return { ...profile, cli: million ? [...cli, { customers: MILLION, runs: 1, oursOnly: true }] : cli };
}
