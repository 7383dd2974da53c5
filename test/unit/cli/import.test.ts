import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expected, fixtures } from '../import/helpers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: fixtures, encoding: 'utf8' });
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const cases: [string, string[]][] = [
  ['shopify', ['shopify.csv']],
  ['shopify-legacy', ['shopify-legacy.csv', '--from', 'shopify']],
  ['shopify-windows-1252', ['shopify-windows-1252.csv', '--encoding', 'windows-1252']],
  ['bigcommerce-import', ['bigcommerce-import.csv', '--from', 'bigcommerce']],
  ['bigcommerce-export', ['bigcommerce-export.csv']],
  ['woocommerce-semicolon', ['woocommerce-semicolon.csv', '--from', 'woocommerce']],
  ['magento', ['magento-customers.csv', '--from', 'magento', '--addresses', 'magento-addresses.csv']],
  ['crm-export', ['crm-export.csv', '--from', 'mapping', '--mapping', 'crm-export.bccustomers-mapping.json']],
];

describe('bccustomers import (the bundled CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-import-'));

  for (const [name, args] of cases) {
    it(`${name}: writes the expected customers, their rows and the report`, () => {
      const out = join(dir, `${name}.bccustomers.json`);
      const result = run('import', ...args, '-o', out, '--format', 'json');
      const want = expected(name);
      assert.equal(result.status, want.report.skipped.length ? 1 : 0, result.stderr);
      const printed = JSON.parse(result.stdout);
      assert.deepEqual(printed.report, want.report);
      assert.deepEqual(
        readJson(out),
        want.customers.map((c) => c.customer),
      );
      const trace = readJson(join(dir, `${name}.bccustomers-import.json`));
      assert.equal(trace.importedFrom, want.report.file);
      assert.deepEqual(trace.rows, Object.fromEntries(want.customers.map((c) => [String(c.customer.email).toLowerCase(), c.row])));
      assert.deepEqual(trace.report, want.report);
    });
  }

  it('prints the report as text and writes next to the CSV by default', () => {
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, readFileSync(join(fixtures, 'shopify.csv')));
    const result = spawnSync(process.execPath, [cli, 'import', csv], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^export\.csv: Shopify customer export\n6 rows → 4 customers, 2 rows not imported\n/);
    assert.match(result.stdout, /not imported: export\.csv row 4: no email/);
    assert.match(result.stdout, /left out: Tags: 2 rows — BigCommerce has no field for tags/);
    assert.ok(existsSync(join(dir, 'export.bccustomers.json')));
    assert.ok(!existsSync(join(dir, 'export.bccustomers.json.partial')));
    assert.equal(spawnSync(process.execPath, [cli, 'validate', join(dir, 'export.bccustomers.json')], { encoding: 'utf8' }).status, 0);
  });

  it('writes the mapping of a detected format, which imports the same customers', () => {
    const mapping = join(dir, 'shopify.bccustomers-mapping.json');
    const first = join(dir, 'first.bccustomers.json');
    const again = join(dir, 'again.bccustomers.json');
    assert.equal(run('import', 'shopify.csv', '-o', first, '--write-mapping', mapping).status, 1);
    assert.equal(readJson(mapping).columns['Default Address Province Code'], 'addresses[0].state_or_province');
    assert.equal(run('import', 'shopify.csv', '--from', 'mapping', '--mapping', mapping, '-o', again).status, 1);
    assert.deepEqual(readJson(again), readJson(first));
  });

  it('exits 2 with a clear message, writing nothing, for a file it cannot import', () => {
    const out = join(dir, 'nothing.bccustomers.json');
    const notUtf8 = run('import', 'shopify-windows-1252.csv', '-o', out);
    assert.equal(notUtf8.status, 2);
    assert.match(notUtf8.stderr, /not UTF-8: byte 0xEB on line 2.*--encoding windows-1252/);
    assert.ok(!existsSync(out) && !existsSync(`${out}.partial`));
    const unknown = run('import', 'magento-addresses.csv', '-o', out);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Customer Addresses file/);
    const badMapping = join(dir, 'bad.bccustomers-mapping.json');
    writeFileSync(badMapping, JSON.stringify({ columns: { Email: 'e-mail' } }));
    assert.match(run('import', 'crm-export.csv', '--mapping', badMapping).stderr, /"e-mail" is not a field an import can fill/);
    assert.equal(run('import', 'shopify.csv', '--from', 'etsy').status, 2);
    assert.equal(run('import', 'shopify.csv', '--from', 'mapping').status, 2);
    assert.equal(run('import').status, 2);
  });

  it('is in --help', () => {
    assert.match(run('help').stdout, /bccustomers import <file\.csv> \[--from auto\|shopify\|bigcommerce\|woocommerce\|magento\|mapping\]/);
  });
});
