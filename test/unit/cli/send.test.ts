import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';

const cli = join(__dirname, '../../../dist/cli.js');
const token = `bcc-secret-${Math.random().toString(36).slice(2)}`;

/** Runs the bundled CLI as a user would; async, so the in-process sandbox keeps answering. */
function run(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('bccustomers send (the bundled CLI, against the sandbox store)', () => {
  let store: SandboxStore;
  let dir: string;
  const customers = Array.from({ length: 25 }, (_, i) => ({ email: `new${i}@example.com`, first_name: 'New', last_name: `Customer ${i}` }));
  customers[4]!.email = 'taken@example.com';
  customers[17]!.email = 'Jane.Doe@example.com';

  before(async () => {
    store = await startSandboxStore({ accessToken: token, quota: 1000, windowMs: 1000 });
    dir = mkdtempSync(join(tmpdir(), 'bccustomers-send-'));
    writeFileSync(join(dir, 'import.bccustomers.json'), JSON.stringify(customers, null, 2));
    writeFileSync(join(dir, 'broken.bccustomers.json'), JSON.stringify([{ email: 'x@example.com' }]));
  });
  after(() => store.close());

  const send = (file: string, env: Record<string, string | undefined> = { BIGCOMMERCE_ACCESS_TOKEN: token }, ...extra: string[]) =>
    run(['send', file, '--store', store.storeHash, '--api-base-url', store.url, '--format', 'json', ...extra], env, dir);

  it('creates the new customers, reports the existing ones as skipped, and exits 0', async () => {
    const before = store.customers().length;
    const result = await send('import.bccustomers.json');
    assert.equal(result.status, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.created.length, 23);
    assert.deepEqual(summary.failed, []);
    assert.deepEqual(
      summary.skipped.map((s: { index: number }) => s.index),
      [4, 17],
    );
    assert.match(summary.skipped[0].reason, /already a customer of store demo123 \(id 57\)/);
    assert.equal(store.customers().length, before + 23);
    for (const created of summary.created) {
      assert.equal(store.customers().filter((c) => c.id === created.id && c.email === customers[created.index]?.email).length, 1);
    }
  });

  it('creates nothing new when sent again', async () => {
    const before = store.customers().length;
    const result = await send('import.bccustomers.json');
    assert.equal(result.status, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.created.length, 0);
    assert.equal(summary.skipped.length, 25);
    assert.equal(store.customers().length, before);
  });

  it('sends nothing from a file with errors, and exits 1', async () => {
    const requests = store.requests().length;
    const result = await send('broken.bccustomers.json');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /error.*nothing was sent/);
    assert.equal(store.requests().length, requests);
  });

  it('takes the token from BIGCOMMERCE_ACCESS_TOKEN only', async () => {
    const result = await send('import.bccustomers.json', {});
    assert.equal(result.status, 2);
    assert.match(result.stderr, /BIGCOMMERCE_ACCESS_TOKEN/);
  });

  it('stops with the fix in plain words on a wrong token, and exits 1', async () => {
    // A journal of its own: in the file's default journal every customer is settled, so nothing would be sent.
    const result = await send('import.bccustomers.json', { BIGCOMMERCE_ACCESS_TOKEN: 'wrong-token' }, '--journal', 'wrong-token.journal');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /access token or store hash is wrong/);
  });

  it('refuses a file that is not UTF-8, naming the byte, and sends nothing', async () => {
    // "José" saved as Windows-1252, as spreadsheet exports often are.
    writeFileSync(join(dir, 'latin1.bccustomers.json'), Buffer.from('[{"email":"jose@example.com","first_name":"Jos\xe9","last_name":"B"}]', 'latin1'));
    const requests = store.requests().length;
    const result = await send('latin1.bccustomers.json');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /byte 0xE9 at byte 46 is not valid UTF-8, so nothing was sent/);
    assert.equal(store.requests().length, requests);
  });
});
