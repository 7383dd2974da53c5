import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { RequestLogEntry } from '../../../src/core/send/storeClient';
import { loadStoreCatalogue, readAllowGlobalLogins } from '../../../src/core/store/catalogue';
import { CatalogueCache } from '../../../src/core/store/catalogueCache';
import { demoData, startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { closedPortUrl, targetOf } from './helpers';

const manyAttributes = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: `Attribute ${i + 1}`, type: (['string', 'number', 'date'] as const)[i % 3]! }));

describe('loadStoreCatalogue', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123' });
  });
  beforeEach(() => store.reset());
  after(() => store.close());

  it("loads attributes, groups, channels and each channel's global logins", async () => {
    const catalogue = await loadStoreCatalogue(targetOf(store), { now: () => 1234 });
    assert.equal(catalogue.storeHash, 'abc123');
    assert.equal(catalogue.loadedAt, 1234);
    assert.deepEqual(catalogue.attributes, [
      { id: 1, name: 'Shoe size', type: 'number' },
      { id: 2, name: 'Birthday', type: 'date' },
      { id: 3, name: 'Loyalty tier', type: 'string' },
    ]);
    assert.deepEqual(catalogue.customerGroups, [
      { id: 1, name: 'Retail' },
      { id: 2, name: 'Wholesale' },
    ]);
    assert.deepEqual(
      catalogue.channels?.map((c) => [c.id, c.name, c.type, c.status]),
      [
        [1, 'Default storefront', 'storefront', 'active'],
        [2, 'Wholesale storefront', 'storefront', 'active'],
        [3, 'Amazon marketplace', 'marketplace', 'connected'],
      ],
    );
    assert.deepEqual(catalogue.globalLogins, { 1: true, 2: false, 3: null });
    assert.deepEqual(catalogue.problems, []);
    assert.equal(catalogue.unavailable, undefined);
  });

  it('reads every page of attributes, groups and channels', async () => {
    const data = demoData();
    const groups = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `Group ${i + 1}` }));
    store.reset({ ...data, attributes: manyAttributes, customerGroups: groups });
    const catalogue = await loadStoreCatalogue(targetOf(store), { pageSize: 2 });
    assert.deepEqual(
      catalogue.attributes?.map((a) => a.id),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.deepEqual(
      catalogue.customerGroups?.map((g) => g.id),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      catalogue.channels?.map((c) => c.id),
      [1, 2, 3],
    );
    const pagesOf = (path: string) =>
      store
        .requests()
        .filter((r) => r.path.endsWith(path))
        .map((r) => new URLSearchParams(r.query).get('page'));
    assert.deepEqual(pagesOf('/v3/customers/attributes'), ['1', '2', '3', '4']);
    // 2 + 2 + 1 groups, then a page past the end: a V2 list ends with a short page
    assert.deepEqual(pagesOf('/v2/customer_groups'), ['1', '2', '3']);
    assert.deepEqual(pagesOf('/v3/channels'), ['1', '2']);
  });

  it('takes a 204 from customer groups as a store without groups', async () => {
    store.reset({ ...demoData(), customerGroups: [] });
    const catalogue = await loadStoreCatalogue(targetOf(store));
    assert.deepEqual(catalogue.customerGroups, []);
    assert.equal(store.requests().find((r) => r.path.endsWith('/v2/customer_groups'))?.status, 204);
    assert.deepEqual(catalogue.problems, []);
  });

  it('without the Channels scope, leaves channels and global logins out with one plain problem', async () => {
    store.setScopes(['store_v2_customers_read_only', 'store_v2_information_read_only']);
    const catalogue = await loadStoreCatalogue(targetOf(store));
    assert.equal(catalogue.channels, undefined);
    assert.equal(catalogue.globalLogins, undefined);
    assert.equal(catalogue.attributes?.length, 3);
    assert.equal(catalogue.customerGroups?.length, 2);
    assert.equal(catalogue.problems.length, 1);
    assert.match(catalogue.problems[0]!, /^The token has no Channels scope \(store_channel_settings_read_only\), so channel IDs are not checked/);
    assert.ok(!store.requests().some((r) => r.path.includes('/settings/channels/')), 'no channel settings are asked for without channels');
  });

  it("loads the store's countries and, in a few requests, the states of each", async () => {
    const catalogue = await loadStoreCatalogue(targetOf(store), { pageSize: 50 });
    assert.equal(catalogue.countries?.find((c) => c.iso2 === 'AU')?.name, 'Australia');
    assert.deepEqual(
      catalogue.states?.['AU']?.find((s) => s.abbreviation === 'NSW'),
      { name: 'New South Wales', abbreviation: 'NSW' },
    );
    assert.equal(catalogue.states?.['US']?.length, 52);
    assert.equal(catalogue.states?.['DE']?.length, 16);
    assert.equal(catalogue.states?.['GB'], undefined);
    const geography = store.requests().filter((r) => r.path.includes('/v2/countries'));
    assert.deepEqual(
      geography.map((r) => r.path.replace(/^.*\/v2/, '/v2')),
      ['/v2/countries', '/v2/countries/states', '/v2/countries/states'],
    );
  });

  it('without the Information & Settings scope, leaves countries and states out with one plain problem', async () => {
    store.setScopes(['store_v2_customers_read_only', 'store_channel_settings_read_only']);
    const catalogue = await loadStoreCatalogue(targetOf(store));
    assert.equal(catalogue.countries, undefined);
    assert.equal(catalogue.states, undefined);
    assert.equal(catalogue.channels?.length, 3);
    assert.deepEqual(catalogue.problems, [
      'The token has no Information & Settings scope (store_v2_information_read_only), so country codes and state names are not checked.',
    ]);
  });

  it('when the store cannot be reached, resolves with every part missing and one problem', async () => {
    const catalogue = await loadStoreCatalogue({ apiBaseUrl: await closedPortUrl(), storeHash: 'abc123', accessToken: 't' }, { timeoutMs: 2_000 });
    for (const part of ['attributes', 'customerGroups', 'channels', 'globalLogins'] as const) assert.equal(catalogue[part], undefined, part);
    assert.equal(catalogue.problems.length, 1);
    assert.match(
      catalogue.problems[0]!,
      /^Store abc123 could not be reached \(the store refused the connection\), so attribute IDs and values, customer group IDs, channel IDs, country codes and state names are not checked, nor whether channels allow global logins\.$/,
    );
  });

  it('after a 401 asks nothing more and never shows the token', async () => {
    const log: RequestLogEntry[] = [];
    const catalogue = await loadStoreCatalogue({ ...targetOf(store), accessToken: 'very-secret-value' }, { onRequest: (e) => log.push(e) });
    assert.equal(store.requests().length, 1);
    assert.equal(catalogue.attributes, undefined);
    assert.equal(catalogue.channels, undefined);
    assert.match(catalogue.problems.join(' '), /did not accept the access token \(HTTP 401/);
    assert.ok(!JSON.stringify({ catalogue, log }).includes('very-secret-value'));
    assert.equal(log[0]?.path, '/stores/abc123/v3/customers/attributes?page=1&limit=250');
  });

  it('a server error costs only the part it hit', async () => {
    store.setFaults({ queue: ['500'], match: 'any' });
    const catalogue = await loadStoreCatalogue(targetOf(store));
    assert.equal(catalogue.attributes, undefined);
    assert.equal(catalogue.customerGroups?.length, 2);
    assert.equal(catalogue.channels?.length, 3);
    assert.deepEqual(catalogue.problems, ['Store abc123 answered HTTP 500 (Internal Server Error), so attribute IDs and values are not checked.']);
    assert.equal(catalogue.unavailable?.attributes, 'store abc123 answered HTTP 500 (Internal Server Error)');
  });

  it('retries a 429 once, after the wait the store names', async () => {
    const small = await startSandboxStore({ quota: 100_000, windowMs: 200, storeHash: 'abc123' });
    try {
      small.setFaults({ queue: ['429'], match: 'any' });
      const catalogue = await loadStoreCatalogue(targetOf(small));
      assert.equal(catalogue.attributes?.length, 3);
      assert.deepEqual(catalogue.problems, []);
      const attributeRequests = small.requests().filter((r) => r.path.endsWith('/attributes'));
      assert.deepEqual(
        attributeRequests.map((r) => r.status),
        [429, 200],
      );
    } finally {
      await small.close();
    }
  });

  it("paces its requests by the store's rate-limit headers, as sending does", async () => {
    const tight = await startSandboxStore({ quota: 3, windowMs: 300, storeHash: 'abc123' });
    try {
      const waits: number[] = [];
      const catalogue = await loadStoreCatalogue(targetOf(tight), { onWait: (ms) => waits.push(ms) });
      assert.deepEqual(catalogue.problems, []);
      assert.deepEqual(catalogue.globalLogins, { 1: true, 2: false, 3: null });
      assert.equal(tight.requests().length, 8);
      assert.ok(
        tight.requests().every((r) => r.status !== 429),
        'the quota is never overrun',
      );
      assert.ok(waits.length > 0, 'the pacer made it wait');
    } finally {
      await tight.close();
    }
  });

  it('a malformed target is a problem, not a request', async () => {
    const catalogue = await loadStoreCatalogue({ ...targetOf(store), storeHash: 'Not A Hash' });
    assert.equal(store.requests().length, 0);
    assert.equal(catalogue.problems.length, 1);
    assert.match(catalogue.problems[0]!, /^The store cannot be asked \(The store hash/);
  });

  it('reads allow_global_logins at data level, and where the spec example nests it', () => {
    assert.equal(readAllowGlobalLogins({ data: { allow_global_logins: false } }), false);
    assert.equal(readAllowGlobalLogins({ data: { customer_group_settings: { allow_global_logins: true } } }), true);
    assert.equal(readAllowGlobalLogins({ data: { allow_global_logins: null } }), null);
    assert.equal(readAllowGlobalLogins('nonsense'), null);
  });
});

