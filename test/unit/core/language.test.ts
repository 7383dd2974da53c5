import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completionsAt, completionsInText } from '../../../src/core/language/completion';
import { customerAround } from '../../../src/core/language/customerAround';
import { hoverAt, hoverInText } from '../../../src/core/language/hover';
import { address, body, customer, diagnosticsOf, fillSnippet } from './helpers';

const at = (text: string, marker = '|') => ({ text: text.replace(marker, ''), offset: text.indexOf(marker) });

describe('completion', () => {
  it('offers only the customer fields not already present, required ones first, with descriptions', () => {
    const { text, offset } = at('[\n  { "email": "a@b.co", "|" }\n]');
    const { items, range } = completionsAt(text, offset);
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('email'));
    assert.ok(!labels.includes('id'), 'read-only fields are not offered');
    assert.ok(labels.includes('first_name') && labels.includes('channel_ids'));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 2), ['first_name', 'last_name']);
    assert.match(items.find((i) => i.label === 'first_name')!.detail!, /required.*1–100 characters/);
    assert.ok(items.every((i) => i.documentation));
    assert.deepEqual(text.slice(range.start, range.end), '""');
  });

  it('offers address fields inside an address', () => {
    const { text, offset } = at('[{"email": "a@b.co", "addresses": [{ | }]}]');
    const labels = completionsAt(text, offset).items.map((i) => i.label);
    assert.ok(labels.includes('country_code') && labels.includes('address_type'));
    assert.ok(!labels.includes('email'));
  });

  it('offers country codes with country names', () => {
    const { text, offset } = at('[{"addresses": [{"country_code": "|"}]}]');
    const us = completionsAt(text, offset).items.find((i) => i.label === '"US"');
    assert.equal(us?.detail, 'United States');
    assert.match(us.filterText!, /United States/);
  });

  it("offers the states BigCommerce lists for the address's country, by full name", () => {
    let { text, offset } = at('[{"addresses": [{"country_code": "AU", "state_or_province": "|"}]}]');
    let found = completionsAt(text, offset);
    assert.equal(found.country, 'AU');
    const nsw = found.items.find((i) => i.label === '"New South Wales"');
    assert.equal(nsw?.detail, 'NSW — Australia');
    assert.match(nsw.filterText!, /NSW/);
    assert.equal(found.items.length, 8);
    ({ text, offset } = at('[{"addresses": [{"state_or_province": |, "country_code": "Germany"}]}]'));
    assert.ok(completionsAt(text, offset).items.some((i) => i.label === '"Bayern"'));
    ({ text, offset } = at('[{"addresses": [{"country_code": "GB", "state_or_province": "|"}]}]'));
    found = completionsAt(text, offset);
    assert.deepEqual([found.items, found.country], [[], 'GB']);
  });

  it('offers enum values and booleans', () => {
    let { text, offset } = at('[{"addresses": [{"address_type": |}]}]');
    assert.deepEqual(
      completionsAt(text, offset).items.map((i) => i.label),
      ['"residential"', '"commercial"'],
    );
    ({ text, offset } = at('[{"trigger_account_created_notification": |}]'));
    assert.deepEqual(
      completionsAt(text, offset).items.map((i) => i.label),
      ['true', 'false'],
    );
  });

  it('inserts a property with a value template that is valid once filled', () => {
    const { text, offset } = at('[{"email": "a@b.co", "first_name": "A", "last_name": "B", |}]');
    const addresses = completionsAt(text, offset).items.find((i) => i.label === 'addresses')!;
    const filled = text.slice(0, offset) + fillSnippet(addresses.insertText).replace(/"country_code": ""/, '"country_code": "US"') + text.slice(offset);
    assert.deepEqual(diagnosticsOf(filled, 'json-syntax'), []);
  });
});

