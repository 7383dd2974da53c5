/** How much to measure: the full run (~3–5 minutes) or `--quick` (under a minute, a smoke run). */
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
  /** the large file of the memory and the slices measurements */
  memoryCustomers: number;
  /** runs of the slices measurement, after one warm-up */
  sliceRuns: number;
  /** the large file of formatting, symbols, folding and selection ranges */
  structureCustomers: number;
  structure: RoundPlan;
}

const plan = (warmupRounds: number, minRounds: number, maxRounds: number, budgetMs: number): RoundPlan => ({ warmupRounds, minRounds, maxRounds, budgetMs });

const sendSettings = { quota: 20, windowMs: 2_000, latencyMs: 40 };

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
  memoryCustomers: 5_000,
  sliceRuns: 7,
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
  memoryCustomers: 5_000,
  sliceRuns: 3,
  structureCustomers: 50_000,
  structure: plan(1, 2, 3, 5_000),
};

export function profileFromArgs(args: readonly string[]): BenchProfile {
  return args.includes('--quick') ? quick : full;
}
