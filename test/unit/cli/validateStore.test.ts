import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';

const cli = join(__dirname, '../../../dist/cli.js');

function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('bccustomers validate --store (against the sandbox store)', () => {
  let store: SandboxStore;
  let file: string;
  before(async () => {
    store = await startSandboxStore();
    file = join(mkdtempSync(join(tmpdir(), 'bccustomers-validate-store-')), 'import.bccustomers.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          email: 'new.person@example.com',
          first_name: 'New',
          last_name: 'Person',
          customer_group_id: 9,
          attributes: [{ attribute_id: 42, attribute_value: 'x' }],
        },
        { email: 'taken@example.com', first_name: 'Taken', last_name: 'Already' },
        {
          email: 'fine@example.com',
          first_name: 'Fine',
          last_name: 'Customer',
          customer_group_id: 2,
          attributes: [{ attribute_id: 1, attribute_value: '42' }],
        },
      ]),
    );
  });
  after(() => store.close());

  it('reports the attribute, the group and the email that the store does not accept, before anything is sent', async () => {
    const result = await run(['validate', file, '--store', store.storeHash, '--api-base-url', store.url, '--format', 'json'], {
      BIGCOMMERCE_ACCESS_TOKEN: store.accessToken,
    });
    assert.equal(result.status, 1, result.stderr);
    const { diagnostics } = JSON.parse(result.stdout);
    assert.deepEqual(
      diagnostics.map((d: { code: string; path: string }) => [d.code, d.path]),
      [
        ['unknown-customer-group', '/0/customer_group_id'],
        ['unknown-attribute', '/0/attributes/0/attribute_id'],
        ['email-exists-in-store', '/1/email'],
      ],
    );
    assert.match(diagnostics[1].message, /"Shoe size" \(number\)/);
    assert.match(diagnostics[2].message, /id 57/);
    assert.equal(store.requests().filter((r) => r.method === 'POST').length, 0);
  });

  it('degrades to one note, not errors, when the store cannot be reached; says so and exits 3 without asking again', async () => {
    const result = await run(['validate', file, file, '--store', store.storeHash, '--api-base-url', 'http://127.0.0.1:9', '--format', 'json'], {
      BIGCOMMERCE_ACCESS_TOKEN: store.accessToken,
    });
    assert.equal(result.status, 3, result.stdout);
    for (const line of result.stdout.trim().split('\n')) {
      const { diagnostics } = JSON.parse(line);
      assert.deepEqual(
        diagnostics.map((d: { code: string }) => d.code),
        ['store-data-unavailable'],
      );
    }
    assert.match(result.stderr, /could not be reached[\s\S]*store checks did not run \(exit status 3\)/);
  });
});