describe('CatalogueCache', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123', latencyMs: 5 });
  });
  beforeEach(() => store.reset());
  after(() => store.close());

  it('coalesces concurrent refreshes of one store into one load', async () => {
    const cache = new CatalogueCache();
    const [a, b, c] = await Promise.all([cache.refresh(targetOf(store)), cache.refresh(targetOf(store)), cache.refresh(targetOf(store))]);
    assert.equal(a, b);
    assert.equal(b, c);
    assert.equal(store.requests().filter((r) => r.path.endsWith('/v3/customers/attributes')).length, 1);
    assert.equal(cache.get('abc123'), a);
    // once finished, a refresh loads again
    await cache.refresh(targetOf(store));
    assert.equal(store.requests().filter((r) => r.path.endsWith('/v3/customers/attributes')).length, 2);
  });

  it("knows the age of each store's catalogue and when it is stale", async () => {
    let now = 1_000;
    const cache = new CatalogueCache({ now: () => now });
    assert.equal(cache.ageMs('abc123'), undefined);
    assert.equal(cache.isStale('abc123', 60_000), true);
    await cache.refresh(targetOf(store));
    now += 30_000;
    assert.equal(cache.ageMs('abc123'), 30_000);
    assert.equal(cache.isStale('abc123', 60_000), false);
    const before = store.requests().length;
    await cache.ensure(targetOf(store), 60_000);
    assert.equal(store.requests().length, before, 'a fresh catalogue is not loaded again');
    now += 31_000;
    assert.equal(cache.isStale('abc123', 60_000), true);
    await cache.ensure(targetOf(store), 60_000);
    assert.ok(store.requests().length > before);
  });

  it('a forgotten load does not come back', async () => {
    const cache = new CatalogueCache();
    const loading = cache.refresh(targetOf(store));
    cache.forget('abc123');
    await loading;
    assert.equal(cache.get('abc123'), undefined);
  });

  it('a loader that throws still yields a catalogue with problems', async () => {
    const cache = new CatalogueCache({ load: () => Promise.reject(new Error('boom')) });
    const catalogue = await cache.refresh(targetOf(store));
    assert.equal(catalogue.attributes, undefined);
    assert.match(catalogue.problems[0]!, /^Loading stopped unexpectedly \(boom\), so /);
  });
});
