import type { Node } from 'jsonc-parser';
import { type BcDiagnostic, diagnosticCodes } from '../diagnostics/diagnostic';
import { type CustomerSpans, findNode, type JsonDocument, lazyJsonDocument, parseJsonDocument, rangeOf, type TextRange } from '../document/jsonDocument';
import { parseStrictJsonTree, parseStrictJsonValueAt } from '../document/strictJsonTree';
import { channelAccessOfCustomer, duplicateEmailDiagnostic, type EmailClash, EmailRegister, emailKeyOf } from '../rules/duplicateEmails';
import { syntaxDiagnostics } from '../rules/syntaxRules';
import { bodySizeDiagnostics, schemaDiagnostics } from '../schema/schemaDiagnostics';
import { ArrayItemScanner, type ScannedItem } from '../text/arrayItemScanner';
import { checkCustomer, textMayHide } from './checkCustomer';

/** A text checked: the document (its trees built only when asked for) and every problem, in document order. */
export interface Analysis {
  document: JsonDocument;
  diagnostics: BcDiagnostic[];
  /** Where each customer is, for a strict-JSON array: what an edit inside one customer needs. */
  customers?: CustomerSpans;
}

/**
 * The check, as steps: it yields after each customer (and each stretch of text scanned), so
 * that the same work runs in one go (`checkText`) or in slices between other work
 * (`checkTextInSlices`). A strict-JSON array — the common case — is checked a customer at a
 * time: `JSON.parse` per customer, the schema's validator and the rules on plain values, and
 * a tree with positions only for a customer that has a problem. Anything else (comments,
 * trailing commas, syntax errors, another top-level value) goes through the tolerant parser.
 */
export function* checkSteps(text: string): Generator<void, Analysis, void> {
  const scanner = new ArrayItemScanner();
  const items: ScannedItem[] = [];
  const collect = (item: ScannedItem) => void items.push(item);
  let strict = true;
  for (let at = 0; strict && at < text.length; at += SCAN_CHUNK) {
    strict = scanner.push(text.slice(at, at + SCAN_CHUNK), collect);
    if (at + SCAN_CHUNK < text.length) yield;
  }
  if (!strict || !scanner.finish(collect)) return checkDocument(parseJsonDocument(text));

  const table: CustomerSpans = { arrayStart: scanner.arrayStart, starts: [], ends: [], emails: [] };
  const diagnostics: BcDiagnostic[] = [];
  const emails = new EmailRegister();
  const body = new StrictBody(text, table);
  for (const [index, item] of items.entries()) {
    const { start, end } = item;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      return checkDocument(parseJsonDocument(text));
    }
    table.starts.push(start);
    table.ends.push(end);
    const key = emailKeyOf(value);
    table.emails.push(key);
    diagnostics.push(...checkCustomer({ index, value, tree: () => body.customerNode(index), textMayHide: textMayHide(item, value) }));
    const clash = emails.add(key, channelAccessOfCustomer(value), index);
    if (clash) diagnostics.push(body.duplicateEmail(index, clash, value));
    yield;
  }
  diagnostics.push(...bodySizeDiagnostics(body.rootStub(), items.length));
  return { document: body.document(), diagnostics: inDocumentOrder(diagnostics), customers: table };
}

/** Every problem of a payload text, in document order. */
export function checkText(text: string): Analysis {
  const steps = checkSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** How long one slice may run before the next pause, in ms. */
  sliceMs?: number;
  /** Resolves when others have had their turn (the host supplies it: setImmediate, a message channel, …). */
  pause: () => Promise<void>;
  /** Asked after each pause: true stops the work (a newer text is waiting). */
  cancelled?: () => boolean;
}

/**
 * What `checkText(text)` gives, with a pause whenever a slice has run for `sliceMs`, so that
 * checking a large file never holds the thread for long. Resolves `undefined` when cancelled.
 * Text that is not a strict-JSON array is checked in one go: the tolerant parser cannot stop half-way.
 */
