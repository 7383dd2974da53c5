// Follows the test suite running in the extension host: prints each test as the suite
// reports it and ends when the runner extension says it is done.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The complete lines only: the last one may still be being written.
 * @param {string} file
 */
function readJsonLines(file) {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop();
  return lines.filter((line) => line.trim()).map((line) => JSON.parse(line));
}

/**
 * Resolves with the suite's results once BCC_RUNNER_DONE appears; rejects after `timeoutMs`
 * or when `failure()` returns a reason to stop waiting (such as code-server having exited).
 * @param {{ session: { suiteProgress: string; suiteResults: string; runnerDone: string }; report: Pick<import('./report.mjs').Report, 'add'>; timeoutMs: number; failure: () => string | undefined }} options
 */
export async function followSuite({ session, report, timeoutMs, failure }) {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  const reportNew = () => {
    const results = readJsonLines(session.suiteProgress);
    for (const result of results.slice(seen)) report.add(result);
    seen = Math.max(seen, results.length);
  };
  while (!existsSync(session.runnerDone)) {
    reportNew();
    const reason = failure();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) {
      const started = existsSync(`${session.runnerDone}.started`);
      throw new Error(
        started
          ? `the test suite did not finish within ${timeoutMs / 1000} s (${seen} tests reported)`
          : `the suite runner extension did not start within ${timeoutMs / 1000} s: the extension host never activated it`,
      );
    }
    await sleep(200);
  }
  reportNew();
  if (!existsSync(session.suiteResults)) throw new Error('the suite runner finished without writing any results');
  const results = JSON.parse(readFileSync(session.suiteResults, 'utf8'));
  // Results the progress file did not carry, such as a suite that failed to load.
  for (const result of results.tests.slice(seen)) report.add(result);
  return results;
}
