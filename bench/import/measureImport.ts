/**
 * Importing a large Shopify export through the CLI: rows per second and peak memory, and
 * papaparse's own speed and size (the CSV library the import is built on).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runProbe } from '../childProcess';
import { writeShopifyExport } from './generateShopify';

interface ProbeResult {
  rows: number;
  seconds: number;
  /** On a shared machine the wall time depends on the load; the CPU time much less. */
  cpuSeconds: number;
  peakRssMB: number;
}

/** The JavaScript heap the import runs in: the emails of a million customers, and a chunk of the file. */
export const heapCapMB = 256;

export interface ImportBenchResult {
  rows: number;
  fileMB: number;
  outputMB: number;
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  rowsPerCpuSecond: number;
  peakRssMB: number;
  papaparse: {
    version: string;
    minifiedKB: number;
    gzipKB: number;
    parseSeconds: number;
    parseCpuSeconds: number;
    rowsPerSecond: number;
    rowsPerCpuSecond: number;
    peakRssMB: number;
  };
}

export async function measureImport(root: string, rows: number, progress: (message: string) => void = () => {}): Promise<ImportBenchResult> {
  const dir = join(root, 'out', 'bench-import');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `shopify-${rows}.csv`);
  if (!existsSync(csv)) {
    progress(`  writing a ${rows.toLocaleString('en-US')}-row Shopify export`);
    await writeShopifyExport(csv, rows);
  }
  const output = join(dir, `shopify-${rows}.bccustomers.json`);
  const probe = join(root, 'bench', 'import', 'importProbe.mjs');
  const timeoutMs = 30 * 60_000;
  progress('  papaparse alone');
  const parse = (await runProbe<ProbeResult>([probe, 'parse', root, csv], { cwd: root, timeoutMs })).result;
  progress('  bccustomers import');
  // With the JavaScript heap capped, finishing at all shows that memory stays bounded (left
  // alone, V8 lets the heap grow well past what the import keeps alive).
  const cli = (await runProbe<ProbeResult>([`--max-old-space-size=${heapCapMB}`, probe, 'cli', root, csv, output], { cwd: root, timeoutMs })).result;
  const outputMB = statSync(output).size / 2 ** 20;
  rmSync(output);
  rmSync(output.replace(/\.bccustomers\.json$/, '.bccustomers-import.json'));
  const papaDir = join(root, 'node_modules', 'papaparse');
  const minified = readFileSync(join(papaDir, 'papaparse.min.js'));
  return {
    rows: cli.rows,
    fileMB: statSync(csv).size / 2 ** 20,
    outputMB,
    seconds: cli.seconds,
    cpuSeconds: cli.cpuSeconds,
    rowsPerSecond: cli.rows / cli.seconds,
    rowsPerCpuSecond: cli.rows / cli.cpuSeconds,
    peakRssMB: cli.peakRssMB,
    papaparse: {
      version: JSON.parse(readFileSync(join(papaDir, 'package.json'), 'utf8')).version,
      minifiedKB: minified.length / 1024,
      gzipKB: gzipSync(minified).length / 1024,
      parseSeconds: parse.seconds,
      parseCpuSeconds: parse.cpuSeconds,
      rowsPerSecond: parse.rows / parse.seconds,
      rowsPerCpuSecond: parse.rows / parse.cpuSeconds,
      peakRssMB: parse.peakRssMB,
    },
  };
}
