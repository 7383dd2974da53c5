import { createScanner, getNodeValue, parseTree, type Node, type ParseError, ParseErrorCode, type ParseOptions, SyntaxKind } from 'jsonc-parser';
import { MAX_NESTING } from '../text/arrayItemScanner';
import { LineIndex } from '../text/lineIndex';
import { parseStrictJsonTree } from './strictJsonTree';
import { fromPointer, type JsonPath } from './jsonPointer';

export interface TextRange {
  start: number;
  end: number;
}

export interface SyntaxProblem {
  range: TextRange;
  message: string;
}

/** A payload file parsed once, with everything the rules need to point at exact text. */
export interface JsonDocument {
  readonly text: string;
  readonly root: Node | undefined;
  readonly value: unknown;
  readonly syntaxProblems: SyntaxProblem[];
  readonly comments: TextRange[];
  readonly trailingCommas: TextRange[];
  readonly lines: LineIndex;
  /** The tree of one customer (an item of the body), where the document can build it alone. */
  customerNode?(index: number): Node | undefined;
  /** Where each customer is and its email's key, where the check found them without a whole tree. */
  readonly customers?: CustomerSpans;
}

/** The customers of a strict-JSON body: offsets of each (and of the array's "["), and each one's email key. */
export interface CustomerSpans {
  arrayStart: number;
  starts: number[];
  ends: number[];
  emails: (string | undefined)[];
}

/**
 * Visits each customer's tree: one at a time where the document builds them alone (a large
 * strict-JSON body then never has a whole tree), else from the whole tree. False when the body
 * is not an array.
 */
export function forEachCustomerNode(doc: JsonDocument, visit: (customer: Node, index: number) => void): boolean {
  const spans = doc.customers;
  if (spans && doc.customerNode) {
    for (let index = 0; index < spans.starts.length; index++) {
      const node = doc.customerNode(index);
      if (node) visit(node, index);
    }
    return true;
  }
  const root = doc.root;
  if (root?.type !== 'array') return false;
  root.children?.forEach(visit);
  return true;
}

/** The offset of the body's "[", when the body is an array. */
export function bodyArrayOffset(doc: JsonDocument): number | undefined {
  if (doc.customers) return doc.customers.arrayStart;
  return doc.root?.type === 'array' ? doc.root.offset : undefined;
}

const parseErrorMessages: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'Not a valid number',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here',
  [ParseErrorCode.ValueExpected]: 'A value is expected here',
  [ParseErrorCode.ColonExpected]: 'A colon (:) is expected after the property name',
  [ParseErrorCode.CommaExpected]: 'A comma is expected here',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace (}) is missing',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket (]) is missing',
  [ParseErrorCode.EndOfFileExpected]: 'Nothing may follow the top-level value',
  [ParseErrorCode.InvalidCommentToken]: 'Unfinished comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unfinished comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unfinished string: the closing double quote is missing',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unfinished number',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in a string',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string (control characters must be escaped)',
};

export function parseJsonDocument(text: string): JsonDocument {
  const tooDeep = nestingTooDeep(text);
  if (tooDeep !== undefined) {
    return jsonDocument({ text, root: undefined, value: undefined, syntaxProblems: [tooDeepProblem(tooDeep)], comments: [], trailingCommas: [] });
  }
  const strictRoot = parseStrictJsonTree(text);
  if (strictRoot) {
    // Nothing to report, and the engine's own parser gives the value several times faster than
    // walking the tree (the same value, but for a "__proto__" key, which it keeps as data).
    return jsonDocument({ text, root: strictRoot, value: JSON.parse(text), syntaxProblems: [], comments: [], trailingCommas: [] });
  }
  const { root, ...syntax } = parseTolerantly(text);
  return jsonDocument({ text, root, value: root ? getNodeValue(root) : undefined, ...syntax });
}

/** What is wrong with a text's syntax: the parser's problems, and what editors tolerate but BigCommerce does not. */
export interface SyntaxParts {
  syntaxProblems: SyntaxProblem[];
  comments: TextRange[];
  trailingCommas: TextRange[];
}

