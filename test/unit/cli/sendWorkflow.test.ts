import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import { nodeTransport } from '../../../src/node/nodeTransport';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { FakeClock } from '../send/fakeClock';
import { startMisbehavingStore } from '../send/misbehavingStore';
import { closedPortUrl } from '../store/helpers';

const token = `bcc-secret-${Math.random().toString(36).slice(2)}`;

/** The CLI in this process, over real HTTP, with its waits on a fake clock. */
async function cli(args: string[], env: Record<string, string> = { BIGCOMMERCE_ACCESS_TOKEN: token }) {
  const out: string[] = [];
  const err: string[] = [];
  const clock = new FakeClock();
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { transport: nodeTransport, clock }, env);
  return { status, stdout: out.join('\n'), stderr: err.join('\n'), clock };
}

const people = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com`, first_name: 'P', last_name: String(i) }));

describe('bccustomers send (in process, against the sandbox store and misbehaving stores)', () => {
  let store: SandboxStore;
  let dir: string;
  const file = (name: string, content: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(content));
    return join(dir, name);
  };
  const send = (files: string[], ...extra: string[]) =>
    cli(['send', ...files, '--store', store.storeHash, '--api-base-url', store.url, '--format', 'json', ...extra]);

  before(async () => {
    store = await startSandboxStore({ accessToken: token, quota: 100_000, windowMs: 1000 });
    dir = mkdtempSync(join(tmpdir(), 'bccustomers-send-workflow-'));
  });
  beforeEach(() => store.reset());
  after(() => store.close());

  it('sends every file it is given, each its own send with its own summary', async () => {
    const files = [file('x.bccustomers.json', people('x', 3)), file('y.bccustomers.json', people('y', 12)), file('z.bccustomers.json', people('z', 1))];
    const result = await send(files);
    assert.equal(result.status, 0, result.stderr);
    const summaries = result.stdout.split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(
      summaries.map((s) => [s.file, s.created.length]),
      [
        [files[0], 3],
        [files[1], 12],
        [files[2], 1],
      ],
    );
    assert.equal(store.customers().length, 3 + 16);
  });

  it('a file with errors sends nothing of its own but does not keep the others from being sent', async () => {
    const result = await send([file('bad.bccustomers.json', [{ email: 'x@example.com' }]), file('good.bccustomers.json', people('g', 2))]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /bad\.bccustomers\.json: 2 errors that BigCommerce would reject; nothing was sent/);
    assert.equal(JSON.parse(result.stdout).created.length, 2);
  });

  it('lists customers never sent under notSent, apart from the skipped ones already in the store', async () => {
    const result = await cli([
      'send',
      file('dead.bccustomers.json', people('d', 12)),
      '--store',
      'abc123',
      '--api-base-url',
      await closedPortUrl(),
      '--format',
      'json',
    ]);
    assert.equal(result.status, 1);
    const summary = JSON.parse(result.stdout);
    assert.deepEqual(summary.skipped, []);
    assert.equal(summary.notSent.length, 12);
    assert.match(summary.notSent[0].reason, /not sent/);
    assert.match(result.stderr, /could not be reached \(the store refused the connection\), so nothing was sent/);
    assert.deepEqual(result.clock.sleeps, [], 'nothing retried');
  });

  it('never writes the token: not in its output, not in any file, whatever the store answers', async () => {
    const name = file('faults.bccustomers.json', people('fault', 30));
    store.setFaults({ random: { rate: 0.5, kinds: ['500', '502', '503', 'reset-before-store', 'reset-after-store', 'non-json'] }, match: 'any' });
    const filesBefore = readdirSync(dir).sort();
    const outputs = [await send([name]), await send([name], '--format', 'text'), await send([file('broken.bccustomers.json', [{ email: 'x@example.com' }])])];
    store.setFaults(null);
    for (const output of outputs) {
      assert.ok(!output.stdout.includes(token) && !output.stderr.includes(token), 'the token appears in the output');
    }
    assert.deepEqual(
      readdirSync(dir).sort(),
      [...filesBefore, 'broken.bccustomers.json', 'faults.bccustomers.json.journal'].sort(),
      'the CLI wrote a file other than its journal',
    );
    for (const name of readdirSync(dir)) assert.ok(!readFileSync(join(dir, name), 'utf8').includes(token), `the token is in ${name}`);
    assert.equal(new Set(store.customers().map((c) => c.email.toLowerCase())).size, store.customers().length, 'a customer was created twice');
  });

  it('prints nothing of a token the store echoes, in either format', async () => {
    const echo = await startMisbehavingStore('echo-token');
    try {
      for (const format of ['json', 'text']) {
        const result = await cli(['send', file('echo.bccustomers.json', people('e', 2)), '--store', 'abc123', '--api-base-url', echo.url, '--format', format]);
        assert.ok(!result.stdout.includes(token) && !result.stderr.includes(token), `${format}: the token is printed`);
        assert.match(result.stdout, /<redacted>/);
      }
    } finally {
      await echo.close();
    }
  });

  it('with --format json, a store-demanded wait is cut to --max-store-wait-seconds and said on stderr as it happens', async () => {
    const slow = await startMisbehavingStore('hour-window');
    try {
      const result = await cli([
        'send',
        file('wait.bccustomers.json', people('w', 25)),
        '--store',
        'abc123',
        '--api-base-url',
        slow.url,
        '--format',
        'json',
        '--max-store-wait-seconds',
        '60',
      ]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /waiting 60 s: the store asked for 3600 s; stopping after this/);
      assert.ok(Math.max(...result.clock.sleeps) <= 60_000);
      const summary = JSON.parse(result.stdout);
      assert.ok(summary.notSent.length > 0);
      assert.match(summary.stopped, /longer than the 60 s allowed/);
    } finally {
      await slow.close();
    }
  });

  it('refuses a token that an HTTP header cannot carry, before any request', async () => {
    const requests = store.requests().length;
    const result = await cli(['send', file('one.bccustomers.json', people('o', 1)), '--store', store.storeHash, '--api-base-url', store.url], {
      BIGCOMMERCE_ACCESS_TOKEN: 'tok\u0007en',
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /character an HTTP header cannot carry/);
    assert.equal(store.requests().length, requests);
  });
});
