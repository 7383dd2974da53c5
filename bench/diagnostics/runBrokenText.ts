/**
 * Only the measurement of a large file that is not strict JSON in one place:
 *   node --import tsx bench/diagnostics/runBrokenText.ts [--quick]
 */
import { profileFromArgs } from '../profile';
import { brokenTextTable } from '../report/sections';
import { measureBrokenText } from './measureBrokenText';

const profile = profileFromArgs(process.argv.slice(2));
measureBrokenText(profile.brokenTextCustomers, profile.brokenTextRuns).then(
  (result) => process.stdout.write(`${brokenTextTable(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
