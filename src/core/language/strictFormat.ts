import type { TextEdit } from '../fixes/fixSpec';
import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from '../text/charCodes';
import type { FormatOptions } from './format';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
/** Control characters JSON allows nowhere (tab, line feed and carriage return are white space between tokens). */
// eslint-disable-next-line no-control-regex -- finding control characters is its purpose
const strayControl = /[\0-\x08\x0b\x0c\x0e-\x1f]/;
const escape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The edits that lay out `text` exactly as jsonc-parser's `format` lays out a whole document
 * (one value per line, one space after each colon, empty objects and arrays as `{}` and `[]`),
 * in one pass that compares the white space between tokens with what belongs there and skips
 * strings with `indexOf`; values are never touched. For strict JSON only: undefined for
 * anything else (comments, trailing commas, errors), which is left to jsonc-parser. The edits
 * are in document order and apart; beyond `maxSeparateEdits` they come back as one edit over
 * the span they cover, built as the pass goes.
 */
export function strictJsonFormatEdits(text: string, options: FormatOptions, maxSeparateEdits = Number.POSITIVE_INFINITY): TextEdit[] | undefined {
  if (strayControl.test(text)) return undefined;
  const eol = lineBreakOf(text) ?? options.eol;
  const lineStarts = new LineStarts(eol, options.insertSpaces ? ' '.repeat(options.tabSize) : '\t');
  const strings = new StringEnds(text);
  const out = new Edits(text, maxSeparateEdits);
  const length = text.length;
  /** The open brackets and braces around `i`. */
  const open: number[] = [];
  let i = skipWhiteSpace(text, 0);
  out.gap(0, i, '');
  let keyNext = false;
  for (;;) {
    // A value (or, in an object, a key) starts at i.
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = strings.endOf(i);
      if (i < 0) return undefined;
      if (keyNext) {
        let j = skipWhiteSpace(text, i);
        out.gap(i, j, '');
        if (text.charCodeAt(j) !== COLON) return undefined;
        i = skipWhiteSpace(text, ++j);
        out.gap(j, i, ' ');
        keyNext = false;
        continue;
      }
    } else if (keyNext) {
      return undefined;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const j = skipWhiteSpace(text, ++i);
      if (text.charCodeAt(j) === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        out.gap(i, j, '');
        i = j + 1;
      } else {
        open.push(c);
        out.gap(i, j, lineStarts.at(open.length));
        i = j;
        keyNext = c === OPEN_BRACE;
        continue;
      }
    } else {
      scalar.lastIndex = i;
      if (!scalar.test(text)) return undefined;
      i = scalar.lastIndex;
    }
    // After a value: a comma and the next value, or the ends of containers, or of the text.
    for (;;) {
      const j = skipWhiteSpace(text, i);
      const next = text.charCodeAt(j);
      const container = open[open.length - 1];
      if (container === undefined) {
        out.gap(i, j, options.insertFinalNewline ? eol : '');
        return j < length ? undefined : out.edits(); // more after the one root value
      }
      if (next === COMMA) {
        out.gap(i, j, '');
        i = skipWhiteSpace(text, j + 1);
        out.gap(j + 1, i, lineStarts.at(open.length));
        keyNext = container === OPEN_BRACE;
        break;
      }
      if (next !== (container === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) return undefined;
      open.pop();
      out.gap(i, j, lineStarts.at(open.length));
      i = j + 1;
    }
  }
}

function skipWhiteSpace(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === SPACE || c === LF || c === CR || c === TAB; c = text.charCodeAt(++i));
  return i;
}

/** The text's first line break, which jsonc-parser keeps to over the one it is given. */
function lineBreakOf(text: string): string | undefined {
  const lineFeed = text.indexOf('\n');
  const carriageReturn = text.indexOf('\r');
  if (carriageReturn < 0) return lineFeed < 0 ? undefined : '\n';
  if (lineFeed >= 0 && lineFeed < carriageReturn) return '\n';
  return text.charCodeAt(carriageReturn + 1) === LF ? '\r\n' : '\r';
}

