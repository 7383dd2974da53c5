import type { Customer } from './convert';
import type { ConversionKind, ImportReport } from './report';

/** "row 2 → Olivia Tremblay <olivia@example.com>, 1 address (Toronto, Ontario, CA)". */
function describeImported(customer: Customer, row: number): string {
  const name = [customer.first_name, customer.last_name].filter((v) => typeof v === 'string' && v).join(' ');
  const addresses = customer.addresses ?? [];
  const first = addresses[0];
  const place = first ? ` (${[first.city, first.state_or_province, first.country_code].filter(Boolean).join(', ')})` : '';
  const count = addresses.length ? `, ${addresses.length} address${addresses.length === 1 ? '' : 'es'}${place}` : ', no address';
  return `row ${row} → ${name || '(no name)'} <${customer.email}>${count}`;
}

const shortConversions: Record<ConversionKind, string> = {
  trimmed: 'trimmed',
  apostrophe: 'apostrophes removed',
  country: 'countries → codes',
  'country-unknown': 'countries not recognised',
  state: 'state codes → names',
  boolean: 'yes/no → true/false',
  'boolean-unknown': 'not yes or no',
  number: 'store credit → numbers',
  'number-unknown': 'store credit not a number',
  group: 'groups → ids',
  'group-unmapped': 'groups without an id',
  'full-name': 'names split',
  street: 'street lines split',
  'address-name': "addresses given the customer's name",
  'same-address': 'same address kept once',
  'zero-credit': 'store credit of 0 left out',
};

/** The first `shown` items, and how many more there are. */
function some(items: string[], shown: number): string {
  return items.length > shown ? `${items.slice(0, shown).join(', ')}, and ${items.length - shown} more` : items.join(', ');
}

/** What an import will write, short enough to read before it is written. */
export function previewText(report: ImportReport, first: { customer: Customer; row: number }[]): string {
  const n = (count: number, one = '', many = `${one}s`) => `${count.toLocaleString('en-US')}${one ? ` ${count === 1 ? one : many}` : ''}`;
  const lines = [
    `${n(report.rows, 'row')} → ${n(report.customers, 'customer')}, ${n(report.skipped.length, 'row')} not imported`,
    '',
    'First rows:',
    ...first.map((c) => `  ${describeImported(c.customer, c.row)}`),
    '',
  ];
  if (report.skipped.length)
    lines.push(
      `Not imported: ${some(
        report.skipped.map((s) => `${s.file === report.file ? '' : `${s.file} `}row ${s.row} (${s.reason})`),
        3,
      )}`,
    );
  if (report.leftOut.length)
    lines.push(
      `Left out: ${some(
        report.leftOut.map((l) => `${l.column} (${n(l.rows, 'row')})`),
        4,
      )}`,
    );
  if (report.conversions.length) lines.push(`Converted: ${report.conversions.map((c) => `${n(c.count)} ${shortConversions[c.kind]}`).join(', ')}`);
  for (const notice of report.notices) lines.push(`Note: ${notice}`);
  return lines.join('\n');
}
