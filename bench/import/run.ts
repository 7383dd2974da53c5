/**
 * Only the import part of the benchmark:
 *
 *   npm run build && node --import tsx bench/import/run.ts [--rows 1000000]
 *
 * Prints the table and writes bench/import/results.json.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { machineInfo } from '../machine';
import { importTable } from './importTable';
import { measureImport } from './measureImport';

const root = resolve(__dirname, '../..');
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;

measureImport(root, rows, (m) => process.stdout.write(`… ${m}\n`)).then(
  (result) => {
    process.stdout.write(`${importTable(result)}\n`);
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify({ machine: machineInfo(), import: result }, null, 2)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`The import benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
