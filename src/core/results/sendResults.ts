import type { Node } from 'jsonc-parser';
import { emailKey } from '../email';
import { type JsonDocument } from '../document/jsonDocument';
import { valueNode } from '../rules/objectWalker';
import type { SendReport } from '../send/sendTypes';

/**
 * What a send did to one customer, remembered by email (not by position) so that it stays
 * with its customer when the file is edited above it.
 */
export interface CustomerResult {
  /** lower-cased, trimmed email */
  email: string;
  storeHash: string;
  outcome: 'created' | 'failed';
  id?: number;
  /** for failures: where in the customer (a JSON Pointer relative to it, "" for the whole customer) and the store's words */
  problems?: { path: string; message: string }[] | undefined;
  requestId?: string;
  /** ISO date */
  at: string;
}

export { emailKey };

/** The customers of a body with their emails, in file order. */
export function customersOf(doc: JsonDocument): { index: number; node: Node; email?: string | undefined }[] {
  if (doc.customers) {
    // Known from the check without a whole tree: each customer's node is its extent alone.
    const { starts, ends, emails } = doc.customers;
    return starts.flatMap((start, index) => {
      const end = ends[index];
      const email = emails[index];
      return end === undefined ? [] : [{ index, node: { type: 'object', offset: start, length: end - start }, ...(email ? { email } : {}) }];
    });
  }
  const root = doc.root;
  if (root?.type !== 'array') return [];
  return (root.children ?? []).map((node, index) => {
    const email = node.type === 'object' ? valueNode(node, 'email') : undefined;
    return { index, node, email: emailKey(email?.value) };
  });
}

/**
 * The customers whose extent meets the offsets `start`–`end`, found by binary
 * search (customers sit in the text in order), so the cost follows the range,
 * not the file.
 */
export function customersInRange(doc: JsonDocument, start: number, end: number): { index: number; node: Node; email?: string | undefined }[] {
  const spans = doc.customers;
  const children = doc.root?.type === 'array' ? (doc.root.children ?? []) : [];
  const count = spans ? Math.min(spans.starts.length, spans.ends.length) : children.length;
  const startOf = (i: number) => (spans ? spans.starts[i]! : children[i]!.offset);
  const endOf = (i: number) => (spans ? spans.ends[i]! : children[i]!.offset + children[i]!.length);
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (endOf(middle) < start) low = middle + 1;
    else high = middle;
  }
  const found: { index: number; node: Node; email?: string | undefined }[] = [];
  for (let index = low; index < count && startOf(index) <= end; index++) {
    if (spans) {
      const email = spans.emails[index];
      found.push({ index, node: { type: 'object', offset: startOf(index), length: endOf(index) - startOf(index) }, ...(email ? { email } : {}) });
    } else {
      const node = children[index]!;
      const email = node.type === 'object' ? valueNode(node, 'email') : undefined;
      found.push({ index, node, email: emailKey(email?.value) });
    }
  }
  return found;
}

/** Turns a send report into results keyed by email. */
export function resultsFromReport(
  report: SendReport,
  emailsByIndex: ReadonlyMap<number, string>,
  storeHash: string,
  at = new Date().toISOString(),
): CustomerResult[] {
  const results: CustomerResult[] = [];
  for (const created of report.created) {
    const email = emailsByIndex.get(created.index) ?? emailKey(created.email);
    if (email) results.push({ email, storeHash, outcome: 'created', id: created.id, at });
  }
  for (const failed of report.failed) {
    const email = emailsByIndex.get(failed.index);
    if (!email) continue;
    const relative = (path: string) => path.replace(/^\/\d+/, '');
    const problems = [
      { path: relative(failed.path), message: failed.message },
      ...(failed.more ?? []).map((p) => ({ path: relative(p.path), message: p.message })),
    ];
    results.push({ email, storeHash, outcome: 'failed', problems, at, ...(failed.requestId ? { requestId: failed.requestId } : {}) });
  }
  return results;
}

/**
 * Emails whose presence in the store a send of this file already explains: customers it
 * created, and customers the store refused on their email (already in use). Telling that
 * such an email "already exists in the store" would say nothing new.
 */
export function emailsSentBefore(results: readonly CustomerResult[], storeHash: string): Set<string> {
  const explained = results.filter((r) => r.storeHash === storeHash && (r.outcome === 'created' || r.problems?.some((p) => p.path === '/email')));
  return new Set(explained.map((r) => r.email));
}

/**
 * Send results as kept in the workspace state, read defensively: the state
 * outlives versions of the extension and can be damaged, so entries that are
 * not well-formed results are dropped instead of breaking activation.
 */
export function readStoredResults(raw: unknown): Record<string, CustomerResult[]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const all: Record<string, CustomerResult[]> = {};
  for (const [uri, list] of Object.entries(raw)) {
    const results = Array.isArray(list) ? list.filter(isCustomerResult) : [];
    if (results.length > 0) all[uri] = results;
  }
  return all;
}

function isCustomerResult(value: unknown): value is CustomerResult {
  const r = value as Partial<CustomerResult> | null;
  if (typeof r !== 'object' || r === null) return false;
  if (typeof r.email !== 'string' || typeof r.storeHash !== 'string' || typeof r.at !== 'string') return false;
  if (r.outcome === 'created') return typeof r.id === 'number';
  if (r.outcome !== 'failed') return false;
  return r.problems === undefined || (Array.isArray(r.problems) && r.problems.every((p) => typeof p?.path === 'string' && typeof p?.message === 'string'));
}

/** Newer results replace older ones for the same store and email. */
export function mergeResults(previous: readonly CustomerResult[], next: readonly CustomerResult[]): CustomerResult[] {
  const key = (r: CustomerResult) => `${r.storeHash}\u0000${r.email}`;
  const merged = new Map(previous.map((r) => [key(r), r]));
  for (const r of next) merged.set(key(r), r);
  return [...merged.values()];
}

export interface AttachedResult {
  index: number;
  node: Node;
  result: CustomerResult;
}

/** Finds, for each result, the customer of the current text it belongs to. */
export function attachResults(doc: JsonDocument, results: readonly CustomerResult[], storeHash?: string): AttachedResult[] {
  const byEmail = new Map<string, CustomerResult>();
  for (const r of results) if (!storeHash || r.storeHash === storeHash) byEmail.set(r.email, r);
  const attached: AttachedResult[] = [];
  const seen = new Set<string>();
  for (const customer of customersOf(doc)) {
    if (!customer.email || seen.has(customer.email)) continue;
    seen.add(customer.email);
    const result = byEmail.get(customer.email);
    if (result) attached.push({ index: customer.index, node: customer.node, result });
  }
  return attached;
}
