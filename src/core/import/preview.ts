import type { Customer } from './convert';
import { type ImportReport, reportLines } from './report';

/** "row 2 → Olivia Tremblay <olivia@example.com>, 1 address (Toronto, Ontario, CA)". */
export function describeImported(customer: Customer, row: number): string {
  const name = [customer.first_name, customer.last_name].filter((v) => typeof v === 'string' && v).join(' ');
  const addresses = customer.addresses ?? [];
  const first = addresses[0];
  const place = first ? ` (${[first.city, first.state_or_province, first.country_code].filter(Boolean).join(', ')})` : '';
  const count = addresses.length ? `, ${addresses.length} address${addresses.length === 1 ? '' : 'es'}${place}` : ', no address';
  return `row ${row} → ${name || '(no name)'} <${customer.email}>${count}`;
}

/** What an import will write, for a look before it is written. */
export function previewText(report: ImportReport, first: { customer: Customer; row: number }[]): string {
  const lines = reportLines(report, 5);
  const [, counts, ...rest] = lines;
  return [counts, '', 'First rows:', ...first.map((c) => `  ${describeImported(c.customer, c.row)}`), '', ...rest].join('\n');
}