/** How many characters the tolerant parser has read, all texts together: what tests count to see it kept to where a text is broken. */
export const tolerantReading = { characters: 0 };

/** The tolerant parser's tree of a text that need not be strict JSON, and its syntax problems. Its nesting must have been checked. */
export function parseTolerantly(text: string): SyntaxParts & { root: Node | undefined } {
  tolerantReading.characters += text.length;
  const errors: ParseError[] = [];
  // Comments and trailing commas are tolerated by the parser so that the rest of the file can
  // still be checked; they are reported separately because BigCommerce accepts strict JSON only.
  const root = parseTree(text, errors, tolerantOptions);
  const { comments, trailingCommas } = scanTrivia(text);
  const syntaxProblems = errors.map((e) => ({
    // Clamped: errors at the end of the text (e.g. a missing "]") have nothing after them.
    range: { start: Math.min(e.offset, text.length), end: Math.min(e.offset + Math.max(1, e.length), text.length) },
    message: parseErrorMessages[e.error] ?? 'Invalid JSON',
  }));
  return { root, syntaxProblems, comments, trailingCommas };
}

export const tolerantOptions: ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** A document whose line index is built when first needed: the editor has its own. */
export function jsonDocument(parts: Omit<JsonDocument, 'lines'>): JsonDocument {
  let lines: LineIndex | undefined;
  return {
    ...parts,
    get lines() {
      return (lines ??= new LineIndex(parts.text));
    },
  };
}

/**
 * A strict-JSON document whose whole tree and value are built only if something asks for them:
 * the checks and the fixes need one customer's tree at a time, and a whole tree is many times
 * the size of the text.
 */
export function lazyJsonDocument(
  text: string,
  whole: { root(): Node | undefined; value(): unknown },
  customers: CustomerSpans,
  customerNode: (index: number) => Node | undefined,
): JsonDocument {
  let lines: LineIndex | undefined;
  let root: { node: Node | undefined } | undefined;
  let value: { value: unknown } | undefined;
  const document: JsonDocument = {
    text,
    syntaxProblems: [],
    comments: [],
    trailingCommas: [],
    customerNode,
    customers,
    get root() {
      return (root ??= { node: whole.root() }).node;
    },
    get value() {
      return (value ??= { value: whole.value() }).value;
    },
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
  builtParts.set(document, () => ({ root: root?.node, value: value?.value, built: { root: root !== undefined, value: value !== undefined } }));
  return document;
}

/**
 * A document of text that is not strict JSON, whose syntax problems are already known: its
 * whole tree and value are built, as parseJsonDocument builds them, only if something asks.
 */
export function lazyTolerantDocument(text: string, syntax: SyntaxParts): JsonDocument {
  let whole: JsonDocument | undefined;
  let lines: LineIndex | undefined;
  const parsed = () => (whole ??= parseJsonDocument(text));
  return {
    text,
    ...syntax,
    get root() {
      return parsed().root;
    },
    get value() {
      return parsed().value;
    },
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
}

const builtParts = new WeakMap<JsonDocument, () => { root: Node | undefined; value: unknown; built: { root: boolean; value: boolean } }>();

/** The whole tree and value of a lazy document, where something already asked for them (an edit moves them rather than dropping them). */
export function alreadyBuilt(document: JsonDocument): { root?: Node | undefined; value?: unknown } {
  const peek = builtParts.get(document)?.();
  if (!peek) return {};
  return { ...(peek.built.root ? { root: peek.root } : {}), ...(peek.built.value ? { value: peek.value } : {}) };
}

/** Parsers recurse: past a few thousand levels they overflow the stack. No payload nests like this. */
export function tooDeepProblem(offset: number): SyntaxProblem {
  return {
    range: { start: offset, end: offset + 1 },
    message: `The JSON is nested more than ${MAX_NESTING} levels deep here; no customers file is, so it is not checked further`,
  };
}

/** Where the brackets first nest deeper than MAX_NESTING, skipping strings and comments; undefined if nowhere. */
export function nestingTooDeep(text: string): number | undefined {
  return new NestingScan(text).scanTo(text.length);
}

/** nestingTooDeep a stretch at a time, so that a long text is read between other work. */
export class NestingScan {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** Reads on to `to` (a string or comment that goes on past it is read to its end): where the text first nests too deep, if it does by then. */
  scanTo(to: number): number | undefined {
    const text = this.text;
    let depth = this.depth;
    let i = this.at;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22 /* " */) {
        // To the closing quote, or to the end of the line, where the tolerant parser ends an unfinished string.
        for (i++; i < text.length; i++) {
          const s = text.charCodeAt(i);
          if (s === 0x5c /* \ */) i++;
          else if (s === 0x22 || s === 0x0a || s === 0x0d) break;
        }
      } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
        while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 1;
      } else if (c === 0x7b || c === 0x5b) {
        if (++depth > MAX_NESTING) return i;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth > 0) depth--;
      }
    }
    this.at = i;
    this.depth = depth;
    return undefined;
  }
}

