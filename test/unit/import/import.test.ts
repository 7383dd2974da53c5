import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportProblem } from '../../../src/core/import/decode';
import { detectFormat } from '../../../src/core/import/formats';
import { mappingProblems } from '../../../src/core/import/mapping';
import { previewText } from '../../../src/core/import/preview';
import { importCustomers } from '../../../src/core/import/importCustomers';
import { expected, type FixtureImport, importFixture } from './helpers';

const cases: [string, FixtureImport][] = [
  ['shopify', { file: 'shopify.csv' }],
  ['shopify-legacy', { file: 'shopify-legacy.csv' }],
  ['shopify-windows-1252', { file: 'shopify-windows-1252.csv', encoding: 'windows-1252' }],
  ['bigcommerce-import', { file: 'bigcommerce-import.csv' }],
  ['bigcommerce-export', { file: 'bigcommerce-export.csv' }],
  ['woocommerce-semicolon', { file: 'woocommerce-semicolon.csv' }],
  ['magento', { file: 'magento-customers.csv', addresses: 'magento-addresses.csv' }],
  ['crm-export', { file: 'crm-export.csv', mapping: 'crm-export.bccustomers-mapping.json' }],
];

const customerOf = (result: Awaited<ReturnType<typeof importFixture>>, row: number) => result.customers.find((c) => c.row === row)?.customer;

