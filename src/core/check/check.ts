import type { Node } from 'jsonc-parser';
import { type BcDiagnostic, diagnosticCodes } from '../diagnostics/diagnostic';
import {
  type CustomerSpans,
  findNode,
  type JsonDocument,
  lazyJsonDocument,
  lazyTolerantDocument,
  NestingScan,
  parseJsonDocument,
  rangeOf,
  type SyntaxParts,
  type TextRange,
} from '../document/jsonDocument';
import { parseStrictJsonTree, parseStrictJsonValueAt } from '../document/strictJsonTree';
import { channelAccessOfCustomer, duplicateEmailDiagnostic, type EmailClash, EmailRegister, emailKeyOf } from '../rules/duplicateEmails';
import { syntaxDiagnostics } from '../rules/syntaxRules';
import { bodySizeDiagnostics, schemaDiagnostics } from '../schema/schemaDiagnostics';
import { ArrayItemScanner, type ScannedItem } from '../text/arrayItemScanner';
import { OPEN_BRACKET } from '../text/charCodes';
import { findRegionEnd, parseRegion, type RegionStart, type TolerantCustomer } from './brokenRegion';
import { checkCustomer, type CustomerToCheck, textMayHide } from './checkCustomer';
import { ItemReader, parseItem, SCAN_CHUNK, strictItemAfter, unparsed } from './itemReader';

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
 * a tree with positions only for a customer that has a problem. Where the array stops being
 * strict JSON (a comment, a trailing comma, a syntax error), the tolerant parser reads from the
 * last good customer only as far as the next one that is strict again (see brokenRegion.ts).
 * A text that is not an array at all goes through the tolerant parser whole.
 */
export function* checkSteps(text: string): Generator<void, Analysis, void> {
  const arrayStart = text.search(/[^ \t\n\r]/);
  if (text.charCodeAt(arrayStart) !== OPEN_BRACKET) return checkDocument(parseJsonDocument(text));

  const table: CustomerSpans = { arrayStart, starts: [], ends: [], emails: [] };
  const diagnostics: BcDiagnostic[] = [];
  const emails = new EmailRegister();
  const tolerant = new Map<number, TolerantCustomer>();
  const body = new StrictBody(text, table, undefined, undefined, tolerant);
  /** The syntax problems, once the text turns out not to be strict JSON. */
  let syntax: SyntaxParts | undefined;
  let lastEnd: number | undefined;

  const check = (value: unknown, span: { start: number; end: number } | undefined, customer: Omit<CustomerToCheck, 'index' | 'value'>) => {
    const index = table.starts.length;
    table.starts.push(span?.start ?? -1);
    table.ends.push(span?.end ?? -1);
    const key = emailKeyOf(value);
    table.emails.push(key);
    diagnostics.push(...checkCustomer({ index, value, ...customer }));
    const clash = emails.add(key, channelAccessOfCustomer(value), index);
    const duplicate = clash && body.duplicateEmail(index, clash, value);
    if (duplicate) diagnostics.push(duplicate);
  };
  const checkStrict = (item: ScannedItem, value: unknown) => {
    const index = table.starts.length;
    check(value, item, { tree: () => body.customerNode(index), textMayHide: textMayHide(item, value) });
    lastEnd = item.end;
  };

  let reader = new ItemReader(text, new ArrayItemScanner(), 0, SCAN_CHUNK);
  for (;;) {
    const next = reader.next();
    if (next === undefined) {
      yield;
      continue;
    }
    if (next === 'end') break;
    if (typeof next === 'object') {
      const value = parseItem(text, next);
      if (value !== unparsed) {
        checkStrict(next, value);
        yield;
        continue;
      }
    }

    // Not strict JSON from the last good customer on: read tolerantly as far as it must be.
    if (reader.scanner.failure?.kind === 'too-deep') return checkDocument(parseJsonDocument(text));
    if (!syntax) {
      syntax = { syntaxProblems: [], comments: [], trailingCommas: [] };
      // Nesting too deep anywhere leaves the whole text unchecked, as parseJsonDocument does.
      const nesting = new NestingScan(text);
      for (let to = SCAN_CHUNK; !nesting.done; to += SCAN_CHUNK) {
        if (nesting.scanTo(to) !== undefined) return checkDocument(parseJsonDocument(text));
        yield;
      }
    }
    const start: RegionStart = lastEnd === undefined ? { offset: arrayStart, afterItem: false } : { offset: lastEnd, afterItem: true };
    const resumed = findRegionEnd(text, start, (offset) => strictItemAfter(text, offset, arrayStart));
    const region = parseRegion(text, start, resumed?.end, body.rootStub());
    syntax.syntaxProblems.push(...region.syntaxProblems);
    syntax.comments.push(...region.comments);
    syntax.trailingCommas.push(...region.trailingCommas);
    for (const { node, value } of region.customers) {
      tolerant.set(table.starts.length, { node, value });
      check(value, undefined, { tree: () => node, textMayHide: true });
      yield;
    }
    if (!resumed) break;
    reader = resumed.resumed.reader;
    checkStrict(resumed.resumed.item, resumed.resumed.value);
    yield;
  }
  diagnostics.push(...bodySizeDiagnostics(body.rootStub(), table.starts.length));
  if (!syntax) return { document: body.document(), diagnostics: inDocumentOrder(diagnostics), customers: table };
  const document = lazyTolerantDocument(text, syntax);
  return { document, diagnostics: inDocumentOrder([...syntaxDiagnostics(document), ...diagnostics]) };
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
 * Where the text is not strict JSON, the tolerant parser reads each broken stretch in one go (it
 * cannot stop half-way): a slice runs at least that long, and a text that is not an array at all
 * is checked in one go.
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

/**
 * A body known by its customers' offsets: trees and values are built from the text on demand.
 * Customers of a broken stretch, read by the tolerant parser, are kept as they were read.
 */
export class StrictBody {
  private readonly stub: Node;
  private readonly firstEmails = new Map<number, TextRange | undefined>();

  constructor(
    private readonly text: string,
    private readonly table: CustomerSpans,
    private readonly wholeRoot?: Node,
    private readonly wholeValue?: unknown[],
    /** customers read by the tolerant parser, where the text is not strict JSON (their spans are -1) */
    private readonly tolerant?: ReadonlyMap<number, TolerantCustomer>,
  ) {
    this.stub = { type: 'array', offset: table.arrayStart, length: 1, children: [] };
  }

  /** The body's array as a node without its items: what body-level problems point at (its "["). */
  rootStub(): Node {
    return this.stub;
  }

  customerNode(index: number): Node | undefined {
    const read = this.tolerant?.get(index);
    if (read) return read.node;
    const { starts, ends } = this.table;
    const start = starts[index];
    const end = ends[index];
    if (start === undefined || end === undefined) return undefined;
    return parseStrictJsonValueAt(this.text, start, end, this.stub);
  }

  customerValue(index: number): unknown {
    const read = this.tolerant?.get(index);
    if (read) return read.value;
    return JSON.parse(this.text.slice(this.table.starts[index], this.table.ends[index]));
  }

  /** Undefined where the customer's text has no email to point at (a tolerant read can keep an earlier "email" than its last). */
  duplicateEmail(index: number, clash: EmailClash, value: unknown = this.customerValue(index)): BcDiagnostic | undefined {
    const node = this.customerNode(index);
    const email = node && findNode(node, ['email']);
    if (!email) return undefined;
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