function scanTrivia(text: string): { comments: TextRange[]; trailingCommas: TextRange[] } {
  const comments: TextRange[] = [];
  const trailingCommas: TextRange[] = [];
  // Fast path: a file with no slash has no comments, and no ",]" / ",}" pattern no trailing comma.
  const mayHaveComments = text.includes('/');
  if (!mayHaveComments && !/,\s*[\]}]/.test(text)) return { comments, trailingCommas };
  const scanner = createScanner(text, false);
  let pendingComma: TextRange | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        // Clamped: the scanner counts one character past the end of an unfinished comment.
        comments.push({ start: scanner.getTokenOffset(), end: Math.min(text.length, scanner.getTokenOffset() + scanner.getTokenLength()) });
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      case SyntaxKind.CommaToken:
        pendingComma = { start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + 1 };
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma) trailingCommas.push(pendingComma);
        pendingComma = undefined;
        break;
      default:
        pendingComma = undefined;
    }
  }
  return { comments, trailingCommas };
}

export function nodeAt(doc: JsonDocument, path: JsonPath | string): Node | undefined {
  const segments = typeof path === 'string' ? fromPointer(path) : path;
  if (doc.customerNode && typeof segments[0] === 'number') {
    const customer = doc.customerNode(segments[0]);
    return customer && findNode(customer, segments.slice(1));
  }
  return doc.root && findNode(doc.root, segments);
}

/**
 * The node at `path` below `node`. Where an object has a key twice, the last one: it is the
 * one JSON.parse, and BigCommerce, keep.
 */
export function findNode(node: Node, path: JsonPath): Node | undefined {
  let current: Node | undefined = node;
  for (const segment of path) {
    if (!current?.children) return undefined;
    if (current.type === 'array') {
      current = typeof segment === 'number' ? current.children[segment] : undefined;
    } else if (current.type === 'object') {
      current = propertyNode(current, String(segment))?.children?.[1];
    } else return undefined;
  }
  return current;
}

export function rangeOf(node: Node): TextRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The key of a property node's value, i.e. `"email"` in `"email": "x"`. */
export function keyNodeOf(valueNode: Node): Node | undefined {
  const property = valueNode.parent;
  return property?.type === 'property' ? property.children?.[0] : undefined;
}

/** The first character of an object or array (its brace), or the whole value otherwise. */
export function openingRange(node: Node): TextRange {
  return node.type === 'object' || node.type === 'array' ? { start: node.offset, end: node.offset + 1 } : rangeOf(node);
}

/** The property `name` of an object node: the last one, if the key is written twice. */
export function propertyNode(objectNode: Node, name: string): Node | undefined {
  if (objectNode.type !== 'object' || !objectNode.children) return undefined;
  const properties = objectNode.children;
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i]!;
    if (property.children?.[0]?.value === name) return property;
  }
  return undefined;
}