export async function checkTextInSlices(text: string, { sliceMs = 15, pause, cancelled = () => false }: SliceOptions): Promise<Analysis | undefined> {
  const steps = checkSteps(text);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      if (cancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
}

/** The stretch of text the scanner takes at a time, so that a slice never scans for long. */
const SCAN_CHUNK = 1 << 18;

/** A strict-JSON body known by its customers' offsets: trees and values are built from the text on demand. */
export class StrictBody {
  private readonly stub: Node;
  private readonly firstEmails = new Map<number, TextRange | undefined>();

  constructor(
    private readonly text: string,
    private readonly table: CustomerSpans,
    private readonly wholeRoot?: Node,
    private readonly wholeValue?: unknown[],
  ) {
    this.stub = { type: 'array', offset: table.arrayStart, length: 1, children: [] };
  }

  /** The body's array as a node without its items: what body-level problems point at (its "["). */
  rootStub(): Node {
    return this.stub;
  }

  customerNode(index: number): Node | undefined {
    const { starts, ends } = this.table;
    const start = starts[index];
    const end = ends[index];
    if (start === undefined || end === undefined) return undefined;
    return parseStrictJsonValueAt(this.text, start, end, this.stub);
  }

  customerValue(index: number): unknown {
    return JSON.parse(this.text.slice(this.table.starts[index], this.table.ends[index]));
  }

  duplicateEmail(index: number, clash: EmailClash, value: unknown = this.customerValue(index)): BcDiagnostic {
    const email = findNode(this.customerNode(index)!, ['email'])!;
    const { first } = clash;
    if (!this.firstEmails.has(first)) {
      const node = this.customerNode(first);
      const found = node && findNode(node, ['email']);
      this.firstEmails.set(first, found && rangeOf(found));
    }
    const identical = JSON.stringify(value) === JSON.stringify(this.customerValue(first));
    return duplicateEmailDiagnostic({
      index,
      access: channelAccessOfCustomer(value),
      email: String(email.value),
      range: rangeOf(email),
      ...clash,
      firstRange: this.firstEmails.get(first),
      identical,
    });
  }

  document(): JsonDocument {
    const text = this.text;
    return lazyJsonDocument(
      text,
      { root: () => this.wholeRoot ?? parseStrictJsonTree(text), value: () => this.wholeValue ?? (JSON.parse(text) as unknown) },
      this.table,
      (index) => this.customerNode(index),
    );
  }
}

/** The check of a document parsed whole: text that is not a strict-JSON array. */
function checkDocument(document: JsonDocument): Analysis {
  const diagnostics = syntaxDiagnostics(document);
  const root = document.root;
  const values = document.value;
  if (root?.type === 'array' && Array.isArray(values)) {
    const customers = root.children ?? [];
    const emails = new EmailRegister();
    const emailNodes = customers.map((customer, index) => (emailKeyOf(values[index]) === undefined ? undefined : findNode(customer, ['email'])));
    customers.forEach((customer, index) => {
      diagnostics.push(...checkCustomer({ index, value: values[index], tree: () => customer, textMayHide: true }));
      const access = channelAccessOfCustomer(values[index]);
      const clash = emails.add(emailKeyOf(values[index]), access, index);
      const email = emailNodes[index];
      if (!clash || !email) return;
      const firstEmail = emailNodes[clash.first];
      const identical = JSON.stringify(values[index]) === JSON.stringify(values[clash.first]);
      diagnostics.push(
        duplicateEmailDiagnostic({
          index,
          access,
          email: String(email.value),
          range: rangeOf(email),
          ...clash,
          ...(firstEmail ? { firstRange: rangeOf(firstEmail) } : {}),
          identical,
        }),
      );
    });
    diagnostics.push(...bodySizeDiagnostics(root, customers.length));
  } else {
    diagnostics.push(...schemaDiagnostics(document));
  }
  return { document, diagnostics: inDocumentOrder(diagnostics) };
}

const codeRank = new Map(Object.keys(diagnosticCodes).map((code, rank) => [code, rank]));

/** By position; problems at the same text in a fixed order, however they were found. */
export function inDocumentOrder(diagnostics: BcDiagnostic[]): BcDiagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      codeRank.get(a.code)! - codeRank.get(b.code)! ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
