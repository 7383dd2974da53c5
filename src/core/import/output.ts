import type { ImportReport } from './report';

/**
 * The customers file, written as customers arrive: a strict JSON array (what BigCommerce
 * receives), two-space indented like the files people write by hand.
 */
export class CustomersJsonWriter {
  private count = 0;

  /** The text that adds `customer` to what was written before. */
  customer(customer: unknown): string {
    // An array of one, indented, less its brackets: the customer indented as an item.
    const json = JSON.stringify([customer], null, 2);
    return `${this.count++ ? ',\n' : '[\n'}${json.slice(2, -2)}`;
  }

  /** The text that closes the array. */
  end(): string {
    return this.count ? '\n]\n' : '[]\n';
  }
}

/**
 * Where each customer of an imported file came from, kept next to it: the customers file must
 * stay the exact body BigCommerce receives, so it has no room for comments. Rows are found by
 * email (in lower case), so they follow the customers through edits.
 */
export interface ImportTrace {
  importedFrom: string;
  addressesFrom?: string;
  format: string;
  /** Email in lower case → row of the CSV file (the header is row 1). */
  rows: Record<string, number>;
  report: ImportReport;
}

/** `customers.bccustomers.json` → `customers.bccustomers-import.json`. */
export function traceFileName(customersFile: string): string {
  return customersFile.replace(/(\.bccustomers)?\.json$/i, '') + '.bccustomers-import.json';
}

/** The trace as JSON text, in pieces, so that a million rows need no single huge string. */
export function* traceJson(report: ImportReport, rows: Map<string, number>): Generator<string> {
  const head = { importedFrom: report.file, ...(report.addressesFile ? { addressesFrom: report.addressesFile } : {}), format: report.format };
  yield JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "rows": {');
  let piece: string[] = [];
  let first = true;
  for (const [email, row] of rows) {
    piece.push(`${first ? '' : ','}\n    ${JSON.stringify(email)}: ${row}`);
    first = false;
    if (piece.length === 10_000) {
      yield piece.join('');
      piece = [];
    }
  }
  yield piece.join('');
  yield `${first ? '' : '\n  '}},\n  "report": ${JSON.stringify(report, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}
