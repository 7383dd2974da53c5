import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Customer } from '../../../src/core/import/convert';
import type { CsvEncoding } from '../../../src/core/import/decode';
import type { FromOption } from '../../../src/core/import/formats';
import { importCustomers, type ImportResult } from '../../../src/core/import/importCustomers';

export const fixtures = join(__dirname, '../../fixtures/import');

/** A file's bytes in chunks of `size`, as a stream delivers them (a chunk may end inside a character or a line break). */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export interface Imported extends ImportResult {
  customers: { row: number; customer: Customer }[];
}

export interface FixtureImport {
  file: string;
  addresses?: string;
  mapping?: string;
  from?: FromOption;
  encoding?: CsvEncoding;
}

export async function importFixture(options: FixtureImport, chunkSize = 64 * 1024): Promise<Imported> {
  const customers: Imported['customers'] = [];
  const input = (name: string) => ({ name, chunks: chunksOf(readFileSync(join(fixtures, name)), chunkSize) });
  const result = await importCustomers({
    file: { ...input(options.file), encoding: options.encoding },
    addresses: options.addresses ? input(options.addresses) : undefined,
    mapping: options.mapping ? JSON.parse(readFileSync(join(fixtures, options.mapping), 'utf8')) : undefined,
    from: options.from,
    onCustomer: (customer, row) => {
      customers.push({ row, customer });
    },
  });
  return { ...result, customers };
}

/** The expected customers and report of a fixture, in `expected/<name>.json`. */
export function expected(name: string): { customers: Imported['customers']; report: ImportResult['report'] } {
  return JSON.parse(readFileSync(join(fixtures, 'expected', `${name}.json`), 'utf8'));
}
