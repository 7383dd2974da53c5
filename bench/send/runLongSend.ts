/**
 * Only the long send of the benchmark:
 *
 *   node --import tsx bench/send/runLongSend.ts [--quick]
 *
 * Prints its table and targets and writes bench/send/results.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo } from '../machine';
import { profileFromArgs } from '../profile';
import { longSendTable, targetsTable } from '../report/sections';
import { judgeTargets } from '../report/targets';
import { measureLongSend } from './measureLongSend';

const profile = profileFromArgs(process.argv.slice(2));

measureLongSend(profile.longSend, (message) => void process.stdout.write(`… ${message}\n`)).then(
  (longSend) => {
    const targets = judgeTargets({ longSend }).filter((t) => t.verdict !== 'not measured');
    process.stdout.write(`${longSendTable(longSend)}\n${targetsTable(targets)}\n`);
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify({ machine: machineInfo(), longSend }, null, 2)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`The long send benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
