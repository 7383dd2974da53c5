import type { TextEdit } from '../fixes/fixSpec';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from '../text/charCodes';
import type { FormatOptions } from './format';

const enum Expect {
  Value,
  Key,
  Colon,
  Next,
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * The edits that lay out `text` exactly as jsonc-parser's `format` lays out a whole document
 * (one value per line, one space after each colon, empty objects and arrays as `{}` and `[]`),
 * found in one pass that compares the white space between tokens with what belongs there, for
 * strict JSON only: undefined for anything else (comments, trailing commas, errors), which is
 * left to jsonc-parser. The edits are in document order and apart.
 */
export function strictJsonFormatEdits(text: string, options: FormatOptions): TextEdit[] | undefined {
  const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
  const eol = lineBreakOf(text) ?? options.eol;
  const indents = [''];
  const newline = (depth: number) => {
    while (indents.length <= depth) indents.push(indents[indents.length - 1] + unit);
    return eol + indents[depth];
  };
  const edits: TextEdit[] = [];
  const length = text.length;
  let i = 0;
  /** Moves past the white space at `i`, which is to read `expected`. */
  const gap = (expected: string) => {
    const start = i;
    for (let c = text.charCodeAt(i); c === SPACE || c === LF || c === CR || c === TAB; c = text.charCodeAt(++i));
    if (i - start !== expected.length || !text.startsWith(expected, start)) edits.push({ offset: start, length: i - start, newText: expected });
  };
  const peek = () => {
    let j = i;
    for (let c = text.charCodeAt(j); c === SPACE || c === LF || c === CR || c === TAB; c = text.charCodeAt(++j));
    return text.charCodeAt(j);
  };
  const stack: number[] = [];
  let expect = Expect.Value;
  gap('');
  while (i < length) {
    const c = text.charCodeAt(i);
    if (expect === Expect.Next) {
      const open = stack[stack.length - 1];
      if (c === COMMA && open !== undefined) {
        i++;
        gap(newline(stack.length));
        expect = open === OPEN_BRACE ? Expect.Key : Expect.Value;
        continue;
      }
      if (!((c === CLOSE_BRACE && open === OPEN_BRACE) || (c === CLOSE_BRACKET && open === OPEN_BRACKET))) return undefined;
      stack.pop();
      i++;
    } else if (expect === Expect.Colon) {
      if (c !== COLON) return undefined;
      i++;
      gap(' ');
      expect = Expect.Value;
      continue;
    } else if (c === QUOTE) {
      i = endOfString(text, i);
      if (i < 0) return undefined;
      expect = expect === Expect.Key ? Expect.Colon : Expect.Next;
      if (expect === Expect.Colon) {
        gap('');
        continue;
      }
    } else if (expect === Expect.Key) {
      return undefined;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      i++;
      if (peek() === close) {
        gap('');
        i++;
      } else {
        stack.push(c);
        gap(newline(stack.length));
        expect = c === OPEN_BRACE ? Expect.Key : Expect.Value;
        continue;
      }
    } else {
      scalar.lastIndex = i;
      const match = scalar.exec(text);
      if (!match) return undefined;
      i += match[0].length;
    }
    // After a value: a comma next, or the end of its container (on a line of its own), or of the text.
    expect = Expect.Next;
    const next = peek();
    if (next === COMMA) gap('');
    else if (stack.length) gap(newline(stack.length - 1));
    else {
      gap(options.insertFinalNewline ? eol : '');
      if (i < length) return undefined; // more after the one root value
    }
  }
  return stack.length || expect !== Expect.Next ? undefined : edits;
}

/** The text's first line break, which jsonc-parser keeps to over the one it is given. */
function lineBreakOf(text: string): string | undefined {
  const at = /\r\n?|\n/.exec(text);
  return at?.[0];
}

/** The index after a string's closing quote; -1 for a string JSON does not allow. */
function endOfString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -1;
    if (c === BACKSLASH) i++;
  }
  return -1;
}
