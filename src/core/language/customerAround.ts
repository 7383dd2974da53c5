import type { TextRange } from '../document/jsonDocument';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, OPEN_BRACE, OPEN_BRACKET, QUOTE, SLASH, STAR } from '../text/charCodes';

/**
 * Completion and hover need only the customer under the cursor. In a body of many customers
 * they work on that customer alone, wrapped as a body of one — the schema is the same for
 * every customer — so that a large file is not parsed again on each request.
 */
export interface Narrowed {
  text: string;
  offset: number;
  /** Add to an offset in `text` to get the offset in the whole text. */
  shift: number;
}

export function narrowToCustomer(text: string, offset: number): Narrowed {
  const item = customerAround(text, offset);
  if (!item) return { text, offset, shift: 0 };
  // A customer that runs to the end of the text (being typed) stays unclosed, as it is in the text.
  const close = item.end < text.length ? ']' : '';
  return { text: `[${text.slice(item.start, item.end)}${close}`, offset: offset - item.start + 1, shift: item.start - 1 };
}

export function shiftRange(range: TextRange, shift: number): TextRange {
  return { start: range.start + shift, end: range.end + shift };
}

/**
 * The text of the object or array, at the top level of an array body, whose brackets hold
 * `offset` (from its opening bracket's end to its closing one, which it may lack while being
 * typed). A quick scan of strings, comments and brackets; undefined anywhere else.
 */
export function customerAround(text: string, offset: number): TextRange | undefined {
  const length = text.length;
  let i = 0;
  while (i < length && text.charCodeAt(i) <= 0x20) i++;
  if (text.charCodeAt(i) !== OPEN_BRACKET) return undefined;
  let depth = 0;
  let itemStart = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = endOfString(text, i);
    else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = endOfLine(text, i);
    else if (c === SLASH && text.charCodeAt(i + 1) === STAR) i = endOfBlockComment(text, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2) itemStart = i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2) {
        if (itemStart >= offset) return undefined; // the cursor was between customers
        if (offset <= i) return { start: itemStart, end: i + 1 };
      }
      depth--;
      if (depth <= 0) return undefined;
    }
  }
  return depth >= 2 && offset > itemStart ? { start: itemStart, end: length } : undefined;
}

/** The index of a string's closing quote; an unfinished string ends with its line, as a JSON scanner ends it. */
function endOfString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i;
    if (c === BACKSLASH) i++;
    else if (c === 0x0a || c === 0x0d) return i - 1;
  }
  return text.length - 1;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length - 1 : newline;
}

function endOfBlockComment(text: string, from: number): number {
  const close = text.indexOf('*/', from + 2);
  return close < 0 ? text.length - 1 : close + 1;
}
