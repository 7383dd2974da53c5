/**
 * `bccustomers validate --format json` as a process against a script that runs
 * vscode-json-languageservice with the same schema, on the same files: the time from the first
 * line of user code to exit (a preloaded probe reads it, so Node's own start-up is left out of
 * both) and the process's peak RSS. Also the files a migration brings: a million customers
 * (generated into a temporary directory, never committed) and 200,000 customers that all have
 * an error, whose time must grow linearly with the file.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMORY_REPORT_VARIABLE } from '../../src/cli/memoryReport';
import { customersText, generateCustomers } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';

export interface ProcessRun {
  timeMs: Summary;
  maxRssMB: number;
  exitCode: number;
  /** what the CLI reports, at the end of its last run, of the memory it keeps (the rows ours alone) */
  memory?: HeldMemory;
}

/** The CLI's `@memory` line, once the file is read, with its emails still held. */
export interface HeldMemory {
  customers: number;
  emailBytes: number;
  /** the live JavaScript heap after a full collection (the emails' typed arrays are outside it) */
  heapBytes: number;
  /** the most heap V8 had reserved, live or not, sampled after each piece read */
  peakHeapTotalBytes: number;
  /** the most memory held outside the heap (typed arrays, read buffers), sampled likewise */
  peakExternalBytes: number;
}

export interface CliRow {
  customers: number;
  bytes: number;
  /** share of customers with a mistake */
  mistakeRate: number;
  ours: ProcessRun;
  languageService?: ProcessRun;
  /** language service median ÷ ours */
  speedup?: number;
}

export interface CliSize {
  customers: number;
  runs: number;
  mistakeRate?: number;
  /** too slow or too large for the language service: ours alone */
  oursOnly?: boolean;
}

export async function measureCli(root: string, sizes: readonly CliSize[], onRow: (row: CliRow) => void): Promise<CliRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-bench-'));
  const rows: CliRow[] = [];
  try {
    for (const size of sizes) {
      const mistakeRate = size.mistakeRate ?? 0.04;
      const file = join(dir, `${size.customers}-${mistakeRate}.bccustomers.json`);
      await writeCustomersFile(file, size.customers, mistakeRate);
      // The large files, ours alone, also tell how much of the heap is kept: a full collection at the end is all it costs.
      const ours = await timeProcess([join(root, 'dist', 'cli.js'), 'validate', file, '--format', 'json'], root, size.runs, size.oursOnly === true);
      const languageService = size.oursOnly
        ? undefined
        : await timeProcess([join(root, 'bench', 'probes', 'languageServiceValidate.cjs'), root, file], root, size.runs);
      const row: CliRow = {
        customers: size.customers,
        bytes: statSync(file).size,
        mistakeRate,
        ours,
        ...(languageService ? { languageService, speedup: languageService.timeMs.medianMs / ours.timeMs.medianMs } : {}),
      };
      rows.push(row);
      onRow(row);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Written a slice of customers at a time: a million customers never sit in the bench's memory at once. */
export async function writeCustomersFile(file: string, customers: number, mistakeRate: number): Promise<void> {
  if (customers <= 50_000) {
    const out = createWriteStream(file);
    out.end(customersText({ count: customers, mistakeRate }));
    await once(out, 'finish');
    return;
  }
  const out = createWriteStream(file);
  const slice = 10_000;
  out.write('[\n');
  for (let done = 0; done < customers; done += slice) {
    // Each slice has its own seed and email tag: emails stay unique across slices.
    const part = generateCustomers({ count: Math.min(slice, customers - done), seed: done + 1, mistakeRate, emailTag: `s${done}` });
    const text = part.map((c) => '  ' + JSON.stringify(c, null, 2).replace(/\n/g, '\n  ')).join(',\n');
    if (!out.write((done ? ',\n' : '') + text)) await once(out, 'drain');
  }
  out.end('\n]\n');
  await once(out, 'finish');
}

async function timeProcess(args: string[], cwd: string, runs: number, reportMemory = false): Promise<ProcessRun> {
  const times: number[] = [];
  let maxRssMB = 0;
  let exitCode = 0;
  let memory: HeldMemory | undefined;
  for (let i = 0; i < runs; i++) {
    const { stderr, code } = await new Promise<{ stderr: string; code: number }>((resolve) => {
      execFile(
        process.execPath,
        [...(reportMemory ? ['--expose-gc'] : []), '-r', join(cwd, 'bench', 'probes', 'timeToExit.cjs'), ...args],
        { cwd, maxBuffer: 1 << 30, timeout: 600_000, env: reportMemory ? { ...process.env, [MEMORY_REPORT_VARIABLE]: '1' } : process.env },
        (error, _stdout, stderr) => resolve({ stderr, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0 }),
      );
    });
    const lines = stderr.split('\n').reverse();
    const line = lines.find((l) => l.startsWith('@result '));
    const memoryLine = lines.find((l) => l.startsWith('@memory '));
    if (memoryLine) memory = JSON.parse(memoryLine.slice('@memory '.length)) as HeldMemory;
    if (!line) throw new Error(`${args.join(' ')} printed no timing (exit ${code}): ${stderr.slice(-800)}`);
    const result = JSON.parse(line.slice('@result '.length)) as { firstCodeToExitMs: number; maxRssMB: number };
    times.push(result.firstCodeToExitMs);
    maxRssMB = Math.max(maxRssMB, result.maxRssMB);
    exitCode = code;
  }
  return { timeMs: summarize(times), maxRssMB, exitCode, ...(memory ? { memory } : {}) };
}
