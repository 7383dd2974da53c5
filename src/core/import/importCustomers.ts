import { openCsv, type CsvFile, type CsvRow } from './csvReader';
import { type CsvEncoding, decodeChunks, ImportProblem } from './decode';
import { addAddresses, type Address, type ColumnPlan, convertAddressRow, convertRow, type Customer, planColumns } from './convert';
import { detectFormat, formatLabels, type FormatId, type FromOption, noFormatProblem } from './formats';
import type { ImportMapping } from './mapping';
import { ConversionTally, type ImportReport, type LeftOutColumn, type SkippedRow } from './report';
import { normalizeEmail } from '../email';

export interface CsvInput {
  /** The file's name, as the report and the trace name it. */
  name: string;
  chunks: AsyncIterable<Uint8Array>;
  encoding?: CsvEncoding | undefined;
}

export interface ImportOptions {
  file: CsvInput;
  /** The addresses file of a format that keeps addresses apart (Magento's Customer Addresses). */
  addresses?: CsvInput | undefined;
  from?: FromOption | undefined;
  /** Used instead of a detected format. */
  mapping?: ImportMapping | undefined;
  /** Each customer, in file order, with its row; awaited, so a slow writer holds the reading back. */
  onCustomer(customer: Customer, row: number): void | Promise<void>;
  /** After each chunk of rows; awaited (the editor gives its UI a turn there). */
  onProgress?(rows: number, customers: number): void | Promise<void>;
  isCancelled?(): boolean;
}

export interface ImportResult {
  report: ImportReport;
  /** The mapping used: the detected format's, or the one given. */
  mapping: ImportMapping;
  /** Each customer's row, by its email in lower case. */
  rows: Map<string, number>;
}

/** Counts the non-empty values of left-out columns. */
class LeftOutCounter {
  private readonly tallies: { column: ColumnPlan['leftOut'][number]; rows: number }[];
  constructor(
    private readonly file: string,
    plan: ColumnPlan,
  ) {
    this.tallies = plan.leftOut.map((column) => ({ column, rows: 0 }));
  }
  count(fields: string[]): void {
    for (const tally of this.tallies) if (fields[tally.column.index]?.trim()) tally.rows++;
  }
  list(): LeftOutColumn[] {
    return this.tallies.flatMap(({ column, rows }) => (rows ? [{ file: this.file, column: column.column, reason: column.reason, rows }] : []));
  }
}

/** Why a row cannot be read as a record of `header`, or undefined. */
function unreadable(row: CsvRow, header: string[]): string | undefined {
  if (row.problem) return row.problem;
  if (row.fields.length === 1 && !row.fields[0]!.trim()) return 'blank row';
  if (row.fields.length !== header.length) return `${row.fields.length} values, but the header has ${header.length} columns`;
  return undefined;
}

/**
 * A string that holds only its own characters. Values cut from the parser's buffer may share it
 * (V8's sliced strings), and one kept email would keep a whole chunk of the file in memory.
 */
const ownCopy = (text: string) => (' ' + text).slice(1);

const joinKey = (values: string[]) => values.map((v) => v.trim().toLowerCase()).join('\u0000');

/** Reads an addresses file whole, by join key: the customers may come in any order. */
async function readAddresses(input: CsvInput, mapping: ImportMapping, tally: ConversionTally, skipped: SkippedRow[]) {
  const csv = await openCsv(decodeChunks(input.chunks, input.encoding));
  const spec = mapping.addresses!;
  const plan = planColumns(csv.header, spec.columns, mapping, true);
  const keyColumns = Object.keys(spec.join).map((c) => ({ column: c, index: csv.header.findIndex((h) => h.toLowerCase() === c.toLowerCase()) }));
  const absent = keyColumns.filter((k) => k.index < 0).map((k) => `"${k.column}"`);
  if (absent.length) throw new ImportProblem(`${input.name} has no ${absent.join(', ')} column, which joins its addresses to the customers.`);
  // The join columns are used, not left out.
  plan.leftOut = plan.leftOut.filter((c) => !keyColumns.some((k) => k.index === c.index));
  const byKey = new Map<string, { row: number; address: Address }[]>();
  const leftOut = new LeftOutCounter(input.name, plan);
  let rows = 0;
  for await (const batch of csv.rows) {
    for (const row of batch) {
      rows++;
      const problem = unreadable(row, csv.header);
      if (problem) {
        skipped.push({ file: input.name, row: row.row, reason: problem });
        continue;
      }
      const address = convertAddressRow(plan, row.fields, row.row, tally);
      tally.settle(address !== undefined);
      if (address) leftOut.count(row.fields);
      else {
        skipped.push({ file: input.name, row: row.row, reason: 'no address values' });
        continue;
      }
      const key = joinKey(keyColumns.map((k) => row.fields[k.index] ?? ''));
      (byKey.get(key) ?? byKey.set(key, []).get(key)!).push({ row: row.row, address });
    }
  }
  return { byKey, rows, leftOut, missing: plan.missing };
}

function chooseMapping(csv: CsvFile, options: ImportOptions): { format: FormatId; mapping: ImportMapping } {
  if (options.mapping) return { format: 'mapping', mapping: options.mapping };
  if (options.from === 'mapping') throw new ImportProblem('Name the mapping file to use (--mapping <file>).');
  const detected = detectFormat(csv.header, options.from);
  if (!detected) throw noFormatProblem(csv.header, options.from ?? 'auto');
  return { format: detected.id, mapping: detected.mapping };
}