describe('hover', () => {
  it('describes a key with its limits', () => {
    const { text, offset } = at('[{"first_|name": "A"}]');
    const hover = hoverAt(text, offset)!;
    assert.match(hover.contents, /\*\*first_name\*\*/);
    assert.match(hover.contents, /required · text · 1–100 characters/);
    assert.equal(text.slice(hover.range.start, hover.range.end), '"first_name"');
  });

  it('describes nested keys and enum values', () => {
    let { text, offset } = at('[{"addresses": [{"country_code": "D|E"}]}]');
    assert.match(hoverAt(text, offset)!.contents, /Germany/);
    ({ text, offset } = at('[{"addresses": [{"postal_|code": "1"}]}]'));
    assert.match(hoverAt(text, offset)!.contents, /at most 30 characters/);
  });

  it('says nothing about unknown keys', () => {
    const { text, offset } = at('[{"nick|name": "A"}]');
    assert.equal(hoverAt(text, offset), undefined);
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(readFileSync(join(__dirname, '../../../snippets/bccustomers.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
  // Where each snippet goes in a file: `$$` is replaced by the filled snippet.
  const contexts: Record<string, string> = {
    'New customers file': '$$',
    Customer: '[$$]',
    'Customer with address': '[$$]',
    Address: '[{"email": "a@b.co", "first_name": "A", "last_name": "B", "addresses": [$$]}]',
    Attribute: '[{"email": "a@b.co", "first_name": "A", "last_name": "B", "attributes": [$$]}]',
    'Store credit': '[{"email": "a@b.co", "first_name": "A", "last_name": "B", "store_credit_amounts": [$$]}]',
    'Form field': '[{"email": "a@b.co", "first_name": "A", "last_name": "B", "form_fields": [$$]}]',
  };
  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}", filled with its defaults, gives no problems`, () => {
      assert.ok(contexts[name], `no context for snippet ${name}`);
      const text = contexts[name].replace('$$', fillSnippet(snippet.body.join('\n')));
      assert.deepEqual(diagnosticsOf(text), []);
    });
  }
});

describe('completion and hover on the customer under the cursor', () => {
  const payload = body(
    customer({
      addresses: [address(), address({ country_code: 'DE', address_type: 'commercial' })],
      attributes: [{ attribute_id: 1, attribute_value: '44' }],
      channel_ids: [1, 2],
    }),
    customer({ email: 'b@example.com', note: 'a "quoted" [bracket] {brace} // not a comment', authentication: { force_password_reset: true } }),
    customer({ email: 'c@example.com' }),
  );
  const same = (text: string, offset: number): void => {
    const narrowed = completionsAt(text, offset);
    const whole = completionsInText(text, offset);
    assert.deepEqual(narrowed, whole, `completion at ${offset}: ${JSON.stringify(text.slice(Math.max(0, offset - 20), offset))}|`);
    assert.deepEqual(hoverAt(text, offset), hoverInText(text, offset), `hover at ${offset}`);
  };

  it('gives what working on the whole text gives, at every offset of a valid body', () => {
    for (let offset = 0; offset <= payload.length; offset++) same(payload, offset);
  });

  it('gives what working on the whole text gives while a property is being typed inside a customer', () => {
    const typing = ['"', '"addr', '"addresses": ', '"addresses": [{"', '"country_code": "', ', "', '"phone": 1,'];
    const insideCustomers = [...payload.matchAll(/\n {2}\{[^]*?\n {2}\}/g)].flatMap((m) => Array.from({ length: m[0].length - 4 }, (_, i) => m.index + 4 + i));
    fc.assert(
      fc.property(fc.constantFrom(...insideCustomers), fc.constantFrom(...typing), (at, typed) => {
        const text = payload.slice(0, at) + typed + payload.slice(at);
        same(text, at + typed.length);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the customer around an offset past strings, escapes and comments', () => {
    const text = '[ {"a": "]}\\"{"} , // } ]\n {"b": [1, {"c": 2}] /* ] */}, 3 ]';
    const second = text.indexOf('{"b"');
    assert.deepEqual(customerAround(text, text.indexOf('"a"')), { start: 2, end: text.indexOf('} ,') + 1 });
    assert.deepEqual(customerAround(text, text.indexOf('"c"')), { start: second, end: text.indexOf('}, 3') + 1 });
    assert.equal(customerAround(text, text.indexOf('//')), undefined, 'between customers');
    assert.equal(customerAround(text, text.indexOf('3 ]')), undefined, 'a customer that is not an object');
    assert.equal(customerAround('{"a": {"b": 1}}', 8), undefined, 'not an array body');
    assert.deepEqual(customerAround('[{"a": "unfinished\n, "b', 22), { start: 1, end: 23 }, 'still being typed');
  });
});
