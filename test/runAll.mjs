// Runs every test suite — unit tests (Node's test runner) and the real-VS-Code suites — and
// ends with one summary line "N passed, N failed" covering all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'out', 'test-results');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

/**
 * @param {string} dir
 * @returns {string[]}
 */
function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

function runUnitTests() {
  const tap = join(resultsDir, 'unit.tap');
  const files = findTests(join(root, 'test', 'unit')).sort();
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (/** @type {string} */ name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  // A crash of the runner itself counts as a failure, so it can never look green.
  const failed = count('fail') + (result.status !== 0 && count('fail') === 0 ? 1 : 0);
  const failures = [...text.matchAll(/^(\s*)not ok \d+ - (.*)$/gm)].map((m) => `${m[1] ?? ''}${m[2] ?? ''}`);
  return { name: 'unit', passed, failed, failures };
}

/**
 * @param {string} name
 * @param {string} script
 */
function runJsonSuite(name, script) {
  const file = join(resultsDir, `${name}.json`);
  rmSync(file, { force: true });
  const result = spawnSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  if (!existsSync(file)) return { name, passed: 0, failed: 1, failures: [`${name} wrote no results`] };
  /** @type {{ passed: number; failed: number; tests: { title: string; state: string; error?: string }[] }} */
  const { passed, failed, tests } = JSON.parse(readFileSync(file, 'utf8'));
  const failures = tests.filter((t) => t.state === 'failed').map((t) => `${t.title}: ${(t.error ?? '').split('\n')[0]}`);
  return { name, passed, failed: failed + (result.status !== 0 && failed === 0 ? 1 : 0), failures };
}

mkdirSync(resultsDir, { recursive: true });
const suites = [];
if (!only || only === 'unit') suites.push(runUnitTests());
if (!only || only === 'vscode') suites.push(runJsonSuite('code-server', join(root, 'test', 'vscode', 'runCodeServer.mjs')));

console.log('');
// Named again here because a failing run's last lines are otherwise its logs.
for (const suite of suites) {
  if (suite.failures.length) console.log(`${suite.name} failures:\n${suite.failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);
}
for (const suite of suites) console.log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
