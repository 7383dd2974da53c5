import type { Node } from 'jsonc-parser';
import type { BcDiagnostic } from '../diagnostics/diagnostic';
import { alreadyBuilt, type TextRange } from '../document/jsonDocument';
import { parseStrictJsonValueAt, shiftOffsets } from '../document/strictJsonTree';
import { channelAccessOfCustomer, duplicateEmailCodes, EmailRegister, emailKeyOf } from '../rules/duplicateEmails';
import { ArrayItemScanner, type ScannedItem } from '../text/arrayItemScanner';
import type { CustomerSpans } from '../document/jsonDocument';
import { type Analysis, checkText, inDocumentOrder, StrictBody } from './check';
import { checkCustomer, textMayHide } from './checkCustomer';

/**
 * The check of `text`, the next version of the text `previous` checked: what `checkText(text)`
 * gives, found faster. When the edit falls inside one customer of a strict-JSON body, only that
 * customer is checked again, and the duplicate emails it can change; the other customers'
 * problems move to their new offsets. `previous` must not be used afterwards: the editor keeps
 * only each file's latest.
 */
export function checkEdit(previous: Analysis | undefined, text: string, edits?: readonly TextEdit[]): Analysis {
  return checkEditWithinCustomer(previous, text, edits) ?? checkText(text);
}

/** One replacement: `length` characters at `offset` (in the text as the edits before it left it) became `newLength` characters. */
export interface TextEdit {
  offset: number;
  length: number;
  newLength: number;
}

/**
 * checkEdit's quick path alone: `undefined` when the text needs a full check. `edits`, the
 * replacements that turned the previous text into this one, spare comparing the two texts.
 */
export function checkEditWithinCustomer(previous: Analysis | undefined, text: string, edits?: readonly TextEdit[]): Analysis | undefined {
  if (!previous) return undefined;
  const oldText = previous.document.text;
  if (!edits?.length && oldText === text) return previous;
  const old = previous.customers;
  if (!old) return undefined;
  const changed = (edits?.length && stretchOf(edits, oldText.length, text.length)) || changedStretch(oldText, text);
  const index = customerContaining(old, changed);
  if (index === undefined) return undefined;
  const delta = text.length - oldText.length;
  const start = old.starts[index];
  const oldEnd = old.ends[index];
  if (start === undefined || oldEnd === undefined) return undefined;
  const newEnd = oldEnd + delta;
  const item = scanOneItem(text, start, newEnd);
  if (!item) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, newEnd));
  } catch {
    return undefined;
  }

  // Nothing can fail from here on.
  // The previous analysis is taken over: its table moves to the new offsets in place.
  const table: CustomerSpans = old;
  table.ends[index] = newEnd;
  shiftFrom(table.starts, index + 1, delta);
  shiftFrom(table.ends, index + 1, delta);
  const oldKey = table.emails[index];
  const newKey = emailKeyOf(value);
  table.emails[index] = newKey;
  const built = alreadyBuilt(previous.document);
  const body = new StrictBody(
    text,
    table,
    built.root && movedRoot(built.root, text, index, start, newEnd, delta),
    Array.isArray(built.value) ? replaced(built.value, index, value) : undefined,
  );

  // Duplicate emails change only among the customers that share the old or the new email.
  const affected = (key: string | undefined) => key !== undefined && (key === oldKey || key === newKey);
  const diagnostics: BcDiagnostic[] = [];
  for (const d of previous.diagnostics) {
    const owner = customerOf(d.path);
    if (owner === index || (owner !== undefined && duplicateEmailCodes.has(d.code) && affected(table.emails[owner]))) continue;
    diagnostics.push(owner !== undefined && owner > index ? shifted(d, oldEnd, delta) : d);
  }
  diagnostics.push(...checkCustomer({ index, value, tree: () => body.customerNode(index), textMayHide: textMayHide(item, value) }));
  const emails = new EmailRegister();
  table.emails.forEach((key, i) => {
    if (!affected(key)) return;
    const customer = i === index ? value : body.customerValue(i);
    const clash = emails.add(key, channelAccessOfCustomer(customer), i);
    const duplicate = clash && body.duplicateEmail(i, clash, customer);
    if (duplicate) diagnostics.push(duplicate);
  });
  return { document: body.document(), diagnostics: inDocumentOrder(diagnostics), customers: table };
}

/** The item the text holds between `start` and `end`: exactly one strict value, or undefined. */
function scanOneItem(text: string, start: number, end: number): ScannedItem | undefined {
  const scanner = new ArrayItemScanner();
  let found: ScannedItem | undefined;
  const collect = (item: ScannedItem) => void (found = item);
  const ok = scanner.push('[', collect) && scanner.push(text.slice(start, end), collect) && scanner.push(']', collect) && scanner.finish(collect);
  return ok && scanner.items === 1 ? found : undefined;
}

/** The whole tree someone already built for the previous text, moved to the new one in place. */
function movedRoot(root: Node, text: string, index: number, start: number, newEnd: number, delta: number): Node | undefined {
  const children = root.children;
  const node = children && parseStrictJsonValueAt(text, start, newEnd, root);
  if (!children || !node) return undefined;
  children[index] = node;
  for (const child of children.slice(index + 1)) shiftOffsets(child, delta);
  (root as { length: number }).length += delta;
  return root;
}

function shiftFrom(offsets: number[], from: number, delta: number): void {
  for (let i = from; i < offsets.length; i++) offsets[i]! += delta;
}

function replaced(values: unknown[], index: number, value: unknown): unknown[] {
  const copy = values.slice();
  copy[index] = value;
  return copy;
}

/** The stretch of the old text that the edits replaced, in one: [start, end) of the old text; undefined if they do not add up to the new text. */
function stretchOf(edits: readonly TextEdit[], oldLength: number, newLength: number): TextRange | undefined {
  let start = Infinity;
  let oldEnd = -Infinity;
  let newEnd = -Infinity;
  for (const { offset, length, newLength: inserted } of edits) {
    if (start === Infinity) {
      [start, oldEnd, newEnd] = [offset, offset + length, offset + inserted];
      continue;
    }
    // Offsets count in the text as the earlier edits left it: past the stretch, they map back by its growth.
    oldEnd += Math.max(0, offset + length - newEnd);
    newEnd = Math.max(newEnd, offset + length) + inserted - length;
    start = Math.min(start, offset);
  }
  return newEnd - oldEnd === newLength - oldLength && start >= 0 && oldEnd <= oldLength ? { start, end: oldEnd } : undefined;
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
  while (
    common + CHUNK <= room &&
    oldText.slice(oldText.length - common - CHUNK, oldText.length - common) === newText.slice(newText.length - common - CHUNK, newText.length - common)
  )
    common += CHUNK;
  while (common < room && oldText.charCodeAt(oldText.length - 1 - common) === newText.charCodeAt(newText.length - 1 - common)) common++;
  return { start, end: oldText.length - common };
}

const CHUNK = 1 << 16;

/** The customer whose text holds the whole change strictly inside its first and last character. */
function customerContaining({ starts, ends }: CustomerSpans, changed: TextRange): number | undefined {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = starts[mid];
    const end = ends[mid];
    if (start === undefined || end === undefined) return undefined;
    if (changed.start <= start) high = mid - 1;
    else if (changed.start >= end) low = mid + 1;
    else return changed.end < end ? mid : undefined;
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
