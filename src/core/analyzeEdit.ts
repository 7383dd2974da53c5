import type { Node } from 'jsonc-parser';
import { type Analysis, analyzeText, inDocumentOrder } from './analyze';
import type { BcDiagnostic } from './diagnostics/diagnostic';
import { customerDiagnostics } from './customerDiagnostics';
import { jsonDocument, type TextRange } from './document/jsonDocument';
import { parseStrictJsonValueAt, shiftOffsets } from './document/strictJsonTree';
import { duplicateEmailCodes, duplicateEmails } from './rules/duplicateEmails';

/**
 * The analysis of `text`, the next version of the text `previous` analysed: what
 * `analyzeText(text)` gives, found faster. When the edit falls inside one customer of a
 * strict-JSON body, only that customer is parsed and checked again; the rest of the tree is
 * moved to its new offsets in place and the other customers' problems are kept. So `previous`
 * is taken over and must not be used afterwards: the editor keeps only each file's latest.
 */
export function analyzeEdit(previous: Analysis | undefined, text: string): Analysis {
  return analyzeEditWithinCustomer(previous, text) ?? analyzeText(text);
}

/** analyzeEdit's quick path alone: `undefined` when the text needs a full analysis. */
export function analyzeEditWithinCustomer(previous: Analysis | undefined, text: string): Analysis | undefined {
  if (!previous) return undefined;
  if (previous.document.text === text) return previous;
  const old = previous.document;
  const root = old.root;
  const values = old.value;
  const strict = old.syntaxProblems.length === 0 && old.comments.length === 0 && old.trailingCommas.length === 0;
  if (!strict || root?.type !== 'array' || !root.children || !Array.isArray(values)) return undefined;

  const changed = changedStretch(old.text, text);
  const index = customerContaining(root.children, changed);
  if (index === undefined) return undefined;
  const customer = root.children[index];
  const delta = text.length - old.text.length;
  const oldEnd = customer.offset + customer.length;
  const newEnd = oldEnd + delta;
  const node = parseStrictJsonValueAt(text, customer.offset, newEnd, root);
  if (!node) return undefined;

  // Nothing can fail from here on: the tree moves to the new text.
  const children = root.children as Node[];
  children[index] = node;
  for (let i = index + 1; i < children.length; i++) shiftOffsets(children[i], delta);
  (root as { length: number }).length += delta;
  const newValues = values.slice();
  newValues[index] = JSON.parse(text.slice(customer.offset, newEnd));
  const document = jsonDocument({ text, root, value: newValues, syntaxProblems: [], comments: [], trailingCommas: [] });

  const diagnostics: BcDiagnostic[] = [];
  for (const d of previous.diagnostics) {
    if (duplicateEmailCodes.has(d.code)) continue; // compares customers: found again below
    const owner = customerOf(d.path);
    if (owner === index) continue;
    diagnostics.push(owner !== undefined && owner > index ? shifted(d, oldEnd, delta) : d);
  }
  diagnostics.push(...customerDiagnostics(text, node, newValues[index], index), ...duplicateEmails(root));
  return { document, diagnostics: inDocumentOrder(diagnostics) };
}

/** The stretch of the old text that differs from the new one: [start, end) of the old text. */
function changedStretch(oldText: string, newText: string): TextRange {
  const shorter = Math.min(oldText.length, newText.length);
  // Whole chunks first: comparing substrings runs at memory speed, character loops do not.
  let start = 0;
  while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const room = shorter - start;
  let common = 0;
  while (common + CHUNK <= room && oldText.slice(oldText.length - common - CHUNK, oldText.length - common) === newText.slice(newText.length - common - CHUNK, newText.length - common)) common += CHUNK;
  while (common < room && oldText.charCodeAt(oldText.length - 1 - common) === newText.charCodeAt(newText.length - 1 - common)) common++;
  return { start, end: oldText.length - common };
}

const CHUNK = 4096;

/** The customer whose text holds the whole change strictly inside its first and last character. */
function customerContaining(customers: Node[], changed: TextRange): number | undefined {
  let low = 0;
  let high = customers.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const c = customers[mid];
    if (changed.start <= c.offset) high = mid - 1;
    else if (changed.start >= c.offset + c.length) low = mid + 1;
    else return changed.end < c.offset + c.length ? mid : undefined;
  }
  return undefined;
}

/** The index of the customer a diagnostic's JSON Pointer is in, or undefined for the body itself. */
function customerOf(pointer: string): number | undefined {
  const match = /^\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : undefined;
}

function shifted(d: BcDiagnostic, from: number, delta: number): BcDiagnostic {
  const move = (range: TextRange): TextRange => (range.start >= from ? { start: range.start + delta, end: range.end + delta } : range);
  return {
    ...d,
    range: move(d.range),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, range: move(r.range) })) } : {}),
  };
}
