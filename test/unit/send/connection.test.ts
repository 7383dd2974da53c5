import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { testConnection } from '../../../src/core/send/connection';
import type { RequestLogEntry } from '../../../src/core/send/sender';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { nodeTransport } from '../../../src/node/nodeTransport';
import { closedPortUrl } from '../store/helpers';
import { FakeClock } from './fakeClock';
import { targetOf } from './helpers';

describe('testConnection', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 10_000 });
  });
  after(() => store.close());
  beforeEach(() => store.reset());

  it('works: reads one customer, then probes create with an empty list that creates nothing', async () => {
    const log: RequestLogEntry[] = [];
    const check = await testConnection(targetOf(store), { onRequest: (e) => log.push(e) });
    assert.deepEqual(check, {
      ok: true,
      canRead: true,
      canCreate: true,
      status: 200,
      message: 'Connected to store demo123: the token can read and create customers.',
    });
    assert.deepEqual(
      store.requests().map((r) => [r.method, r.query]),
      [
        ['GET', 'limit=1'],
        ['POST', ''],
      ],
    );
    assert.equal(store.customers().length, 3, 'nothing created');
    assert.equal(log.length, 2);
  });

  it('a wrong token', async () => {
    const check = await testConnection({ ...targetOf(store), accessToken: 'nope' });
    assert.equal(check.ok, false);
    assert.equal(check.status, 401);
    assert.match(check.message, /access token or store hash is wrong/);
  });

  it('a wrong store hash', async () => {
    const check = await testConnection({ ...targetOf(store), storeHash: 'other1' });
    assert.equal(check.ok, false);
    assert.equal(check.status, 404);
    assert.match(check.message, /store hash/);
  });

  it('a read-only token can read but not create', async () => {
    store.setScopes(['store_v2_customers_read_only']);
    const check = await testConnection(targetOf(store));
    assert.equal(check.ok, false);
    assert.equal(check.canRead, true);
    assert.equal(check.canCreate, false);
    assert.match(check.message, /store_v2_customers/);
  });

  it('a token without any Customers scope', async () => {
    store.setScopes(['store_channel_settings_read_only']);
    const check = await testConnection(targetOf(store));
    assert.deepEqual([check.ok, check.canRead, check.canCreate, check.status], [false, false, false, 403]);
    assert.match(check.message, /no Customers scope/);
  });

  it('an unreachable store, asked once: a refused connection is not tried again', async () => {
    const clock = new FakeClock();
    const check = await testConnection(
      { apiBaseUrl: await closedPortUrl(), storeHash: 'abc', accessToken: 'x' },
      { timeoutMs: 1_000, clock, transport: nodeTransport },
    );
    assert.deepEqual([check.ok, check.canRead, check.canCreate], [false, false, 'unknown']);
    assert.match(check.message, /could not be reached: the store refused the connection/);
    assert.deepEqual(clock.sleeps, []);
  });

  it('an unsafe address is refused without a request', async () => {
    const check = await testConnection({ apiBaseUrl: 'http://example.com', storeHash: 'abc', accessToken: 'x' });
    assert.equal(check.ok, false);
    assert.match(check.message, /unencrypted/);
  });
});
