import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendCustomers, type SendProgress } from '../../../src/core/send/sender';
import { closedPortUrl } from '../store/helpers';
import { FakeClock } from './fakeClock';
import { customers, fastOptions } from './helpers';
import { startMisbehavingStore, type Misbehaviour } from './misbehavingStore';
import { startScriptedServer, type SeenRequest } from './scriptedServer';

const TOKEN = 'hostile-secret-token-42';

async function withStore<T>(
  misbehaviour: Misbehaviour,
  run: (target: { apiBaseUrl: string; storeHash: string; accessToken: string }, seen: SeenRequest[]) => Promise<T>,
): Promise<T> {
  const server = await startMisbehavingStore(misbehaviour);
  try {
    return await run({ apiBaseUrl: server.url, storeHash: 'abc123', accessToken: TOKEN }, server.seen);
  } finally {
    await server.close();
  }
}

describe('sendCustomers against a store that cannot be reached', () => {
  it('a refused connection stops the send at once: nothing was sent, nothing retried, nobody in doubt', async () => {
    const clock = new FakeClock();
    const report = await sendCustomers({ apiBaseUrl: await closedPortUrl(), storeHash: 'abc123', accessToken: TOKEN }, customers(35), fastOptions({ clock }));
    assert.match(report.stopped?.reason ?? '', /could not be reached \(the store refused the connection\), so nothing was sent/);
    assert.deepEqual(report.created, []);
    assert.deepEqual(report.failed, [], 'no customer "may or may not exist": none left');
    assert.equal(report.notSent.length, 35);
    assert.equal(report.requests, 1);
    assert.deepEqual(clock.sleeps, [], 'no retry waits');
  });

  it('a token an HTTP header cannot carry is refused before any request', async () => {
    const report = await sendCustomers({ apiBaseUrl: 'http://127.0.0.1:1', storeHash: 'abc123', accessToken: 'tok€n' }, customers(3), fastOptions());
    assert.match(report.stopped?.reason ?? '', /character an HTTP header cannot carry/);
    assert.equal(report.requests, 0);
    assert.equal(report.notSent.length, 3);
  });

  it('a failed check of what was created counts toward stopping: two such batches end the send', async () => {
    const server = await startScriptedServer((request) =>
      request.method === 'POST'
        ? { status: 503, json: { status: 503, title: 'Service Unavailable' } }
        : { status: 500, json: { status: 500, title: 'Internal Server Error' } },
    );
    try {
      const clock = new FakeClock();
      const report = await sendCustomers(
        { apiBaseUrl: server.url, storeHash: 'abc123', accessToken: TOKEN },
        customers(35),
        fastOptions({ clock, checkExistingFirst: false, backoffBaseMs: 2_000, backoffCapMs: 8_000 }),
      );
      assert.equal(server.seen.filter((r) => r.method === 'POST').length, 2, 'two batches, then stopped');
      assert.match(report.stopped?.reason ?? '', /could not be asked what was created twice in a row/);
      assert.equal(report.failed.filter((f) => f.outcomeUnknown).length, 20);
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 15 }, (_, i) => i + 20),
      );
    } finally {
      await server.close();
    }
  });
});

describe('sendCustomers against a store that misbehaves', () => {
  it('never shows the token, even when the store echoes it in its answer', async () => {
    await withStore('echo-token', async (target) => {
      const options = fastOptions({ checkExistingFirst: false });
      const progress: SendProgress[] = [];
      const report = await sendCustomers(target, customers(3), { ...options, onProgress: (p) => progress.push(p) });
      const everything = JSON.stringify({ report, log: options.log, progress });
      assert.ok(!everything.includes(TOKEN), 'the token is shown');
      assert.match(report.failed[0]!.message, /Invalid token <redacted>/);
    });
  });

  it('an answer naming emails the request did not send is unclear: checked by email, and only true ids reported', async () => {
    await withStore('foreign-emails', async (target, seen) => {
      const report = await sendCustomers(target, customers(2), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(
        seen.map((r) => r.method),
        ['POST', 'GET', 'POST'],
        'the odd answer was reconciled, then the customers sent again',
      );
      assert.deepEqual(
        report.created.map((c) => [c.index, c.id]),
        [
          [0, 200],
          [1, 201],
        ],
      );
      assert.ok(!JSON.stringify(report).includes('9001'));
    });
  });

  for (const misbehaviour of ['hour-429', 'hour-window'] as const) {
    it(`${misbehaviour}: a store-demanded wait is cut to the maximum, said as it happens, and sending stops after it`, async () => {
      await withStore(misbehaviour, async (target) => {
        const clock = new FakeClock();
        const messages: string[] = [];
        const report = await sendCustomers(target, customers(35), {
          ...fastOptions({ clock, checkExistingFirst: false, maxStoreWaitMs: 60_000 }),
          onProgress: (p) => messages.push(p.message),
        });
        assert.ok(Math.max(...clock.sleeps) <= 60_000, `waits ${clock.sleeps.join(', ')}`);
        assert.ok(messages.includes('waiting 60 s: the store asked for 3600 s; stopping after this'), messages.join('\n'));
        assert.match(report.stopped?.reason ?? '', /asked to wait 3600 s .* longer than the 60 s allowed/);
        assert.ok(report.notSent.length > 0);
        if (misbehaviour === 'hour-429')
          assert.match(report.failed[0]!.message, /asked to wait 3600 s before taking this customer \(HTTP 429\), longer than a batch is retried/);
      });
    });
  }
});
