import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticCodes } from '../../../src/core/diagnostics/diagnostic';
import { isStoreDiagnosticCode } from '../../../src/core/store';
import { address, body, customer, diagnosticsOf, textAt } from './helpers';

interface RuleCase {
  code: string;
  bad: string;
  /** The exact text the diagnostic must underline. */
  at: string;
  good: string;
  severity?: string;
  message?: RegExp;
}

const eleven = Array.from({ length: 11 }, (_, i) => customer({ email: `c${i}@example.com` }));

const cases: RuleCase[] = [
  { code: 'json-syntax', bad: '[{"email": "a@b.co", "first_name": "A" "last_name": "B"}]', at: '"last_name"', good: body(customer()), message: /comma/ },
  { code: 'json-comment', bad: '[\n  // imported\n  {"email": "a@b.co", "first_name": "A", "last_name": "B"}\n]', at: '// imported', good: body(customer()) },
  { code: 'json-trailing-comma', bad: '[{"email": "a@b.co", "first_name": "A", "last_name": "B",}]', at: ',', good: body(customer()) },
  { code: 'body-not-array', bad: JSON.stringify(customer()), at: '{', good: body(customer()), message: /array/ },
  { code: 'body-empty', bad: '[]', at: '[', good: body(customer()), severity: 'warning' },
  { code: 'batch-split', bad: body(...eleven), at: '[', good: body(...eleven.slice(0, 10)), severity: 'information', message: /11 customers.*2 requests/ },
  { code: 'missing-required', bad: body(customer({ email: undefined })), at: '{', good: body(customer()), message: /^email is required for every customer$/ },
  {
    code: 'missing-required',
    bad: body(customer({ addresses: [address({ city: undefined })] })),
    at: '{',
    good: body(customer({ addresses: [address()] })),
    message: /city is required for every address/,
  },
  { code: 'wrong-type', bad: body(customer({ customer_group_id: '2' })), at: '"2"', good: body(customer({ customer_group_id: 2 })), message: /whole number/ },
  {
    code: 'wrong-type',
    bad: body(customer({ accepts_product_review_abandoned_cart_emails: 'yes' })),
    at: '"yes"',
    good: body(customer({ accepts_product_review_abandoned_cart_emails: true })),
  },
  { code: 'wrong-type', bad: body('jane@example.com'), at: '"jane@example.com"', good: body(customer()), message: /Each customer must be an object/ },
  { code: 'too-short', bad: body(customer({ first_name: '' })), at: '""', good: body(customer()), message: /cannot be empty/ },
  {
    code: 'too-long',
    bad: body(customer({ last_name: 'x'.repeat(101) })),
    at: JSON.stringify('x'.repeat(101)),
    good: body(customer({ last_name: 'x'.repeat(100) })),
    message: /at most 100 characters \(it has 101\)/,
  },
  {
    code: 'too-long',
    bad: body(customer({ email: 'a'.repeat(240) + '@example.com' })),
    at: JSON.stringify('a'.repeat(240) + '@example.com'),
    good: body(customer({ email: 'a'.repeat(237) + '@example.com' })),
    message: /250/,
  },
  {
    code: 'too-long',
    bad: body(customer({ addresses: [address({ first_name: 'x'.repeat(256) })] })),
    at: JSON.stringify('x'.repeat(256)),
    good: body(customer({ addresses: [address({ first_name: 'x'.repeat(255) })] })),
  },
  {
    code: 'too-long',
    bad: body(customer({ addresses: [address({ postal_code: '1'.repeat(31) })] })),
    at: JSON.stringify('1'.repeat(31)),
    good: body(customer({ addresses: [address({ postal_code: '1'.repeat(30) })] })),
  },
  { code: 'out-of-range', bad: body(customer({ customer_group_id: -1 })), at: '-1', good: body(customer({ customer_group_id: 0 })) },
  {
    code: 'invalid-value',
    bad: body(customer({ addresses: [address({ address_type: 'home' })] })),
    at: '"home"',
    good: body(customer({ addresses: [address({ address_type: 'residential' })] })),
    message: /"residential" or "commercial"/,
  },
  {
    code: 'too-many-items',
    bad: body(customer({ addresses: Array.from({ length: 11 }, () => address()) })),
    at: '',
    good: body(customer({ addresses: Array.from({ length: 10 }, () => address()) })),
    message: /at most 10 addresses \(this one has 11\)/,
  },
  {
    code: 'too-many-items',
    bad: body(customer({ attributes: Array.from({ length: 11 }, (_, i) => ({ attribute_id: i + 1, attribute_value: 'x' })) })),
    at: '',
    good: body(customer({ attributes: [{ attribute_id: 1, attribute_value: 'x' }] })),
    message: /at most 10 attributes/,
  },
  {
    code: 'unknown-property',
    bad: body(customer({ first_name: undefined, firstname: 'Jane' })),
    at: '"firstname"',
    good: body(customer()),
    severity: 'warning',
    message: /Did you mean first_name\?/,
  },
  {
    code: 'unknown-property',
    bad: body(customer({ attributes: [{ attribute_id: 1, value: 'x' }] })),
    at: '"value"',
    good: body(customer({ attributes: [{ attribute_id: 1, attribute_value: 'x' }] })),
    message: /Did you mean attribute_value\?/,
  },
  {
    code: 'unknown-property',
    bad: body(customer({ favourite_dinosaur: 'T. rex' })),
    at: '"favourite_dinosaur"',
    good: body(customer()),
    message: /not a field of a BigCommerce customer/,
  },
  { code: 'read-only-property', bad: body(customer({ id: 12 })), at: '"id"', good: body(customer()), severity: 'warning' },
  { code: 'read-only-property', bad: body(customer({ date_created: '2024-01-01T00:00:00Z' })), at: '"date_created"', good: body(customer()) },
  { code: 'read-only-property', bad: body(customer({ registration_ip_address: '10.0.0.1' })), at: '"registration_ip_address"', good: body(customer()) },
  { code: 'invalid-email', bad: body(customer({ email: 'jane.example.com' })), at: '"jane.example.com"', good: body(customer()) },
  {
    code: 'invalid-email',
    bad: body(customer({ email: 'jane doe@example.com' })),
    at: '"jane doe@example.com"',
    good: body(customer({ email: 'jörg@bücher.de' })),
  },
  {
    code: 'email-whitespace',
    bad: body(customer({ email: ' jane@example.com ' })),
    at: '" jane@example.com "',
    good: body(customer({ email: 'jane@example.com' })),
    severity: 'warning',
    message: /reference does not say whether it removes them/,
  },
  {
    code: 'reference-silent',
    bad: body(customer({ email: 'jörg@example.de' })),
    at: '"jörg@example.de"',
    good: body(customer({ email: 'joerg@example.de' })),
    severity: 'warning',
    message: /^BigCommerce's reference does not say whether it accepts an email with characters outside ASCII/,
  },
  { code: 'reference-silent', bad: body(customer({ email: 'a@bücher.de' })), at: '"a@bücher.de"', good: body(customer({ email: 'a@buecher.de' })) },
  {
    code: 'reference-silent',
    bad: body(customer({ addresses: [address({ city: '' })] })),
    at: '""',
    good: body(customer({ addresses: [address()] })),
    message: /accepts an empty city/,
  },
  {
    code: 'reference-silent',
    bad: body(customer({ addresses: [address({ address1: '' })] })),
    at: '""',
    good: body(customer({ addresses: [address()] })),
    message: /accepts an empty address1/,
  },
  {
    code: 'reference-silent',
    bad: body(customer({ store_credit_amounts: [{}] })),
    at: '{',
    good: body(customer({ store_credit_amounts: [{ amount: 0 }] })),
    message: /accepts a store credit without an amount/,
  },
  {
    code: 'reference-silent',
    bad: body(customer({ store_credit_amounts: [{ amount: -5 }] })),
    at: '-5',
    good: body(customer({ store_credit_amounts: [{ amount: 5 }] })),
    message: /accepts a negative store credit amount/,
  },
  {
    code: 'duplicate-email',
    bad: body(customer({ email: 'Jane@Example.com' }), customer({ email: 'jane@example.com' })),
    at: '"jane@example.com"',
    good: body(customer({ email: 'a@example.com' }), customer({ email: 'b@example.com' })),
    message: /customer 1/,
  },
  {
    code: 'duplicate-email',
    bad: body(customer({ channel_ids: [2, 3] }), customer({ channel_ids: [3] })),
    at: '"jane.doe@example.com"',
    good: body(customer({ channel_ids: [2] }), customer({ channel_ids: [3] })),
    message: /same channels/,
  },
  {
    code: 'duplicate-email',
    bad: body(customer(), customer({ channel_ids: [1, 4] })),
    at: '"jane.doe@example.com"',
    good: body(customer({ channel_ids: [4] }), customer({ channel_ids: [1] })),
  },
  {
    code: 'duplicate-email-maybe',
    bad: body(customer(), customer({ channel_ids: [2] })),
    at: '"jane.doe@example.com"',
    good: body(customer({ channel_ids: [1] }), customer({ channel_ids: [2] })),
    severity: 'warning',
    message: /if one of these channels allows global logins/,
  },
  {
    code: 'duplicate-email-other-channel',
    bad: body(customer({ channel_ids: [1] }), customer({ channel_ids: [2] })),
    at: '"jane.doe@example.com"',
    good: body(customer({ channel_ids: [1] }), customer({ channel_ids: [1], email: 'other@example.com' })),
    severity: 'information',
    message: /two separate accounts/,
  },
  {
    code: 'country-code',
    bad: body(customer({ addresses: [address({ country_code: 'USA' })] })),
    at: '"USA"',
    good: body(customer({ addresses: [address()] })),
    message: /expects "US"/,
  },
  {
    code: 'country-code-case',
    bad: body(customer({ addresses: [address({ country_code: 'us' })] })),
    at: '"us"',
    good: body(customer({ addresses: [address()] })),
    severity: 'warning',
    message: /reference does not say whether it accepts country_code "us" in lower case/,
  },
  {
    code: 'country-code',
    bad: body(customer({ addresses: [address({ country_code: 'XX' })] })),
    at: '"XX"',
    good: body(customer({ addresses: [address({ country_code: 'XK', state_or_province: undefined, postal_code: '10000' })] })),
  },
  {
    code: 'country-code',
    bad: body(customer({ addresses: [address({ country_code: 'ZZ' })] })),
    at: '"ZZ"',
    good: body(customer({ addresses: [address({ country_code: 'AN', state_or_province: undefined, postal_code: undefined })] })),
  },
  {
    code: 'country-not-in-bigcommerce',
    bad: body(customer({ addresses: [address({ country_code: 'CU', state_or_province: undefined, postal_code: '10400' })] })),
    at: '"CU"',
    good: body(customer({ addresses: [address({ country_code: 'XK', state_or_province: undefined, postal_code: '10000' })] })),
    severity: 'warning',
    message: /does not say whether stores accept CU \(Cuba\)/,
  },
  {
    code: 'country-code',
    bad: body(customer({ addresses: [address({ country_code: 'Germany', state_or_province: 'Berlin' })] })),
    at: '"Germany"',
    good: body(customer({ addresses: [address({ country_code: 'DE', state_or_province: 'Berlin' })] })),
    message: /expects "DE"/,
  },
  { code: 'country-code', bad: body(customer({ addresses: [address({ country_code: 'XX' })] })), at: '"XX"', good: body(customer({ addresses: [address()] })) },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ state_or_province: 'CA', country_code: 'US' })] })),
    at: '"CA"',
    good: body(customer({ addresses: [address({ state_or_province: 'California' })] })),
    severity: 'warning',
    message: /"California"/,
  },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ state_or_province: 'ON', country_code: 'CA', postal_code: 'M5V 2T6' })] })),
    at: '"ON"',
    good: body(customer({ addresses: [address({ state_or_province: 'Ontario', country_code: 'CA' })] })),
    message: /"Ontario"/,
  },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ state_or_province: 'nsw', country_code: 'AU', postal_code: '2000' })] })),
    at: '"nsw"',
    good: body(customer({ addresses: [address({ state_or_province: 'New South Wales', country_code: 'AU', postal_code: '2000' })] })),
    message: /"New South Wales"/,
  },
  {
    code: 'state-code',
    bad: body(customer({ addresses: [address({ state_or_province: 'BY', country_code: 'DE', postal_code: '80331' })] })),
    at: '"BY"',
    good: body(customer({ addresses: [address({ state_or_province: 'Bayern', country_code: 'DE', postal_code: '80331' })] })),
    message: /"Bayern"/,
  },
  {
    code: 'state-name',
    bad: body(customer({ addresses: [address({ state_or_province: 'Texsa' })] })),
    at: '"Texsa"',
    good: body(customer({ addresses: [address({ state_or_province: 'texas' })] })),
    severity: 'warning',
    message: /not one of the states BigCommerce lists for United States\. Did you mean "Texas"\?/,
  },
  {
    code: 'state-name',
    bad: body(customer({ addresses: [address({ country_code: 'ES', state_or_province: 'Araba', postal_code: '01001' })] })),
    at: '"Araba"',
    good: body(customer({ addresses: [address({ country_code: 'ES', state_or_province: 'Alava', postal_code: '01001' })] })),
  },
  {
    code: 'state-missing',
    bad: body(customer({ addresses: [address({ state_or_province: undefined })] })),
    at: '{',
    good: body(customer({ addresses: [address({ country_code: 'GB', state_or_province: undefined, postal_code: 'SW1A 1AA' })] })),
    severity: 'warning',
    message: /BigCommerce lists states for United States/,
  },
  {
    code: 'state-missing',
    bad: body(customer({ addresses: [address({ state_or_province: ' ', country_code: 'AU', postal_code: '2000' })] })),
    at: '" "',
    good: body(customer({ addresses: [address({ state_or_province: 'Victoria', country_code: 'AU', postal_code: '3000' })] })),
  },
  {
    code: 'postal-code-missing',
    bad: body(customer({ addresses: [address({ postal_code: undefined })] })),
    at: '{',
    good: body(customer({ addresses: [address({ country_code: 'AE', state_or_province: 'Dubai', postal_code: undefined })] })),
    severity: 'warning',
    message: /addresses in United States have postal codes/,
  },
  {
    code: 'postal-code-missing',
    bad: body(customer({ addresses: [address({ country_code: 'GB', state_or_province: undefined, postal_code: '' })] })),
    at: '""',
    good: body(customer({ addresses: [address({ country_code: 'GB', state_or_province: undefined, postal_code: 'SW1A 1AA' })] })),
  },
  {
    code: 'postal-code-shape',
    bad: body(customer({ addresses: [address({ postal_code: '7870' })] })),
    at: '"7870"',
    good: body(customer({ addresses: [address({ postal_code: '78701-1234' })] })),
    severity: 'warning',
    message: /"7870" does not have the shape of a postal code of United States/,
  },
  {
    code: 'postal-code-shape',
    bad: body(customer({ addresses: [address({ country_code: 'CA', state_or_province: 'Ontario', postal_code: '12345' })] })),
    at: '"12345"',
    good: body(customer({ addresses: [address({ country_code: 'CA', state_or_province: 'Ontario', postal_code: 'm5v 2t6' })] })),
  },
  {
    code: 'postal-code-shape',
    bad: body(customer({ addresses: [address({ country_code: 'GB', state_or_province: undefined, postal_code: '12345' })] })),
    at: '"12345"',
    good: body(customer({ addresses: [address({ country_code: 'GB', state_or_province: undefined, postal_code: 'SW1Y 4JH' })] })),
  },
  {
    code: 'postal-code-shape',
    bad: body(customer({ addresses: [address({ country_code: 'DE', state_or_province: 'Berlin', postal_code: '1011' })] })),
    at: '"1011"',
    good: body(customer({ addresses: [address({ country_code: 'DE', state_or_province: 'Berlin', postal_code: '10115' })] })),
  },
  {
    code: 'postal-code-shape',
    bad: body(customer({ addresses: [address({ country_code: 'AU', state_or_province: 'Victoria', postal_code: '30000' })] })),
    at: '"30000"',
    good: body(customer({ addresses: [address({ country_code: 'AU', state_or_province: 'Victoria', postal_code: '3000' })] })),
  },
  {
    code: 'channel-ids-empty',
    bad: body(customer({ channel_ids: [] })),
    at: '[]',
    good: body(customer({ channel_ids: null }), customer({ email: 'b@example.com', channel_ids: [1, 2] })),
  },
  {
    code: 'attribute-value-not-string',
    bad: body(customer({ attributes: [{ attribute_id: 3, attribute_value: 42 }] })),
    at: '42',
    good: body(customer({ attributes: [{ attribute_id: 3, attribute_value: '42' }] })),
  },
  {
    code: 'duplicate-attribute',
    bad: body(
      customer({
        attributes: [
          { attribute_id: 3, attribute_value: 'a' },
          { attribute_id: 3, attribute_value: 'b' },
        ],
      }),
    ),
    at: '3',
    good: body(
      customer({
        attributes: [
          { attribute_id: 3, attribute_value: 'a' },
          { attribute_id: 4, attribute_value: 'b' },
        ],
      }),
    ),
    severity: 'warning',
  },
  {
    code: 'weak-password',
    bad: body(customer({ authentication: { new_password: 'abcdefgh' } })),
    at: '"abcdefgh"',
    good: body(customer({ authentication: { new_password: 'abcdefg1' } })),
    severity: 'warning',
    message: /common store password setting .*reference sets no password rule/,
  },
  {
    code: 'weak-password',
    bad: body(customer({ authentication: { new_password: 'ab1' } })),
    at: '"ab1"',
    good: body(customer({ authentication: { force_password_reset: true } })),
  },
  {
    code: 'duplicate-key',
    bad: '[{"email": "a@b.co", "first_name": "A", "last_name": "B", "first_name": "C"}]',
    at: '"first_name"',
    good: body(customer()),
    severity: 'warning',
    message: /keep only the last one/,
  },
  {
    code: 'invalid-utf8',
    bad: body(customer({ first_name: 'Jos\uFFFD' })),
    at: '"Jos\uFFFD"',
    good: body(customer({ first_name: 'José' })),
    message: /U\+FFFD/,
  },
  {
    code: 'lone-surrogate',
    bad: '[{"email": "a@b.co", "first_name": "A\\ud800", "last_name": "B"}]',
    at: '"A\\ud800"',
    good: body(customer({ first_name: 'A😀' })),
    message: /\\uD800/,
  },
];

