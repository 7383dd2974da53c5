/**
 * Only the 1,000,000-customer row of the benchmark (with the one-customer file it is judged against):
 *
 *   npm run build && node --import tsx bench/diagnostics/runMillion.ts [--runs 3]
 *
 * Prints the table and the target, with why it is not met.
 */
import { resolve } from 'node:path';
import { currentLoadAverage, machineInfo } from '../machine';
import { MILLION } from '../profile';
import { cliTable, targetsTable } from '../report/sections';
import { judgeTargets } from '../report/targets';
import { measureCli } from './measureCli';

const root = resolve(__dirname, '../..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 1;
const machine = machineInfo();

measureCli(
  root,
  [
    { customers: 1, runs: 3 },
    { customers: MILLION, runs, oursOnly: true },
  ],
  (row) =>
    process.stdout.write(
      `… ${row.customers.toLocaleString('en-US')} customers: ${row.ours.timeMs.medianMs.toFixed(0)} ms, ${row.ours.maxRssMB.toFixed(1)} MB\n`,
    ),
).then(
  (rows) => {
    const million = judgeTargets({ cli: rows }).filter((t) => t.target.includes('1,000,000 customers'));
    process.stdout.write(`Load average ${machine.loadAverageAtStart} → ${currentLoadAverage()}\n${cliTable(rows)}\n${targetsTable(million)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`The million-customer benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