describe('importing a CSV export', () => {
  for (const [name, options] of cases) {
    it(`${name}: converts its fixture exactly, every row accounted for`, async () => {
      const result = await importFixture(options);
      const want = expected(name);
      assert.deepEqual(result.customers, want.customers);
      assert.deepEqual(result.report, want.report);
      const mainSkipped = result.report.skipped.filter((s) => s.file === options.file).length;
      assert.equal(result.report.customers + mainSkipped, result.report.rows);
      assert.equal(result.rows.size, result.report.customers);
    });

    it(`${name}: the same result whatever the chunks the bytes arrive in`, async () => {
      const whole = await importFixture(options);
      for (const size of [1, 3, 17]) {
        const chunked = await importFixture(options, size);
        assert.deepEqual(chunked.customers, whole.customers, `chunks of ${size} bytes`);
        assert.deepEqual(chunked.report, whole.report, `chunks of ${size} bytes`);
      }
    });
  }

  it('reads quoted commas, doubled quotes and line breaks, a BOM and CRLF (Shopify)', async () => {
    const result = await importFixture({ file: 'shopify.csv' });
    const olivia = customerOf(result, 2)!;
    assert.equal(olivia.email, 'olivia.tremblay@example.com', 'the BOM is not part of the first column');
    assert.equal(olivia.notes, 'Prefers email.\r\nCall after 5pm.');
    assert.deepEqual(olivia.addresses?.[0], {
      first_name: 'Olivia',
      last_name: 'Tremblay',
      company: 'Maple & Co., Ltd.',
      address1: '12 King St W, Suite 5',
      city: 'Toronto',
      state_or_province: 'Ontario',
      postal_code: 'M5H 1A1',
      country_code: 'CA',
      phone: '+14165550101',
    });
    const liam = customerOf(result, 3)!;
    assert.equal(liam.notes, 'He said "ship it"');
    assert.equal(liam.phone, '+61412000999');
    assert.equal(liam.last_name, "O'Brien", 'an apostrophe inside a value stays');
    assert.deepEqual(result.report.skipped, [
      { file: 'shopify.csv', row: 4, reason: 'no email' },
      { file: 'shopify.csv', row: 6, reason: 'duplicate email emma.brown@example.com (first in row 5)' },
    ]);
    assert.equal(customerOf(result, 5)!.email, 'Emma.Brown@Example.com');
    const left = Object.fromEntries(result.report.leftOut.map((l) => [l.column, l.rows]));
    assert.equal(left.Tags, 2);
    assert.equal(left['Loyalty tier (customer.metafields.custom.tier)'], 2);
  });

  it('detects the ";" delimiter and makes billing and shipping one address when they are equal (WooCommerce)', async () => {
    const result = await importFixture({ file: 'woocommerce-semicolon.csv' });
    assert.equal(result.report.delimiter, ';');
    assert.equal(customerOf(result, 2)!.addresses?.length, 1);
    assert.equal(customerOf(result, 2)!.addresses?.[0]?.address1, 'Lindenweg 3; Hinterhaus');
    assert.equal(customerOf(result, 3)!.addresses?.length, 2);
    assert.equal(customerOf(result, 3)!.email, 'ben.carter@example.com', 'billing_email when there is no user_email');
  });

  it('joins Magento addresses by email and website, and splits street lines', async () => {
    const result = await importFixture({ file: 'magento-customers.csv', addresses: 'magento-addresses.csv' });
    const john = customerOf(result, 3)!;
    assert.deepEqual(
      john.addresses?.map((a) => [a.address1, a.address2, a.city]),
      [
        ['100 Congress Ave', 'Suite 200, Floor 3', 'Austin'],
        ['200 Main St', undefined, 'Dallas'],
      ],
    );
    assert.deepEqual(
      result.report.skipped.filter((s) => s.file === 'magento-addresses.csv').map((s) => s.row),
      [5, 6],
    );
    assert.ok(result.report.leftOut.some((l) => l.column === 'password_hash' && /passwords cannot move/.test(l.reason)));
  });

  it('turns country names into codes and state codes into names (BigCommerce per-address layout)', async () => {
    const result = await importFixture({ file: 'bigcommerce-import.csv' });
    const grace = customerOf(result, 2)!;
    assert.deepEqual(
      grace.addresses?.map((a) => [a.country_code, a.state_or_province]),
      [
        ['US', 'Virginia'],
        ['AU', 'Victoria'],
      ],
    );
    assert.deepEqual(grace.store_credit_amounts, [{ amount: 25 }]);
    assert.equal(customerOf(result, 4)!.addresses?.[0]?.country_code, 'US', '"USA" → "US"');
  });

  it("says the BigCommerce export's Addresses cell is left out, rather than guessing its layout", async () => {
    const result = await importFixture({ file: 'bigcommerce-export.csv' });
    const addresses = result.report.leftOut.find((l) => l.column === 'Addresses');
    assert.match(addresses?.reason ?? '', /not published/);
    assert.ok(result.customers.every((c) => !c.customer.addresses));
  });

  it('stops at a byte that is not UTF-8, saying where and what it would be in Windows-1252', async () => {
    await assert.rejects(importFixture({ file: 'shopify-windows-1252.csv' }), (error: unknown) => {
      assert.ok(error instanceof ImportProblem);
      assert.match(error.message, /not UTF-8: byte 0xEB on line 2/);
      assert.match(error.message, /"ë"/);
      return true;
    });
  });

  it('through a mapping: full names split, constants, groups, per-column conversion', async () => {
    const result = await importFixture({ file: 'crm-export.csv', mapping: 'crm-export.bccustomers-mapping.json' });
    const hans = customerOf(result, 2)!;
    assert.equal(hans.first_name, 'Hans Peter');
    assert.equal(hans.last_name, 'Meier');
    assert.equal(hans.customer_group_id, 2);
    assert.equal(hans.notes, 'Imported from the CRM');
    assert.equal(hans.addresses?.[0]?.country_code, 'Narnia', 'an unknown country is kept for the checks to flag');
    assert.equal(customerOf(result, 4)!.customer_group_id, undefined, 'a group the mapping does not name is left out');
    assert.ok(result.report.conversions.some((c) => c.kind === 'group-unmapped' && c.example === '"VIP"'));
  });

  it('reports unreadable rows and still imports the others', async () => {
    const csv = 'Email,First Name,Default Address Address1\na@example.com,A,1 St\nb@example.com,B\n\n"c@example.com,C,2 St\n';
    const customers: unknown[] = [];
    const result = await importCustomers({ file: { name: 'x.csv', chunks: once(csv) }, onCustomer: (c) => void customers.push(c) });
    assert.equal(customers.length, 1);
    assert.deepEqual(
      result.report.skipped.map((s) => [s.row, s.reason]),
      [
        [3, '2 values, but the header has 3 columns'],
        [4, 'blank row'],
        [5, 'a quoted value is never closed, so the rest of the file reads as one value'],
      ],
    );
  });

  it('refuses a header it does not know, naming what each format needs', async () => {
    await assert.rejects(
      importCustomers({ file: { name: 'x.csv', chunks: once('Name,Mail\nA,a@example.com\n') }, onCustomer: () => {} }),
      /not one the import knows .*Shopify customer export needs "Email", "First Name", "Default Address Address1".*mapping file/,
    );
    await assert.rejects(
      importCustomers({ file: { name: 'x.csv', chunks: once('_website,_email,street\n') }, onCustomer: () => {} }),
      /Customer Addresses file/,
    );
    await assert.rejects(
      importCustomers({ file: { name: 'x.csv', chunks: once('Name,Mail\n') }, onCustomer: () => {} }),
      (error: unknown) => error instanceof ImportProblem && error.kind === 'unknown-format',
      'the editor offers to create a mapping file for it',
    );
  });

  it('stops at a quote never closed long before the end, instead of reading the file again and again', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `p${i}@example.com,P,${i} St`).join('\n');
    const csv = `Email,First Name,Default Address Address1\n"a@example.com,A,1 St\n${rows}\n`;
    await assert.rejects(
      importCustomers({ file: { name: 'x.csv', chunks: chunksOfText(csv, 4096) }, onCustomer: () => {} }),
      /Row 2 runs on for more than 1 MB/,
    );
  });

  it('stops when cancelled, saying so', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `p${i}@example.com,P,${i} St`).join('\n');
    let seen = 0;
    const result = await importCustomers({
      file: { name: 'x.csv', chunks: chunksOfText(`Email,First Name,Default Address Address1\n${rows}\n`, 4096) },
      onCustomer: () => void seen++,
      isCancelled: () => seen > 0,
    });
    assert.equal(result.report.cancelled, true);
    assert.ok(result.report.rows < 3000);
  });

  it('detects each format from its header only', () => {
    assert.equal(detectFormat(['Customer ID', 'First Name', 'Last Name', 'Email', 'Default Address Address1'])?.id, 'shopify');
    assert.equal(detectFormat(['billing_email', 'billing_first_name'])?.id, 'woocommerce');
    assert.equal(detectFormat(['billing_email'], 'shopify'), undefined, '--from limits the formats');
  });

  it('explains what is wrong with a mapping file', () => {
    assert.deepEqual(mappingProblems({ columns: { A: 'email' } }), []);
    assert.deepEqual(mappingProblems({ columns: { A: 'e-mail', B: { field: 'addresses[0].city', convert: 'upper' }, C: {} }, groups: { X: -1 } }), [
      'columns "A": "e-mail" is not a field an import can fill.',
      'columns "B": convert must be one of country, state, boolean, group, number, none.',
      'columns "C": give a "field", or "leftOut" with the reason.',
      'groups "X": a customer_group_id is a whole number, 0 or more.',
    ]);
  });
});

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

async function* chunksOfText(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('the preview of an import', () => {
  it('is short: counts, the first rows as they will be imported, what is not imported, left out and converted', async () => {
    const result = await importFixture({ file: 'shopify.csv' });
    assert.equal(
      previewText(result.report, result.customers.slice(0, 2)),
      [
        '6 rows → 4 customers, 2 rows not imported',
        '',
        'First rows:',
        '  row 2 → Olivia Tremblay <olivia.tremblay@example.com>, 1 address (Toronto, Ontario, CA)',
        "  row 3 → Liam O'Brien <liam.obrien@example.com>, 1 address (Sydney, New South Wales, AU)",
        '',
        'Not imported: row 4 (no email), row 6 (duplicate email emma.brown@example.com (first in row 5))',
        'Left out: Customer ID (4 rows), Accepts SMS Marketing (4 rows), Accepts WhatsApp Marketing (1 row), Total Spent (4 rows), and 4 more',
        "Converted: 8 apostrophes removed, 4 yes/no → true/false, 3 state codes → names, 4 addresses given the customer's name, 1 trimmed",
      ].join('\n'),
    );
  });
});
