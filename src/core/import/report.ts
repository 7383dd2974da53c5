import type { FormatId } from './formats';

/** A CSV row that did not become a customer, and why. */
export interface SkippedRow {
  file: string;
  row: number;
  reason: string;
}

export type ConversionKind =
  | 'trimmed'
  | 'apostrophe'
  | 'country'
  | 'country-unknown'
  | 'state'
  | 'boolean'
  | 'boolean-unknown'
  | 'number'
  | 'number-unknown'
  | 'group'
  | 'group-unmapped'
  | 'full-name'
  | 'street'
  | 'address-name'
  | 'same-address'
  | 'zero-credit';

export const conversionDescriptions: Record<ConversionKind, string> = {
  trimmed: 'spaces around values trimmed',
  apostrophe: "spreadsheet apostrophe removed ('+61412000999 → +61412000999)",
  country: 'countries → ISO 3166-1 alpha-2 codes',
  'country-unknown': 'countries not recognised, kept as written (the checks flag them)',
  state: 'state and province codes → the full names BigCommerce wants',
  boolean: 'yes/no values → true/false',
  'boolean-unknown': 'values not understood as yes or no, kept as written (the checks flag them)',
  number: 'store credit → numbers',
  'number-unknown': 'store credit that is not a number, kept as written (the checks flag it)',
  group: 'customer groups → customer_group_id through the mapping',
  'group-unmapped': 'customer groups left out: the mapping gives them no customer_group_id',
  'full-name': 'full names split into first and last name',
  street: 'street lines split into address1 and address2',
  'address-name': "addresses without a name given the customer's name",
  'same-address': 'the same address given twice, kept once',
  'zero-credit': 'store credit of 0 left out',
};

export interface ConversionCount {
  kind: ConversionKind;
  description: string;
  count: number;
  /** The first one, e.g. `row 3: "Canada" → "CA"`; for unmapped groups, the groups. */
  example: string;
}

/** A column whose values do not go to BigCommerce, with the number of rows that had one. */
export interface LeftOutColumn {
  file: string;
  column: string;
  reason: string;
  rows: number;
}

export interface ImportReport {
  file: string;
  addressesFile?: string;
  format: FormatId;
  formatLabel: string;
  delimiter: string;
  /** Data rows read (the header not counted); each is a customer or a skipped row. */
  rows: number;
  addressRows?: number | undefined;
  customers: number;
  skipped: SkippedRow[];
  conversions: ConversionCount[];
  leftOut: LeftOutColumn[];
  notices: string[];
  cancelled?: boolean;
}

const distinctGroupsShown = 10;

/** Counts conversions as rows are converted, keeping the first example of each. */
export class ConversionTally {
  private readonly counts = new Map<ConversionKind, ConversionCount>();
  private readonly unmappedGroups = new Set<string>();
  private pending: [ConversionKind, number, string, unknown][] = [];

  /** Notes a conversion of the row being converted; it counts once the row is imported. */
  note(kind: ConversionKind, row: number, from: string, to?: unknown): void {
    this.pending.push([kind, row, from, to]);
  }

  /** Counts the conversions of the row just converted, or forgets them when the row is not imported. */
  settle(imported: boolean): void {
    if (imported) for (const [kind, row, from, to] of this.pending) this.count(kind, row, from, to);
    this.pending = [];
  }

  private count(kind: ConversionKind, row: number, from: string, to: unknown): void {
    const entry = this.counts.get(kind);
    if (kind === 'group-unmapped' && this.unmappedGroups.size < distinctGroupsShown) this.unmappedGroups.add(from);
    if (entry) {
      entry.count++;
      return;
    }
    const example = to === undefined ? `row ${row}: ${JSON.stringify(from)}` : `row ${row}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
    this.counts.set(kind, { kind, description: conversionDescriptions[kind], count: 1, example });
  }

  list(): ConversionCount[] {
    const unmapped = this.counts.get('group-unmapped');
    if (unmapped)
      unmapped.example = [...this.unmappedGroups].map((g) => JSON.stringify(g)).join(', ') + (unmapped.count > this.unmappedGroups.size ? ', …' : '');
    return [...this.counts.values()];
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The report as lines of text, for a terminal. */
export function reportLines(report: ImportReport): string[] {
  const lines = [
    `${report.file}: ${report.formatLabel}${report.delimiter !== ',' ? ` (delimiter ${JSON.stringify(report.delimiter)})` : ''}`,
    `${plural(report.rows, 'row')} → ${plural(report.customers, 'customer')}, ${plural(report.skipped.length, 'row')} not imported${report.cancelled ? ' (cancelled)' : ''}`,
  ];
  for (const notice of report.notices) lines.push(`note: ${notice}`);
  for (const s of report.skipped) lines.push(`not imported: ${s.file} row ${s.row}: ${s.reason}`);
  for (const c of report.conversions) lines.push(`converted: ${c.description}: ${plural(c.count, 'value')} (${c.example})`);
  for (const l of report.leftOut) lines.push(`left out: ${l.column}${l.file !== report.file ? ` (${l.file})` : ''}: ${plural(l.rows, 'row')} — ${l.reason}`);
  return lines;
}