/**
 * Converts a CSV export into Create Customers bodies, row by row: every row becomes a customer
 * (problems and all, for the checks to show) or a skipped row with the reason. Only the emails
 * seen so far (to find duplicates) and an addresses file, when there is one, are kept in memory.
 */
export async function importCustomers(options: ImportOptions): Promise<ImportResult> {
  const csv = await openCsv(decodeChunks(options.file.chunks, options.file.encoding));
  if (!csv.header.length || (csv.header.length === 1 && !csv.header[0])) throw new ImportProblem(`${options.file.name} is empty: it has no header row.`);
  const { format, mapping } = chooseMapping(csv, options);
  const plan = planColumns(csv.header, mapping.columns, mapping);
  const fillsEmail = plan.filling.some((c) => c.targets.some((t) => t.address === undefined && t.field === 'email'));
  if (!fillsEmail)
    throw new ImportProblem(`No column of ${options.file.name} gives the customers' emails${format === 'mapping' ? ': map one to "email"' : ''}.`);

  const tally = new ConversionTally();
  const skipped: SkippedRow[] = [];
  const notices = plan.missing.length ? [`columns the mapping names but ${options.file.name} lacks: ${plan.missing.join(', ')}`] : [];
  const file = options.file.name;
  let addresses: Awaited<ReturnType<typeof readAddresses>> | undefined;
  let joinColumns: number[] = [];
  if (options.addresses && !mapping.addresses)
    throw new ImportProblem(`${formatLabels[format]} keeps addresses in the same file: there is no addresses file to join.`);
  if (mapping.addresses) {
    if (options.addresses) {
      addresses = await readAddresses(options.addresses, mapping, tally, skipped);
      const joins = Object.values(mapping.addresses.join).map((name) => ({ name, index: csv.header.findIndex((h) => h.toLowerCase() === name.toLowerCase()) }));
      joinColumns = joins.map((j) => j.index);
      const absent = joins.filter((j) => j.index < 0).map((j) => `"${j.name}"`);
      if (absent.length) throw new ImportProblem(`${file} has no ${absent.join(', ')} column, which joins the customers to their addresses.`);
      if (addresses.missing.length) notices.push(`columns the mapping names but ${options.addresses.name} lacks: ${addresses.missing.join(', ')}`);
    } else {
      notices.push('addresses are in a separate file (Customer Addresses) that was not given: the customers have no addresses');
    }
  }

  const leftOut = new LeftOutCounter(file, plan);
  const rows = new Map<string, number>();
  const claimed = new Set<string>();
  let read = 0;
  let customers = 0;
  let cancelled = false;
  for await (const batch of csv.rows) {
    for (const row of batch) {
      read++;
      const problem = unreadable(row, csv.header);
      if (problem) {
        skipped.push({ file, row: row.row, reason: problem });
        continue;
      }
      const customer = convertRow(plan, row.fields, row.row, tally);
      const email = typeof customer.email === 'string' ? customer.email : '';
      const key = normalizeEmail(email);
      const first = rows.get(key);
      if (!email) skipped.push({ file, row: row.row, reason: 'no email' });
      else if (first !== undefined) skipped.push({ file, row: row.row, reason: `duplicate email ${email} (first in row ${first})` });
      if (addresses) {
        const joined = joinKey(joinColumns.map((i) => row.fields[i] ?? ''));
        const found = addresses.byKey.get(joined);
        if (found && !claimed.has(joined)) {
          claimed.add(joined);
          if (email && first === undefined)
            addAddresses(
              customer,
              found.map((a) => a.address),
              row.row,
              tally,
            );
          else
            for (const a of found)
              skipped.push({ file: options.addresses!.name, row: a.row, reason: `its customer (row ${row.row} of ${file}) was not imported` });
        }
      }
      tally.settle(Boolean(email) && first === undefined);
      if (!email || first !== undefined) continue;
      leftOut.count(row.fields);
      rows.set(ownCopy(key), row.row);
      customers++;
      await options.onCustomer(customer, row.row);
    }
    await options.onProgress?.(read, customers);
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
  }
  if (addresses && !cancelled) {
    for (const [key, found] of addresses.byKey) {
      if (claimed.has(key)) continue;
      for (const a of found)
        skipped.push({
          file: options.addresses!.name,
          row: a.row,
          reason: `no customer in ${file} with this ${Object.keys(mapping.addresses!.join).join(' and ')}`,
        });
    }
  }

  const report: ImportReport = {
    file,
    ...(options.addresses && mapping.addresses ? { addressesFile: options.addresses.name, addressRows: addresses?.rows } : {}),
    format,
    formatLabel: mapping.description && format === 'mapping' ? `${formatLabels.mapping}: ${mapping.description}` : formatLabels[format],
    delimiter: csv.delimiter,
    rows: read,
    customers,
    skipped: skipped.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === file ? -1 : 1)),
    conversions: tally.list(),
    leftOut: [...leftOut.list(), ...(addresses?.leftOut.list() ?? [])],
    notices,
    ...(cancelled ? { cancelled } : {}),
  };
  return { report, mapping, rows };
}