/** A line break and the indentation of each depth, made once. */
class LineStarts {
  private readonly byDepth: string[];

  constructor(
    eol: string,
    private readonly unit: string,
  ) {
    this.byDepth = [eol];
  }

  at(depth: number): string {
    const known = this.byDepth;
    while (known.length <= depth) known.push(known[known.length - 1] + this.unit);
    return known[depth]!;
  }
}

/**
 * Where strings end, found with `indexOf`: the next quote, unless an escape or a character a
 * string may not hold (tab, line break) comes first. The next position of each of those is
 * kept until the reading passes it, so the text is searched for each only once.
 */
class StringEnds {
  private backslash = -1;
  private tab = -1;
  private lineFeed = -1;
  private carriageReturn = -1;

  constructor(private readonly text: string) {}

  /** The index after the closing quote of the string that opens at `quote`; -1 for one JSON does not allow. */
  endOf(quote: number): number {
    const text = this.text;
    let from = quote + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close < 0) return -1;
      if (this.tab < from) this.tab = nextIndex(text, '\t', from);
      if (this.lineFeed < from) this.lineFeed = nextIndex(text, '\n', from);
      if (this.carriageReturn < from) this.carriageReturn = nextIndex(text, '\r', from);
      if (Math.min(this.tab, this.lineFeed, this.carriageReturn) < close) return -1;
      if (this.backslash < from) this.backslash = nextIndex(text, '\\', from);
      if (this.backslash > close) return close + 1;
      escape.lastIndex = this.backslash;
      if (!escape.test(text)) return -1;
      from = escape.lastIndex;
    }
  }
}

/** Where `search` next occurs from `from` on; never again (infinity) if nowhere. */
function nextIndex(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}

/** Parts of the new text joined into one string at a time, so that few small strings live at once. */
const PARTS_PER_CHUNK = 1 << 14;

/**
 * The edits found so far. Beyond the most kept apart, the new text of the span from the first
 * edit on is built as it goes instead: slices of the text and the expected white space, joined
 * a few thousand at a time, since millions of small edits would cost more than the layout itself.
 */
class Edits {
  private readonly separate: TextEdit[] = [];
  private first = -1;
  /** Where the text is copied on from, once the edits are too many to keep apart. */
  private copied = -1;
  private readonly chunks: string[] = [];
  private parts: string[] | undefined;

  constructor(
    private readonly text: string,
    private readonly maxSeparate: number,
  ) {}

  /** The white space from `start` to `end` is to read `expected`. */
  gap(start: number, end: number, expected: string): void {
    if (end - start === expected.length && (end === start || this.text.startsWith(expected, start))) return;
    if (this.parts) this.write(start, end, expected);
    else if (this.separate.length < this.maxSeparate) this.separate.push({ offset: start, length: end - start, newText: expected });
    else {
      this.first = this.separate[0]?.offset ?? start;
      this.copied = this.first;
      this.parts = [];
      for (const edit of this.separate) this.write(edit.offset, edit.offset + edit.length, edit.newText);
      this.write(start, end, expected);
    }
  }

  edits(): TextEdit[] {
    if (!this.parts) return this.separate;
    this.chunks.push(this.parts.join(''));
    return [{ offset: this.first, length: this.copied - this.first, newText: this.chunks.join('') }];
  }

  /** Copies the text up to `start`, then `expected` in place of what runs to `end`. */
  private write(start: number, end: number, expected: string): void {
    const parts = this.parts!;
    if (start > this.copied) parts.push(this.text.slice(this.copied, start));
    parts.push(expected);
    this.copied = end;
    if (parts.length >= PARTS_PER_CHUNK) {
      this.chunks.push(parts.join(''));
      parts.length = 0;
    }
  }
}
