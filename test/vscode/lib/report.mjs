// Collects test results from the extension host and the UI tests, prints one line per
// test as it finishes and writes them all in one results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {unknown} text */
function firstLine(text) {
  return String(text).split('\n')[0];
}

/** @typedef {{ title: string; state: 'passed' | 'failed'; error?: string | undefined; durationMs?: number | undefined }} TestResult */

export class Report {
  constructor() {
    /** @type {TestResult[]} */
    this.tests = [];
  }

  /** @param {TestResult} result */
  add(result) {
    this.tests.push(result);
    const took = result.durationMs === undefined ? '' : ` (${(result.durationMs / 1000).toFixed(1)} s)`;
    if (result.state === 'passed') console.log(`  ✓ ${result.title}${took}`);
    else console.log(`  ✗ ${result.title}${took}: ${firstLine(result.error ?? 'failed')}`);
  }

  get passed() {
    return this.tests.filter((t) => t.state === 'passed').length;
  }

  get failed() {
    return this.tests.length - this.passed;
  }

  /** @param {string} file */
  write(file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ passed: this.passed, failed: this.failed, tests: this.tests }, null, 2));
  }

  /** Full error texts of the failures, after the one-line list. */
  printFailures() {
    for (const test of this.tests.filter((t) => t.state === 'failed')) {
      console.log(`\n✗ ${test.title}\n${test.error ?? ''}`);
    }
  }
}