describe('rules', () => {
  for (const c of cases) {
    it(`${c.code} fires on ${c.at || 'its payload'} and stays silent on the right payload`, () => {
      const found = diagnosticsOf(c.bad, c.code);
      assert.equal(found.length, 1, `expected one ${c.code} in ${c.bad.slice(0, 200)}, got ${JSON.stringify(diagnosticsOf(c.bad))}`);
      const only = found[0]!;
      if (c.at) assert.equal(textAt(c.bad, only), c.at);
      assert.equal(only.severity, c.severity ?? diagnosticCodes[c.code as keyof typeof diagnosticCodes]);
      if (c.message) assert.match(only.message, c.message);
      assert.deepEqual(diagnosticsOf(c.good, c.code), []);
    });
  }

  it('covers every code that a payload alone can trigger', () => {
    const tested = new Set(cases.map((c) => c.code));
    // file-too-large follows an editor setting; the store's codes need its data (see storeRules.test.ts).
    const untestable = (code: string) => code === 'file-too-large' || isStoreDiagnosticCode(code);
    for (const code of Object.keys(diagnosticCodes)) if (!untestable(code)) assert.ok(tested.has(code), `no test case for ${code}`);
  });

  it('points a missing field at its object and gives the object JSON Pointer', () => {
    const text = body(customer(), customer({ email: 'b@example.com', addresses: [address(), address({ country_code: undefined })] }));
    const [missing] = diagnosticsOf(text, 'missing-required');
    assert.ok(missing);
    assert.equal(missing.path, '/1/addresses/1');
    assert.equal(textAt(text, missing), '{');
  });

  it('names the duplicate email of the first customer in related information', () => {
    const text = body(customer(), customer({ email: 'JANE.DOE@example.com' }));
    const [duplicate] = diagnosticsOf(text, 'duplicate-email');
    const [related] = duplicate?.related ?? [];
    assert.ok(duplicate && related);
    assert.equal(duplicate.path, '/1/email');
    assert.equal(textAt(text, related), '"jane.doe@example.com"');
  });

  it('reports one problem for a value that breaks several limits', () => {
    assert.deepEqual(
      diagnosticsOf(body(customer({ addresses: [address({ country_code: 'USA' })] }))).map((d) => d.code),
      ['country-code'],
    );
  });

  it('gives no diagnostics for the example payloads', () => {
    for (const file of ['customers.bccustomers.json']) {
      const text = readFileSync(join(__dirname, '../../../examples', file), 'utf8');
      assert.deepEqual(diagnosticsOf(text), [], file);
    }
  });

  it('gives no errors for the Create Customers request example of the API reference (hand-written equivalent)', () => {
    const example = [
      customer({
        company: 'Acme Corp',
        phone: '555-123-4567',
        notes: 'Preferred customer',
        tax_exempt_category: 'Non-profit',
        customer_group_id: 0,
        addresses: [
          address({ address2: '', address_type: 'residential', company: 'History', phone: '707070707', form_fields: [{ name: 'shirt_size', value: 'Large' }] }),
        ],
        authentication: { force_password_reset: true, new_password: 'SecurePassword123!' },
        accepts_product_review_abandoned_cart_emails: true,
        trigger_account_created_notification: true,
        store_credit_amounts: [{ amount: 43.15 }],
        origin_channel_id: 1,
        channel_ids: [1],
        form_fields: [
          { name: 'shirt_size', value: 'Large' },
          { name: 'size', value: 12.345 },
          { name: 'colors', value: ['red', 'green'] },
        ],
      }),
    ];
    assert.deepEqual(diagnosticsOf(JSON.stringify(example)), []);
  });

  it('reports the bare-object body of the channel guide as not an array', () => {
    const text = JSON.stringify({ email: 'jane.smith@example.com', first_name: 'Jane', last_name: 'Smith', channel_ids: [1] });
    assert.deepEqual(
      diagnosticsOf(text).map((d) => d.code),
      ['body-not-array'],
    );
  });

  it('reports an empty file as a syntax error', () => {
    assert.deepEqual(
      diagnosticsOf('').map((d) => d.code),
      ['json-syntax'],
    );
  });
});
