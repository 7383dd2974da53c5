import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('bccustomers validate (the bundled CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-cli-'));
  const good = join(dir, 'good.bccustomers.json');
  const bad = join(dir, 'bad.bccustomers.json');
  const warnOnly = join(dir, 'warn.bccustomers.json');
  writeFileSync(good, JSON.stringify([{ email: 'a@example.com', first_name: 'A', last_name: 'B' }]));
  writeFileSync(
    bad,
    '[\n  {"email": "a@example.com", "first_name": "A", "last_name": "B",\n   "addresses": [{"first_name": "A", "last_name": "B", "address1": "1", "city": "X", "country_code": "USA", "state_or_province": "Texas", "postal_code": "78701"}, {"first_name": "A", "last_name": "B", "address1": "1", "city": "X", "country_code": "US", "state_or_province": "Texas", "postal_code": "78701"}]}\n]',
  );
  writeFileSync(warnOnly, JSON.stringify([{ email: 'a@example.com', first_name: 'A', last_name: 'B', id: 3 }]));

  it('exits 0 for a valid file', () => {
    const result = run('validate', good);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /no problems/);
  });

  it('exits 1 and prints file:line:column for a file with an error', () => {
    const result = run('validate', good, bad);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /bad\.bccustomers\.json:3:\d+\s+error\s+country-code\s+country_code "USA"/);
  });

  it('exits 0 when there are only warnings', () => {
    assert.equal(run('validate', warnOnly).status, 0);
  });

  it('prints one JSON object per file with JSON Pointer paths and ranges', () => {
    const result = run('validate', good, bad, '--format', 'json');
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.file),
      [good, bad],
    );
    assert.deepEqual(lines[0].diagnostics, []);
    const [d] = lines[1].diagnostics;
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'path', 'range', 'severity']);
    assert.equal(d.path, '/0/addresses/0/country_code');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range.start, { line: 2, character: 101 });
    assert.deepEqual(d.range.end, { line: 2, character: 106 });
  });

  it('exits 2 with a clear message for a missing file or a bad option', () => {
    const missing = run('validate', join(dir, 'nope.bccustomers.json'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read the file \(ENOENT\)/);
    assert.equal(run('validate', good, '--format', 'xml').status, 2);
    assert.equal(run('frobnicate').status, 2);
  });
});
