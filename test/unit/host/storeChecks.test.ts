import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Publications } from '../../../src/core/diagnostics/publications';
import { parseJsonDocument } from '../../../src/core/document/jsonDocument';
import type { CustomerResult } from '../../../src/core/results/sendResults';
import { StoreChecks } from '../../../src/core/store/storeChecks';
import { nodeTransport } from '../../../src/node/nodeTransport';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { FakeHost } from './fakeHost';

const file = 'file:///work/store-check.bccustomers.json';
const v1 = { uri: file, version: 1 };
const payload = parseJsonDocument(
  JSON.stringify(
    [{ email: 'taken@example.com', first_name: 'Tamsin', last_name: 'Kerr', customer_group_id: 9, attributes: [{ attribute_id: 42, attribute_value: '44' }] }],
    null,
    2,
  ),
);

describe('StoreChecks (against the sandbox store)', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123' });
  });
  beforeEach(() => store.reset());
  after(() => store.close());

  function setup(onChange = () => {}) {
    const host = new FakeHost();
    host.user.apiBaseUrl = store.url;
    let active: { hash: string } | undefined = { hash: store.storeHash };
    const tokens = new Map([[store.storeHash, store.accessToken]]);
    let tokenReads = 0;
    let changes = 0;
    const checks = new StoreChecks({
      host,
      transport: nodeTransport,
      stores: {
        active: () => active,
        token: async (hash) => {
          tokenReads++;
          return tokens.get(hash);
        },
      },
      onChange: () => {
        changes++;
        onChange();
      },
    });
    return {
      host,
      checks,
      tokens,
      select: (hash: string | undefined) => (active = hash === undefined ? undefined : { hash }),
      tokenReads: () => tokenReads,
      changes: () => changes,
      catalogueReads: () => store.requests().filter((r) => r.path.endsWith('/v3/customers/attributes')).length,
    };
  }

  it('asks no store when none is selected, store data is off for the file, the workspace is untrusted, or there is no token', async () => {
    const { host, checks, select, tokens } = setup();
    assert.deepEqual(await checks.target(file), { apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken });
    host.set(file, { 'storeData.enable': false });
    assert.equal(await checks.target(file), undefined);
    assert.ok(await checks.target('file:///elsewhere/other.bccustomers.json'), 'the setting holds for its own folder only');
    host.set(file, { 'storeData.enable': true });
    host.trusted = false;
    assert.equal(await checks.target(file), undefined);
    host.trusted = true;
    select('nostore');
    tokens.delete('nostore');
    assert.equal(await checks.target(file), undefined);
    select(undefined);
    assert.equal(await checks.target(file), undefined);
  });

  it("reads a store's token from the secret storage once, until the stores change", async () => {
    const { checks, tokenReads } = setup();
    for (let i = 0; i < 3; i++) await checks.target(file);
    assert.equal(tokenReads(), 1);
    checks.storesChanged();
    await checks.target(file);
    assert.equal(tokenReads(), 2);
  });

  it('finds what only the store can judge once its data and the answers about the emails arrive', async () => {
    const { checks, changes } = setup();
    const target = (await checks.target(file))!;
    const first = checks.check(target, v1, payload, []);
    assert.ok(!first.some((d) => d.code === 'email-exists-in-store'), 'nothing is known of the emails yet');
    await checks.whenIdle();
    assert.ok(changes() >= 2, 'told when the data and when the answers arrived');
    const codes = checks
      .check(target, v1, payload, [])
      .map((d) => d.code)
      .sort();
    assert.deepEqual(codes, ['email-exists-in-store', 'unknown-attribute', 'unknown-customer-group']);
    assert.deepEqual(
      checks
        .diagnosticsOf(file, 1)
        .map((d) => d.code)
        .sort(),
      codes,
    );
    assert.deepEqual(checks.diagnosticsOf(file, 2), [], 'nothing for a version not checked');
    assert.match(checks.describeAge() ?? '', /store data loaded just now/);
  });

  it("ends a wait for the store's diagnostics only once they are published from its data as it stands", async () => {
    const publications = new Publications();
    let published: string[] = [];
    let publishCheck = (): void => {};
    const { checks } = setup(() => publishCheck()); // each change of the data is checked again, as the editor does
    const target = (await checks.target(file))!;
    publishCheck = () => {
      published = checks
        .check(target, v1, payload, [])
        .map((d) => d.code)
        .sort();
      publications.record({ uri: file, version: 1, source: 'store' });
    };
    publishCheck();
    assert.ok(!published.includes('email-exists-in-store'));
    await checks.whenSettled(file, () => 1, publications);
    assert.deepEqual(published, ['email-exists-in-store', 'unknown-attribute', 'unknown-customer-group']);
  });

  it('ends a wait at once for a file no store may be asked about', async () => {
    const publications = new Publications();
    const { checks } = setup();
    checks.checkWithoutStore(v1);
    publications.record({ uri: file, version: 1, source: 'store' });
    await checks.whenSettled(file, () => 1, publications);
    assert.deepEqual(checks.diagnosticsOf(file, 1), []);
  });

  it('does not call a customer this file created one the store already had', async () => {
    const { checks } = setup();
    const target = (await checks.target(file))!;
    checks.check(target, v1, payload, []);
    await checks.whenIdle();
    const created: CustomerResult = { email: 'taken@example.com', storeHash: store.storeHash, outcome: 'created', id: 57, at: new Date(0).toISOString() };
    const codes = checks.check(target, v1, payload, [created]).map((d) => d.code);
    assert.ok(!codes.includes('email-exists-in-store'));
  });

  it("loads the store data again once it is older than the file's setting allows, on the host's clock", async () => {
    const { host, checks, catalogueReads } = setup();
    host.set(file, { 'storeData.maxAgeMinutes': 30 });
    const target = (await checks.target(file))!;
    checks.check(target, v1, payload, []);
    await checks.whenIdle();
    assert.equal(catalogueReads(), 1);
    host.clock.advance(20 * 60_000);
    checks.check(target, v1, payload, []);
    await checks.whenIdle();
    assert.equal(catalogueReads(), 1, 'twenty minutes old: still fresh for this file');
    host.clock.advance(11 * 60_000);
    checks.check(target, v1, payload, []);
    await checks.whenIdle();
    assert.equal(catalogueReads(), 2);
  });
});
