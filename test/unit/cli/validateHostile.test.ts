import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analyze';
import { reportDiagnostics } from '../../../src/core/report';
import { customersText } from '../../../bench/payload/generateCustomers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

describe('bccustomers validate on hostile files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-hostile-'));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const good = file('good.bccustomers.json', JSON.stringify([{ email: 'a@example.com', first_name: 'A', last_name: 'B' }]));

  it('reports bytes that are not UTF-8 as an Error at their position', () => {
    const latin1 = file(
      'latin1.bccustomers.json',
      Buffer.concat([Buffer.from('[{"email":"u@example.com",\n "first_name":"Jos'), Buffer.from([0xe9]), Buffer.from('","last_name":"B"}]')]),
    );
    const text = run('validate', latin1);
    assert.equal(text.status, 1, text.stdout);
    assert.match(text.stdout, /latin1\.bccustomers\.json:2:15\s+error\s+invalid-utf8\s+/);
    const json = JSON.parse(run('validate', latin1, '--format', 'json').stdout);
    assert.deepEqual(
      json.diagnostics.map((d: { code: string; path: string }) => [d.code, d.path]),
      [['invalid-utf8', '/0/first_name']],
    );
  });

  it('reports nesting too deep for the file, and still checks the files after it', () => {
    const deep = file('deep.bccustomers.json', `[{"email": "a@b.co", "first_name": "A", "last_name": "B", "x": ${'['.repeat(20_000)}${']'.repeat(20_000)}}]`);
    const deepBroken = file('deep-broken.bccustomers.json', `// comment\n[${'{"a":'.repeat(20_000)}`);
    const result = run('validate', deep, deepBroken, good);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /deep\.bccustomers\.json:1:\d+\s+error\s+json-syntax\s+The JSON is nested more than 256 levels deep/);
    assert.match(result.stdout, /deep-broken\.bccustomers\.json:2:\d+\s+error\s+json-syntax\s+The JSON is nested more than 256 levels deep/);
    assert.match(result.stdout, /good\.bccustomers\.json: no problems/);
  });

  it('escapes control characters of property names in text output', () => {
    const forged = file(
      'forged.bccustomers.json',
      JSON.stringify([{ email: 'a@example.com', first_name: 'A', last_name: 'B', 'x\n/etc/passwd:1:1  error  fake \u001b[31mred': 1 }]),
    );
    const result = run('validate', forged);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 1, result.stdout);
    assert.ok(!result.stdout.includes('\u001b'));
    assert.match(lines[0]!, /unknown-property\s+x\\u000a\/etc\/passwd:1:1 {2}error {2}fake \\u001b\[31mred is not a field/);
  });

  it('takes what follows -- as file names, not -- itself', () => {
    const result = run('validate', '--', good);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), `${good}: no problems`);
    assert.equal(run('validate', '--').status, 2);
  });

  it('gives the same problems, lines and columns reading a large file in pieces as checking it whole, with CRLF line ends', () => {
    const text = customersText({ count: 3000, seed: 11, mistakeRate: 0.2 }).replace(/\n/g, '\r\n');
    assert.ok(text.length > 2 << 20, 'several pieces');
    const large = file('large.bccustomers.json', text);
    const streamed = JSON.parse(run('validate', large, '--format', 'json').stdout).diagnostics;
    assert.ok(streamed.length > 100);
    assert.deepEqual(streamed, reportDiagnostics(analyzeText(text)));
  });
});
