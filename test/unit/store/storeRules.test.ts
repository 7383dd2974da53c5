import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JsonDocument } from '../../../src/core/document/jsonDocument';
import { computeFix } from '../../../src/core/fixes/computeFix';
import { applyTextEdits } from '../../../src/core/fixes/fixAll';
import { findExistingCustomers } from '../../../src/core/send/lookup';
import { loadStoreCatalogue } from '../../../src/core/store/catalogue';
import type { StoreCatalogue } from '../../../src/core/store/catalogueTypes';
import { type BcDiagnostic, diagnosticCodes } from '../../../src/core/diagnostics/diagnostic';
import { storeDiagnostics } from '../../../src/core/store/storeRules';
import { checkText } from '../../../src/core/check/check';
import { parseJsonDocument } from '../../../src/core/document/jsonDocument';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { closedPortUrl, codeOf, customer, demoCatalogue, fileOf, targetOf } from './helpers';

const none = new Map<string, number>();

/** `null`: no catalogue at all. */
function check(doc: JsonDocument, catalogue: StoreCatalogue | null = demoCatalogue(), existing: ReadonlyMap<string, number> = none): BcDiagnostic[] {
  return storeDiagnostics(doc, catalogue ?? undefined, existing, 'abc123');
}

function only(diagnostics: BcDiagnostic[], code: string): BcDiagnostic {
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [code],
    JSON.stringify(diagnostics, null, 2),
  );
  return diagnostics[0]!;
}

function textAt(doc: JsonDocument, d: BcDiagnostic): string {
  return doc.text.slice(d.range.start, d.range.end);
}

function applyFix(doc: JsonDocument, d: BcDiagnostic): string {
  assert.ok(d.fix, 'has a fix');
  const fix = computeFix(doc, d.fix);
  assert.ok(fix && fix.edits.length > 0);
  return applyTextEdits(doc.text, fix.edits);
}

