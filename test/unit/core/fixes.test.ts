import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analyze';
import { parseJsonDocument } from '../../../src/core/document/jsonDocument';
import { computeFix } from '../../../src/core/fixes/computeFix';
import { applyTextEdits, fixAllEdits } from '../../../src/core/fixes/fixAll';
import { splitCustomers } from '../../../src/core/fixes/splitFile';
import { address, body, customer, diagnosticsOf, fillSnippet } from './helpers';

/** Applies the fix of the first diagnostic with `code` and returns the new text. */
function applyFix(text: string, code: string): { text: string; title: string; preferred: boolean } {
  const { document, diagnostics } = analyzeText(text);
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${text}`);
  assert.ok(d.fix, `${code} has no fix`);
  const fix = computeFix(document, d.fix);
  assert.ok(fix && fix.edits.length, `${code}: the fix has no edits`);
  const edits = fix.snippet ? fix.edits.map((e) => ({ ...e, newText: fillSnippet(e.newText) })) : fix.edits;
  return { text: applyTextEdits(text, edits), title: fix.title, preferred: fix.preferred };
}

const cases: { code: string; bad: string; expect?: (fixed: string) => void; preferred: boolean }[] = [
  {
    code: 'json-comment',
    bad: '[\n  // imported\n  {"email": "a@b.co", "first_name": "A", "last_name": "B"}\n]',
    preferred: true,
    expect: (t) => assert.equal(t, '[\n  {"email": "a@b.co", "first_name": "A", "last_name": "B"}\n]'),
  },
  { code: 'json-comment', bad: '[{"email": "a@b.co", /* x */ "first_name": "A", "last_name": "B"}]', preferred: true },
  { code: 'json-trailing-comma', bad: '[{"email": "a@b.co", "first_name": "A", "last_name": "B",},]', preferred: true },
  {
    code: 'missing-required',
    bad: body(customer({ first_name: undefined, last_name: undefined })),
    preferred: false,
    expect: (t) => assert.match(t, /"first_name": "",\n {4}"last_name": ""/),
  },
  {
    code: 'missing-required',
    bad: '[{"email": "a@b.co"}]',
    preferred: false,
    expect: (t) => assert.equal(t, '[{"email": "a@b.co", "first_name": "", "last_name": ""}]'),
  },
  { code: 'missing-required', bad: '[{}]', preferred: false, expect: (t) => assert.equal(t, '[{ "email": "", "first_name": "", "last_name": "" }]') },
  {
    code: 'missing-required',
    bad: body(customer({ attributes: [{ attribute_value: 'x' }] })),
    preferred: false,
    expect: (t) => assert.match(t, /"attribute_id": 0/),
  },
  {
    code: 'unknown-property',
    bad: body(customer({ first_name: undefined, firstname: 'Jane' })),
    preferred: true,
    expect: (t) => assert.match(t, /"first_name": "Jane"/),
  },
  { code: 'unknown-property', bad: body(customer({ attributes: [{ attribute_id: 1, value: 'x' }] })), preferred: true },
  { code: 'unknown-property', bad: body(customer({ favourite_dinosaur: 'T. rex' })), preferred: false },
  { code: 'read-only-property', bad: body(customer({ id: 4, date_modified: 'x' })), preferred: true },
  {
    code: 'country-code',
    bad: body(customer({ addresses: [address({ country_code: 'USA' })] })),
    preferred: true,
    expect: (t) => assert.match(t, /"country_code": "US"/),
  },
  { code: 'country-code', bad: body(customer({ addresses: [address({ country_code: 'United States' })] })), preferred: true },
  {
    code: 'country-code-case',
    bad: body(customer({ addresses: [address({ country_code: 'us' })] })),
    preferred: true,
    expect: (t) => assert.match(t, /"country_code": "US"/),
  },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ state_or_province: 'CA' })] })),
    preferred: true,
    expect: (t) => assert.match(t, /"state_or_province": "California"/),
  },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ country_code: 'AU', state_or_province: 'NSW', postal_code: '2000' })] })),
    preferred: true,
    expect: (t) => assert.match(t, /"state_or_province": "New South Wales"/),
  },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ country_code: 'DE', state_or_province: 'BY', postal_code: '80331' })] })),
    preferred: true,
    expect: (t) => assert.match(t, /"state_or_province": "Bayern"/),
  },
  {
    code: 'state-name',
    bad: body(customer({ addresses: [address({ state_or_province: 'Texsa' })] })),
    preferred: false,
    expect: (t) => assert.match(t, /"state_or_province": "Texas"/),
  },
  { code: 'duplicate-email-other-channel', bad: body(customer({ channel_ids: [1] }), customer({ channel_ids: [2] })), preferred: false },
  { code: 'channel-ids-empty', bad: body(customer({ channel_ids: [] })), preferred: true, expect: (t) => assert.doesNotMatch(t, /channel_ids/) },
  {
    code: 'attribute-value-not-string',
    bad: body(customer({ attributes: [{ attribute_id: 1, attribute_value: 42 }] })),
    preferred: true,
    expect: (t) => assert.match(t, /"attribute_value": "42"/),
  },
  {
    code: 'email-whitespace',
    bad: body(customer({ email: '  jane@example.com\t' })),
    preferred: true,
    expect: (t) => assert.match(t, /"email": "jane@example.com"/),
  },
  { code: 'duplicate-email', bad: body(customer(), customer()), preferred: true, expect: (t) => assert.equal(JSON.parse(t).length, 1) },
  { code: 'duplicate-email', bad: body(customer(), customer({ first_name: 'Other' })), preferred: false },
];

describe('quick fixes', () => {
  for (const c of cases) {
    it(`the ${c.code} fix of ${c.bad.slice(0, 60).replace(/\s+/g, ' ')}… removes the problem`, () => {
      const before = diagnosticsOf(c.bad, c.code).length;
      const fixed = applyFix(c.bad, c.code);
      assert.equal(fixed.preferred, c.preferred, 'isPreferred');
      assert.ok(diagnosticsOf(fixed.text, c.code).length < before, `${c.code} still reported after "${fixed.title}":\n${fixed.text}`);
      assert.deepEqual(diagnosticsOf(fixed.text, 'json-syntax'), [], 'the fix broke the JSON');
      c.expect?.(fixed.text);
    });
  }

  it('edits only the text at fault, never re-serialising the file', () => {
    const text =
      '[\n  {"email": "a@b.co",   "first_name":"A", "last_name": "B", "addresses": [{"first_name": "A", "last_name": "B", "address1": "1", "city": "X", "country_code": "USA"}]}\n]';
    const fixed = applyFix(text, 'country-code').text;
    assert.equal(fixed, text.replace('"USA"', '"US"'));
  });

  it('fix all applies every preferred fix at once and leaves the rest', () => {
    const text =
      '[\n  // from the CRM export\n' +
      body(
        customer({
          id: 5,
          first_name: undefined,
          firstname: 'Jane',
          channel_ids: [],
          addresses: [address({ country_code: 'usa', state_or_province: 'TX' })],
          attributes: [{ attribute_id: 1, attribute_value: 7 }],
        }),
      )
        .slice(1)
        .trimStart()
        .replace(/^/, '  ');
    const { document, diagnostics } = analyzeText(text);
    const fixed = applyTextEdits(text, fixAllEdits(document, diagnostics));
    assert.deepEqual(
      diagnosticsOf(fixed).map((d) => d.code),
      [],
    );
  });

  it('splits a file of 23 customers into files of 10, 10 and 3 with the customers unchanged', () => {
    const customers = Array.from({ length: 23 }, (_, i) => customer({ email: `c${i}@example.com` }));
    const parts = splitCustomers(parseJsonDocument(body(...customers)), 10);
    assert.deepEqual(
      parts.map((p) => JSON.parse(p).length),
      [10, 10, 3],
    );
    assert.deepEqual(
      parts.flatMap((p) => JSON.parse(p)),
      customers,
    );
    for (const part of parts) assert.deepEqual(diagnosticsOf(part), []);
    const [split] = diagnosticsOf(body(...customers), 'batch-split');
    assert.ok(split?.fix);
    assert.equal(computeFix(parseJsonDocument(body(...customers)), split.fix)?.split?.size, 10);
  });
});
