import { createScanner, findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
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
  const strictRoot = parseStrictJsonTree(text);
  if (strictRoot) {
    // Nothing to report, and the engine's own parser gives the value several times faster than
    // walking the tree (the same value, but for a "__proto__" key, which it keeps as data).
    return jsonDocument({ text, root: strictRoot, value: JSON.parse(text), syntaxProblems: [], comments: [], trailingCommas: [] });
  }
  const errors: ParseError[] = [];
  // Comments and trailing commas are tolerated by the parser so that the rest of the file can
  // still be checked; they are reported separately because BigCommerce accepts strict JSON only.
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const { comments, trailingCommas } = scanTrivia(text);
  const syntaxProblems = errors.map((e) => ({
    // Clamped: errors at the end of the text (e.g. a missing "]") have nothing after them.
    range: { start: Math.min(e.offset, text.length), end: Math.min(e.offset + Math.max(1, e.length), text.length) },
    message: parseErrorMessages[e.error] ?? 'Invalid JSON',
  }));
  return jsonDocument({ text, root, value: root ? getNodeValue(root) : undefined, syntaxProblems, comments, trailingCommas });
}

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
  if (!doc.root) return undefined;
  return findNodeAtLocation(doc.root, typeof path === 'string' ? fromPointer(path) : path);
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

export function propertyNode(objectNode: Node, name: string): Node | undefined {
  if (objectNode.type !== 'object') return undefined;
  for (const property of objectNode.children ?? []) {
    if (property.children?.[0]?.value === name) return property;
  }
  return undefined;
}
