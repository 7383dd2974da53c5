/** Addresses and emails checked against the sandbox store's own countries, states and customers. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analyze';
import { computeFix } from '../../../src/core/fixes/computeFix';
import { applyTextEdits } from '../../../src/core/fixes/fixAll';
import { loadStoreCatalogue } from '../../../src/core/store/catalogue';
import type { StoreCatalogue } from '../../../src/core/store/catalogueTypes';
import { findExistingCustomers } from '../../../src/core/send/lookup';
import { ExistingEmailChecker } from '../../../src/core/store/emailChecker';
import { stateItems } from '../../../src/core/store/storeCompletions';
import { storeDiagnostics } from '../../../src/core/store/storeRules';
import { demoData, startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { fileOf, targetOf } from './helpers';

const address = (extra: Record<string, unknown>) => ({
  first_name: 'A',
  last_name: 'B',
  address1: '1 Main St',
  city: 'Sydney',
  postal_code: '2000',
  country_code: 'AU',
  state_or_province: 'New South Wales',
  ...extra,
});
const withAddress = (extra: Record<string, unknown>) => [{ email: 'a@example.com', first_name: 'A', last_name: 'B', addresses: [address(extra)] }];

describe("the store's own geography", () => {
  let store: SandboxStore;
  let catalogue: StoreCatalogue;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123' });
    catalogue = await loadStoreCatalogue(targetOf(store));
  });
  after(() => store.close());

  const check = (customers: unknown[], from = catalogue) => storeDiagnostics(fileOf(customers as Record<string, unknown>[]), from, new Map(), 'abc123');

  it('is silent about addresses as the store lists them', () => {
    assert.deepEqual(check(withAddress({})), []);
    assert.deepEqual(check(withAddress({ country_code: 'JP', state_or_province: 'Tokyo', postal_code: '100-0001' })), []);
    assert.deepEqual(check(withAddress({ country_code: 'GB', state_or_province: undefined, postal_code: 'SW1A 1AA' })), []);
  });

  it('refuses a country the store does not have (an Error), even one ISO knows', () => {
    const [d] = check(withAddress({ country_code: 'IT', state_or_province: undefined, postal_code: '00100' }));
    assert.deepEqual([d!.code, d!.severity, d!.path], ['unknown-country', 'error', '/0/addresses/0/country_code']);
    assert.match(d!.message, /store abc123 has no country IT \(Italy\)/);
  });

  it('requires a state where the store lists states for the country (an Error)', () => {
    const found = check(withAddress({ state_or_province: undefined }));
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.path]),
      [['store-state-missing', 'error', '/0/addresses/0']],
    );
    assert.match(found[0]!.message, /lists states for Australia, such as "Australian Capital Territory"/);
    assert.deepEqual(
      check(withAddress({ country_code: 'NZ', state_or_province: undefined, postal_code: '6011' })),
      [],
      'New Zealand has no states in this store',
    );
  });

  it('turns an abbreviation into the name the store lists; stays silent where the built-in table already says the same', () => {
    const text = JSON.stringify(withAddress({ country_code: 'JP', state_or_province: '13', postal_code: '100-0001' }), null, 2);
    const doc = fileOf(JSON.parse(text));
    const [d] = storeDiagnostics(doc, catalogue, new Map(), 'abc123');
    assert.ok(d?.fix);
    assert.deepEqual([d.code, d.severity], ['store-state-code', 'warning']);
    const fix = computeFix(doc, d.fix);
    assert.equal(fix?.preferred, true);
    assert.match(applyTextEdits(doc.text, fix.edits), /"state_or_province": "Tokyo"/);
    // NSW: the built-in table gives the same fix, so the store adds nothing.
    assert.deepEqual(check(withAddress({ state_or_province: 'NSW' })), []);
    assert.deepEqual(
      analyzeText(JSON.stringify(withAddress({ state_or_province: 'NSW' }))).diagnostics.map((x) => [
        x.code,
        x.fix && 'value' in x.fix ? x.fix.value : undefined,
      ]),
      [['state-code', 'New South Wales']],
    );
  });

  it('says "did you mean" for a name the store does not list', () => {
    const [d] = check(withAddress({ country_code: 'JP', state_or_province: 'Tokio', postal_code: '100-0001' }));
    assert.deepEqual([d!.code, d!.severity], ['store-state-name', 'warning']);
    assert.match(d!.message, /not one of the states store abc123 lists for Japan\. Did you mean "Tokyo"\?/);
  });

  it('without the Information & Settings scope, skips these checks and says why, never guessing', async () => {
    store.setScopes(['store_v2_customers', 'store_channel_settings_read_only']);
    try {
      const partial = await loadStoreCatalogue(targetOf(store));
      const found = check(withAddress({ country_code: 'IT', state_or_province: undefined, postal_code: '00100' }), partial);
      assert.deepEqual(
        found.map((d) => d.code),
        ['store-data-unavailable'],
      );
      assert.match(found[0]!.message, /no Information & Settings scope \(store_v2_information_read_only\), so country codes and state names are not checked/);
    } finally {
      store.reset();
    }
  });

  it("offers the store's states of the address's country for completion", () => {
    const items = stateItems(catalogue, 'au');
    assert.equal(items.length, 8);
    assert.deepEqual(
      items.find((i) => i.label === '"New South Wales"'),
      {
        label: '"New South Wales"',
        insertText: '"New South Wales"',
        detail: 'NSW — Australia, in store abc123',
        filterText: '"New South Wales" NSW',
        sortText: 'New South Wales',
      },
    );
    assert.deepEqual(stateItems(catalogue, 'GB'), []);
  });
});

describe('existing emails, channel by channel', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123' });
  });
  beforeEach(() => {
    const data = demoData();
    data.customers.push({ id: 90, email: 'wholesale@example.com', first_name: 'W', last_name: 'S', channel_ids: [2] });
    store.reset(data);
  });
  after(() => store.close());

  const customers = [
    { email: 'wholesale@example.com', first_name: 'A', last_name: 'B', channel_ids: [1] },
    { email: 'WHOLESALE@example.com', first_name: 'A', last_name: 'B', channel_ids: [2, 3] },
    { email: 'wholesale@example.com', first_name: 'A', last_name: 'B' },
    { email: 'taken@example.com', first_name: 'A', last_name: 'B', channel_ids: [2] },
  ];

  it('reports an email only where the existing customer shares a channel', async () => {
    const catalogue = await loadStoreCatalogue(targetOf(store));
    const existing = await findExistingCustomers(
      targetOf(store),
      customers.map((c) => c.email),
    );
    assert.deepEqual(
      existing.customers.get('wholesale@example.com')?.map((c) => [c.id, c.access]),
      [[90, [2]]],
    );
    const found = storeDiagnostics(fileOf(customers), catalogue, existing.found, 'abc123', { existingCustomers: existing.customers });
    // Customer 1 is for channel 1 and customer 3 global (channel 2 does not allow global logins): second accounts.
    // taken@example.com has global access, which channel 2 does not grant, so it stays too: BigCommerce allows it.
    assert.deepEqual(
      found.map((d) => [d.code, d.path, d.customerId]),
      [['email-exists-in-store', '/1/email', 90]],
    );
  });

  it("says when the clash depends on a channel's global-logins setting the store leaves open", async () => {
    const data = demoData();
    data.customers.push({ id: 91, email: 'amazon@example.com', first_name: 'A', last_name: 'M', channel_ids: [3] });
    store.reset(data);
    const catalogue = await loadStoreCatalogue(targetOf(store));
    const file = [{ email: 'amazon@example.com', first_name: 'A', last_name: 'B' }];
    const existing = await findExistingCustomers(targetOf(store), ['amazon@example.com']);
    const [d] = storeDiagnostics(fileOf(file), catalogue, existing.found, 'abc123', { existingCustomers: existing.customers });
    assert.equal(d?.code, 'email-exists-in-store');
    assert.match(
      d.message,
      /if one of these channels allows global logins \(the store's customer: channel 3; this one: all channels that allow global logins\)$/,
    );
  });

  it("asks while editing and keeps what the store says of each customer's channels", async () => {
    const checker = new ExistingEmailChecker({ debounceMs: 0 });
    try {
      checker.check(
        targetOf(store),
        customers.map((c) => c.email),
      );
      checker.flush();
      await checker.whenIdle();
      assert.deepEqual([...checker.existing('abc123')].sort(), [
        ['taken@example.com', 57],
        ['wholesale@example.com', 90],
      ]);
      const listed = checker.existingCustomers('abc123').get('taken@example.com');
      assert.deepEqual(
        listed?.map(({ id, email, access, originChannelId }) => ({ id, email, access, originChannelId })),
        [{ id: 57, email: 'taken@example.com', access: 'global', originChannelId: 1 }],
      );
    } finally {
      checker.dispose();
    }
  });
});