describe('storeDiagnostics', () => {
  it('is silent about a file that fits the store', () => {
    const doc = fileOf([
      customer(1, {
        attributes: [
          { attribute_id: 1, attribute_value: '42' },
          { attribute_id: 2, attribute_value: '2024-05-01' },
          { attribute_id: 3, attribute_value: 'gold' },
        ],
      }),
      customer(2, { customer_group_id: 0, channel_ids: [1, 2], origin_channel_id: 2 }),
      customer(3, { customer_group_id: 2, channel_ids: null }),
      customer(4, { channel_ids: undefined, origin_channel_id: 3 }),
      customer(5, {
        channel_ids: undefined,
        attributes: [
          { attribute_id: 1, attribute_value: '-3.5' },
          { attribute_id: 2, attribute_value: '2024-05-01T10:00:00Z' },
        ],
      }),
    ]);
    assert.deepEqual(check(doc), []);
  });

  it("names the store's attributes when attribute_id is not one of them", () => {
    const doc = fileOf([customer(1, { attributes: [{ attribute_id: 9, attribute_value: 'x' }] })]);
    const d = only(check(doc), 'unknown-attribute');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.message,
      'attribute_id 9 is not an attribute of store abc123; its attributes are 1 "Shoe size" (number), 2 "Birthday" (date), 3 "Loyalty tier" (string)',
    );
    assert.equal(d.path, '/0/attributes/0/attribute_id');
    assert.equal(textAt(doc, d), '9');
    assert.equal(d.fix, undefined);
  });

  it('checks an id written as a string, and says when the store has no attributes at all', () => {
    assert.deepEqual(check(fileOf([customer(1, { attributes: [{ attribute_id: '2', attribute_value: '2024-05-01' }] })])), []);
    only(check(fileOf([customer(1, { attributes: [{ attribute_id: '9', attribute_value: 'x' }] })])), 'unknown-attribute');
    const d = only(
      check(fileOf([customer(1, { attributes: [{ attribute_id: 1, attribute_value: 'x' }] })]), demoCatalogue({ attributes: [] })),
      'unknown-attribute',
    );
    assert.match(
      d.message,
      /^attribute_id 1 is not an attribute of store abc123; store abc123 has no customer attributes; create the attribute in the control panel/,
    );
  });

  it('turns an attribute name given as attribute_id into its id, as the preferred fix', () => {
    const doc = fileOf([customer(1, { attributes: [{ attribute_id: 'shoe SIZE', attribute_value: '42' }] })]);
    const d = only(check(doc), 'unknown-attribute');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /attribute_id "shoe SIZE" is a name, not an id: the store's id for it is 1; its attributes are 1 "Shoe size" \(number\)/);
    assert.deepEqual(d.fix && { kind: d.fix.kind, preferred: d.fix.preferred }, { kind: 'set-value', preferred: true });
    assert.match(applyFix(doc, d), /"attribute_id": 1,/);
  });

  it('offers the closest name for a misspelt one, not as the preferred fix', () => {
    const doc = fileOf([customer(1, { attributes: [{ attribute_id: 'Shoe sise', attribute_value: '42' }] })]);
    const d = only(check(doc), 'unknown-attribute');
    assert.equal(d.fix?.preferred, false);
    assert.match(applyFix(doc, d), /"attribute_id": 1,/);
  });

  it("checks attribute values against the attribute's type, leniently", () => {
    const values: [number | string, string, boolean][] = [
      [1, 'abc', false],
      [1, '42', true],
      [1, ' 7 ', true],
      [1, '1e3', true],
      ['Shoe size', 'big', false],
      [2, 'next week', false],
      [2, '2024-02-30', false],
      [2, '2024-02-29', true],
      [2, '2024-05-01 10:00:00', true],
      [2, '2024-05-01T10:00:00.123+02:00', true],
      [3, 'anything at all', true],
      [1, '', true],
    ];
    for (const [id, value, fits] of values) {
      const doc = fileOf([customer(1, { attributes: [{ attribute_id: id, attribute_value: value }] })]);
      const warnings = check(doc).filter((d) => codeOf(d) === 'attribute-value-type');
      assert.equal(warnings.length, fits ? 0 : 1, `${id} ${JSON.stringify(value)}`);
      if (!fits) {
        assert.equal(warnings[0]!.severity, 'warning');
        assert.equal(warnings[0]!.path, '/0/attributes/0/attribute_value');
      }
    }
    const doc = fileOf([customer(1, { attributes: [{ attribute_id: 1, attribute_value: 'abc' }] })]);
    assert.equal(
      only(check(doc), 'attribute-value-type').message,
      'attribute_value "abc" does not fit attribute 1 "Shoe size", which is a number attribute: the store expects a number written as text, such as "42" or "-3.5"',
    );
  });

  it("accepts group 0 and the store's groups, and names the groups for any other", () => {
    assert.deepEqual(check(fileOf([customer(1, { customer_group_id: 0 }), customer(2, { customer_group_id: 1 })])), []);
    const doc = fileOf([customer(1, { customer_group_id: 7 })]);
    const d = only(check(doc), 'unknown-customer-group');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, 'customer_group_id 7 is not a customer group of store abc123; its groups are 1 "Retail", 2 "Wholesale" (0 means no group)');
    assert.equal(d.fix?.preferred, false);
    assert.match(applyFix(doc, d), /"customer_group_id": 0/);
  });

  it('reports channel ids the store does not have, in channel_ids and origin_channel_id', () => {
    const doc = fileOf([customer(1, { channel_ids: [1, 9] }), customer(2, { channel_ids: [2], origin_channel_id: 8 })]);
    const found = check(doc);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.path, textAt(doc, d)]),
      [
        ['unknown-channel', 'error', '/0/channel_ids/1', '9'],
        ['unknown-channel', 'error', '/1/origin_channel_id', '8'],
      ],
    );
    assert.match(
      found[0]!.message,
      /^channel 9 in channel_ids is not a channel of store abc123; its channels are 1 "Default storefront" \(storefront\), 2 "Wholesale storefront" \(storefront\), 3 "Amazon marketplace" \(marketplace\)$/,
    );
  });

  it('warns about global access to a channel that does not allow global logins', () => {
    const doc = fileOf([
      customer(1, { channel_ids: undefined, origin_channel_id: 2 }),
      customer(2, { channel_ids: null, origin_channel_id: 2 }),
      customer(3, { channel_ids: [2], origin_channel_id: 2 }),
      customer(4, { channel_ids: null }),
    ]);
    const found = check(doc);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.path, textAt(doc, d)]),
      [
        ['global-logins-disabled', 'warning', '/0/origin_channel_id', '2'],
        ['global-logins-disabled', 'warning', '/1/channel_ids', 'null'],
      ],
    );
    const [first] = found;
    assert.match(
      first!.message,
      /Customer 1 would get access to all channels \(it has no channel_ids\), but channel 2 "Wholesale storefront" of store abc123 does not allow global logins/,
    );
    assert.match(
      first!.message,
      /list the channels the customer may use in channel_ids \(for example \[2\]\), or turn on global logins for channel 2 "Wholesale storefront" in the control panel/,
    );
    assert.equal(first!.fix?.preferred, false);
    assert.match(applyFix(doc, first!), /"origin_channel_id": 2,\s*"channel_ids": \[\s*2\s*\]/);
  });

  it('warns on the customer itself when channel 1 does not allow global logins and nothing names a channel', () => {
    const doc = fileOf([customer(1, { channel_ids: undefined })]);
    const d = only(check(doc, demoCatalogue({ globalLogins: { 1: false, 2: false, 3: null } })), 'global-logins-disabled');
    assert.equal(d.path, '/0');
    assert.equal(textAt(doc, d), '{');
  });

  it('warns on an email the store already has, with a fix to remove that customer and its id', () => {
    const doc = fileOf([customer(1), customer(2, { email: 'Jane@Example.com ' })]);
    const d = only(check(doc, demoCatalogue(), new Map([['jane@example.com', 57]])), 'email-exists-in-store');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Jane@Example.com is already a customer of store abc123 (id 57): sending it will fail');
    assert.equal(d.path, '/1/email');
    assert.deepEqual(d.fix, { kind: 'remove', pointer: '/1', title: 'Remove customer 2 (already in store abc123)', preferred: false });
    assert.equal(d.customerId, 57);
  });

  describe('without the store data a check needs', () => {
    const everything = fileOf([
      customer(1, { email: 'taken@example.com', channel_ids: [9], customer_group_id: 7, attributes: [{ attribute_id: 9, attribute_value: 'x' }] }),
      customer(2, { channel_ids: undefined, origin_channel_id: 2 }),
    ]);

    it('says so once for the whole file, at its "[", and reports no errors', () => {
      const found = check(everything, null);
      const d = only(found, 'store-data-unavailable');
      assert.equal(d.severity, 'information');
      assert.deepEqual(d.range, { start: 0, end: 1 });
      assert.equal(d.path, '');
      assert.match(
        d.message,
        /^Not every check against store abc123 could run\. Store abc123's attributes, groups and channels have not been loaded yet, so attribute IDs and values, customer group IDs and channel IDs are not checked, nor whether channels allow global logins\.$/,
      );
    });

    it('names only the checks that were skipped', () => {
      const catalogue = demoCatalogue({ attributes: undefined, unavailable: { attributes: 'store abc123 answered HTTP 500 (Internal Server Error)' } });
      const found = check(everything, catalogue);
      const notes = found.filter((d) => codeOf(d) === 'store-data-unavailable');
      assert.equal(notes.length, 1);
      assert.match(notes[0]!.message, /Store abc123 answered HTTP 500 \(Internal Server Error\), so attribute IDs and values are not checked\.$/);
      assert.ok(!found.some((d) => codeOf(d) === 'unknown-attribute'));
      assert.ok(
        found.some((d) => codeOf(d) === 'unknown-customer-group'),
        'the other checks still run',
      );
      assert.ok(found.some((d) => codeOf(d) === 'unknown-channel'));
    });

    it('says nothing when the file needs nothing that is missing', () => {
      const catalogue = demoCatalogue({ attributes: undefined, unavailable: { attributes: 'x' } });
      assert.deepEqual(check(fileOf([customer(1)]), catalogue), []);
    });

    it('tells why existing emails are not checked, when told', () => {
      const found = storeDiagnostics(fileOf([customer(1)]), demoCatalogue(), none, 'abc123', {
        emailLookupProblem: 'the store kept failing (answered HTTP 503) for 3 s',
      });
      assert.match(
        only(found, 'store-data-unavailable').message,
        /Emails are not checked against the store's customers: the store kept failing \(answered HTTP 503\) for 3 s\.$/,
      );
    });
  });

  it('checks nothing in a body that is not an array', () => {
    assert.deepEqual(storeDiagnostics(fileOf({ email: 'a@b.co' } as never), undefined, none, 'abc123'), []);
  });

  it('uses only the codes of the store table, with their severities', () => {
    const doc = fileOf([
      customer(1, { email: 'taken@example.com', channel_ids: [9], customer_group_id: 7, attributes: [{ attribute_id: 1, attribute_value: 'x' }] }),
    ]);
    for (const d of check(doc, demoCatalogue(), new Map([['taken@example.com', 57]]))) {
      assert.equal(d.severity, diagnosticCodes[d.code]);
    }
  });
});

