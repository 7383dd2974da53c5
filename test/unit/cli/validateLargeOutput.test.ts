import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analyze';
import { reportDiagnostics } from '../../../src/core/report';
import { customersText } from '../../../bench/payload/generateCustomers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');

describe('bccustomers validate with more problems than it keeps in memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-large-output-'));
  const spillDir = mkdtempSync(join(tmpdir(), 'bccustomers-spill-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, TMPDIR: spillDir } });
  const text = customersText({ count: 8000, seed: 5, mistakeRate: 0.6 });
  const file = join(dir, 'many-problems.bccustomers.json');
  writeFileSync(file, text);
  const good = join(dir, 'good.bccustomers.json');
  writeFileSync(good, JSON.stringify([{ email: 'a@example.com', first_name: 'A', last_name: 'B' }]));
  const expected = reportDiagnostics(analyzeText(text));

  it('prints the same JSON as a check of the whole text, the body size first, and leaves no temporary file', () => {
    const result = run('validate', file, good, '--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    assert.ok(result.stdout.length > 2 << 20, 'more output than the spill keeps in memory');
    assert.equal(result.stdout, `${JSON.stringify({ file, diagnostics: expected })}\n${JSON.stringify({ file: good, diagnostics: [] })}\n`);
    assert.equal(expected[0]!.code, 'batch-split');
    assert.deepEqual(readdirSync(spillDir), []);
  });

  it('prints a line per problem in the same order as text', () => {
    const lines = run('validate', file, good).stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => line.split(/\s+/, 3)),
      [...expected.map((d) => [`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, d.severity, d.code]), [`${good}:`, 'no', 'problems']],
    );
    assert.deepEqual(readdirSync(spillDir), []);
  });
});
