/**
 * The results a merchant keeps after a send: one row per customer of the
 * file, with the new customer's id or the store's refusal in its own words,
 * and the request id to quote to BigCommerce support.
 */
import type { FileCustomer, SettledCustomer } from './resumePlan';

export type ResultStatus = 'created' | 'exists' | 'refused' | 'not created';

export interface ResultRow {
  /** 0-based position in the file's array */
  index: number;
  email: string;
  status: ResultStatus;
  /** the new customer's id; for `exists`, the id of the customer that has the email */
  customerId?: number;
  /** the store's words for a refusal, or why a customer was not created */
  message?: string;
  requestId?: string;
}

/**
 * A row for every customer: settled ones from the journal, the others with
 * the reason they were not created when one is known.
 */
export function resultRows(
  customers: readonly FileCustomer[],
  settled: ReadonlyMap<number, SettledCustomer>,
  notCreated: ReadonlyMap<number, string> = new Map(),
): ResultRow[] {
  return customers.map(({ index, value }) => {
    const outcome = settled.get(index);
    const email = outcome?.email ?? emailOf(value);
    if (!outcome) {
      const message = notCreated.get(index);
      return { index, email, status: 'not created', ...(message ? { message } : {}) };
    }
    const requestId = outcome.requestId ? { requestId: outcome.requestId } : {};
    if (outcome.result === 'created') return { index, email, status: 'created', customerId: outcome.id, ...requestId };
    return {
      index,
      email,
      status: outcome.emailInUse ? 'exists' : 'refused',
      ...(outcome.existingId !== undefined ? { customerId: outcome.existingId } : {}),
      message: outcome.message,
      ...requestId,
    };
  });
}

const CSV_COLUMNS: { key: keyof ResultRow; header: string }[] = [
  { key: 'index', header: 'index' },
  { key: 'email', header: 'email' },
  { key: 'status', header: 'status' },
  { key: 'customerId', header: 'customer_id' },
  { key: 'message', header: 'message' },
  { key: 'requestId', header: 'request_id' },
];

/** RFC 4180 CSV with a header line. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  const lines = [CSV_COLUMNS.map(({ header }) => header), ...rows.map((row) => CSV_COLUMNS.map(({ key }) => csvField(row[key] ?? '')))];
  return lines.map((fields) => `${fields.join(',')}\n`).join('');
}

/** Quoted when it holds a comma, a quote or a line break, or starts or ends with a space (which some readers trim). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^ | $/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function resultsJson(rows: readonly ResultRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

function emailOf(value: unknown): string {
  const email = (value as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email.trim() : '';
}