describe('storeDiagnostics against the sandbox store', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123' });
  });
  after(() => store.close());

  const file = fileOf([
    customer(1, { email: 'taken@example.com', attributes: [{ attribute_id: 'Shoe size', attribute_value: '44' }] }),
    customer(2, { channel_ids: [2, 7], customer_group_id: 0 }),
    customer(3, { channel_ids: undefined, origin_channel_id: 2 }),
  ]);

  it('finds what the store would refuse, from a catalogue and a lookup over HTTP', async () => {
    store.reset();
    const catalogue = await loadStoreCatalogue(targetOf(store));
    const existing = (await findExistingCustomers(targetOf(store), ['taken@example.com', 'c2@example.com', 'c3@example.com'])).found;
    const found = storeDiagnostics(file, catalogue, existing, store.storeHash);
    assert.deepEqual(
      found.map((d) => [d.code, d.path]),
      [
        ['email-exists-in-store', '/0/email'],
        ['unknown-attribute', '/0/attributes/0/attribute_id'],
        ['unknown-channel', '/1/channel_ids/1'],
        ['global-logins-disabled', '/2/origin_channel_id'],
      ],
    );
    assert.equal(found[0]!.customerId, 57);
  });

  it('without the Channels scope: one note, no errors about channels, the other checks still run', async () => {
    store.reset();
    store.setScopes(['store_v2_customers_read_only']);
    const catalogue = await loadStoreCatalogue(targetOf(store));
    const channelsOnly = fileOf([customer(1, { channel_ids: [2, 7] }), customer(2, { channel_ids: undefined, origin_channel_id: 2 })]);
    const d = only(storeDiagnostics(channelsOnly, catalogue, none, store.storeHash), 'store-data-unavailable');
    assert.match(d.message, /The token has no Channels scope \(store_channel_settings_read_only\), so channel IDs are not checked/);
    const found = storeDiagnostics(file, catalogue, none, store.storeHash);
    assert.equal(found.filter((x) => codeOf(x) === 'store-data-unavailable').length, 1);
    assert.deepEqual(
      found.filter((x) => x.severity === 'error').map((x) => x.code),
      ['unknown-attribute'],
      'attributes are still checked',
    );
  });

  it('when the store is unreachable: exactly one note and no errors', async () => {
    const catalogue = await loadStoreCatalogue({ apiBaseUrl: await closedPortUrl(), storeHash: 'abc123', accessToken: 't' });
    const found = storeDiagnostics(file, catalogue, none, 'abc123');
    const d = only(found, 'store-data-unavailable');
    assert.match(d.message, /Store abc123 could not be reached/);
    assert.ok(!found.some((x) => x.severity === 'error'));
  });
});

describe('storeDiagnostics on a checked strict-JSON file', () => {
  it('finds, a customer at a time, what it finds in the whole tree', () => {
    const text = JSON.stringify(
      [
        customer(1, {
          attributes: [
            { attribute_id: 9, attribute_value: 'x' },
            { attribute_id: 1, attribute_value: 'not a number' },
          ],
        }),
        customer(2, { email: 'taken@example.com', customer_group_id: 7, channel_ids: [9] }),
        customer(3, {
          channel_ids: null,
          addresses: [
            { first_name: 'A', last_name: 'B', address1: '1 Main St', city: 'Austin', state_or_province: 'TX', postal_code: '78701', country_code: 'US' },
          ],
        }),
      ],
      null,
      2,
    );
    const checked = checkText(text).document;
    assert.ok(checked.customers, 'the check kept the customers apart, without a whole tree');
    const existing = new Map([['taken@example.com', 77]]);
    for (const catalogue of [demoCatalogue(), null]) {
      const found = check(checked, catalogue, existing);
      assert.ok(found.length >= (catalogue ? 4 : 2), JSON.stringify(found.map((d) => d.code)));
      assert.deepEqual(found, check(parseJsonDocument(text), catalogue, existing));
    }
  });
});
