/**
 * The summary a merchant reads after a send: how many customers were
 * created, refused and left unclear, and the refusals grouped by the store's
 * reason, each customer a link to its place in the file. Markdown.
 */
import { customerMessages } from '../send/sendMessages';
import type { ResultRow } from './sendResultsExport';

export interface SummaryInput {
  /** the file as the merchant knows it, e.g. its path in the workspace */
  file: string;
  storeHash: string;
  /** one row per customer of the file */
  rows: readonly ResultRow[];
  /** customers whose creation the store could not confirm: the next send asks it first */
  unclear: ReadonlySet<number>;
  /** a link that opens the customer at this index in the file */
  linkTo: (index: number) => string;
}

interface Group {
  reason: string;
  rows: ResultRow[];
}

export function sendSummaryMarkdown({ file, storeHash, rows, unclear, linkTo }: SummaryInput): string {
  const created = rows.filter((r) => r.status === 'created');
  const refused = rows.filter((r) => r.status === 'refused' || r.status === 'exists');
  const open = rows.filter((r) => r.status === 'not created');
  const unsure = open.filter((r) => unclear.has(r.index));
  const notSent = open.filter((r) => !unclear.has(r.index));
  const lines = [
    `# Send summary: ${file} → store ${storeHash}`,
    '',
    `**${count(created.length)} created · ${count(refused.length)} refused · ${count(unsure.length)} unclear** · ${count(notSent.length)} not sent, of ${count(rows.length)} customers`,
  ];
  const item = (row: ResultRow) =>
    `- [customer ${count(row.index + 1)}${row.email ? ` · ${escape(row.email)}` : ''}](${linkTo(row.index)})${row.status === 'exists' && row.customerId !== undefined ? ` — customer #${row.customerId} in the store` : ''}`;
  if (refused.length > 0) {
    lines.push('', '## Refused by the store', '', 'Grouped by the store’s words; each customer opens at its place in the file.');
    for (const group of byReason(refused)) lines.push('', `### ${escape(group.reason)} (${count(group.rows.length)})`, '', ...group.rows.map(item));
  }
  if (unsure.length > 0) {
    lines.push(
      '',
      `## Unclear (${count(unsure.length)})`,
      '',
      'The store could not confirm whether these were created. The next send asks it about their emails before sending anything.',
      '',
      ...unsure.map(item),
    );
  }
  if (notSent.length > 0 && notSent.length < rows.length) {
    lines.push('', `## Not sent (${count(notSent.length)})`, '', 'The next send sends them.', '', ...notSent.map(item));
  }
  return lines.join('\n') + '\n';
}

/**
 * Refusals with the same reason together, largest group first. Customers
 * whose email the store has already are one group, however it said so; the
 * store often names the customer's own email in its words, which is left out
 * of the reason so that such refusals group.
 */
function byReason(rows: readonly ResultRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const reason = reasonOf(row);
    const group = groups.get(reason) ?? { reason, rows: [] };
    group.rows.push(row);
    groups.set(reason, group);
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.reason.localeCompare(b.reason));
}

function reasonOf(row: ResultRow): string {
  if (row.status === 'exists') return customerMessages.alreadyExists;
  const message = row.message?.trim() || 'Refused without a reason';
  if (!row.email) return message;
  return message.replace(new RegExp(row.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '‹email›');
}

/** Keeps Markdown from reading the store's words or an email as markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
