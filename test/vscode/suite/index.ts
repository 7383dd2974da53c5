// Entry point of the integration test suite inside a VS Code extension host: the module
// that @vscode/test-electron's `extensionTestsPath` names, and that the code-server
// runner extension loads. Runs every compiled *.test.js next to it with mocha's TDD UI
// (`suite` / `test`).
//
// Optional environment:
//   BCC_TEST_RESULTS   file to write the results to, as
//                      { passed, failed, tests: [{ title, state, error?, durationMs? }] }
//   BCC_TEST_PROGRESS  file to append one JSON line per finished test to, for live output
import { appendFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export interface TestResults {
  passed: number;
  failed: number;
  tests: TestResult[];
}

/** The smoke test goes first: it checks that opening a file activates the extension, which any other test would do before it. */
function testFiles(dir: string): string[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.test.js'));
  const rank = (file: string) => (file === 'smoke.test.js' ? 0 : 1);
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((file) => join(dir, file));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Written to a temporary name first, so a reader polling for the file never sees half of it. */
function writeResults(file: string, results: TestResults): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function run(): Promise<void> {
  const resultsFile = process.env.BCC_TEST_RESULTS;
  const progressFile = process.env.BCC_TEST_PROGRESS;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
  const results: TestResults = { passed: 0, failed: 0, tests: [] };

  const record = (result: TestResult) => {
    results.tests.push(result);
    if (result.state === 'passed') results.passed++;
    else results.failed++;
    if (progressFile) appendFileSync(progressFile, `${JSON.stringify(result)}\n`);
  };

  return new Promise<void>((resolve, reject) => {
    try {
      for (const file of testFiles(__dirname)) mocha.addFile(file);
      const runner = mocha.run(() => {
        if (resultsFile) writeResults(resultsFile, results);
        if (results.failed > 0) reject(new Error(`${results.failed} of ${results.tests.length} tests failed.`));
        else resolve();
      });
      const took = (test: Mocha.Runnable) => (test.duration === undefined ? {} : { durationMs: test.duration });
      runner.on('pass', (test) => record({ title: test.fullTitle(), state: 'passed', ...took(test) }));
      // Also reached by failing hooks, whose titles say which hook failed.
      runner.on('fail', (test, error) => record({ title: test.fullTitle(), state: 'failed', error: describeError(error), ...took(test) }));
    } catch (error) {
      // A test file that throws while loading: report it as a failed test, not as silence.
      record({ title: 'loading the test files', state: 'failed', error: describeError(error) });
      if (resultsFile) writeResults(resultsFile, results);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
