import * as charCodes from './charCodes';

// Plain constants in this module: an imported binding can cost a property read per character.
const { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } = charCodes;

/** Deeper than this, a text is not checked: no customer comes near it, and parsers recurse. */
export const MAX_NESTING = 256;

/** What the scanner saw in an item's text, so that the checks that need them run only where they can find something. */
export const enum ItemFlags {
  None = 0,
  /** a backslash escape in a string (a `\u` escape may be a lone surrogate) or a surrogate character */
  Escapes = 1,
  /** U+FFFD, the replacement character: bytes that were not valid UTF-8 when the file was read */
  Replacement = 2,
}

/** One top-level item of the array: [start, end) in the whole text. */
export interface ScannedItem {
  start: number;
  end: number;
  flags: ItemFlags;
  /** colons outside strings: the number of properties the text writes, duplicates included */
  colons: number;
}

export type ScanFailure = { kind: 'not-array' | 'not-strict' } | { kind: 'too-deep'; offset: number };

const enum Phase {
  BeforeArray,
  /** after "[" : an item or "]" */
  FirstItem,
  /** after "," : an item */
  NextItem,
  /** after an item: "," or "]" */
  AfterItem,
  InItem,
  AfterArray,
  Failed,
}

/**
 * Finds the items of a top-level JSON array without parsing them: their offsets, and a few
 * facts about their text. It takes the text in chunks (offsets count from the first chunk), so
 * that a file of any size can be read a piece at a time. Strings are skipped, brackets
 * counted; everything between items must be strict JSON, and each item's own text is left to
 * `JSON.parse`. It never recurses, whatever the nesting.
 */
export class ArrayItemScanner {
  private phase = Phase.BeforeArray;
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** a number, true, false or null as the item: it ends at the next delimiter */
  private bare = false;
  private item: ScannedItem = { start: 0, end: 0, flags: ItemFlags.None, colons: 0 };
  /** where the "[" is */
  arrayStart = -1;
  /** one past the "]" */
  arrayEnd = -1;
  items = 0;
  /** one past the last item read so far */
  lastItemEnd = -1;
  failure: ScanFailure | undefined;
  /** The chunk has no surrogate and no U+FFFD: a string can be skipped to its closing quote at once. */
  private plainChunk = false;
  /** The chunk's next backslash at or after the last string skipped (the chunk's length when none). */
  private backslashAt = -1;

  /** A scanner that goes on reading an array right after one of its commas (at `offset`, the next chunk's first character). */
  static afterComma(offset: number, arrayStart: number): ArrayItemScanner {
    const scanner = new ArrayItemScanner();
    scanner.phase = Phase.NextItem;
    scanner.offset = offset;
    scanner.arrayStart = arrayStart;
    return scanner;
  }

  /** Scans the next chunk; `onItem` is called for each item that ends in it. False once the text is known not to fit. */
  push(chunk: string, onItem: (item: ScannedItem) => void): boolean {
    const base = this.offset;
    const length = chunk.length;
    this.plainChunk = !surrogateOrReplacement.test(chunk);
    this.backslashAt = -1;
    let i = 0;
    while (i < length) {
      if (this.phase === Phase.InItem) {
        i = this.scanItem(chunk, i, base, onItem);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++;
        continue;
      }
      switch (this.phase) {
        case Phase.BeforeArray:
          if (c !== OPEN_BRACKET) return this.fail({ kind: 'not-array' });
          this.arrayStart = base + i;
          this.phase = Phase.FirstItem;
          i++;
          continue;
        case Phase.FirstItem:
        case Phase.NextItem:
          if (c === CLOSE_BRACKET && this.phase === Phase.FirstItem) {
            this.arrayEnd = base + i + 1;
            this.phase = Phase.AfterArray;
            i++;
            continue;
          }
          if (c === CLOSE_BRACKET || c === COMMA || c === COLON || c === CLOSE_BRACE) return this.fail({ kind: 'not-strict' });
          this.startItem(base + i, c);
          if (!this.bare) i++; // a number or literal is read from its first character
          continue;
        case Phase.AfterItem:
          if (c === COMMA) this.phase = Phase.NextItem;
          else if (c === CLOSE_BRACKET) {
            this.arrayEnd = base + i + 1;
            this.phase = Phase.AfterArray;
          } else return this.fail({ kind: 'not-strict' });
          i++;
          continue;
        default:
          return this.fail({ kind: 'not-strict' });
      }
    }
    this.offset = base + length;
    return true;
  }

  /** After the last chunk: false unless the text was one whole array. */
  finish(onItem: (item: ScannedItem) => void): boolean {
    if (this.phase === Phase.InItem && this.bare) this.endItem(this.offset, onItem);
    if (this.phase === Phase.Failed) return false;
    if (this.phase !== Phase.AfterArray) return this.fail(this.phase === Phase.BeforeArray ? { kind: 'not-array' } : { kind: 'not-strict' });
    return true;
  }

  private fail(failure: ScanFailure): false {
    this.failure ??= failure;
    this.phase = Phase.Failed;
    return false;
  }

  private startItem(start: number, c: number): void {
    this.phase = Phase.InItem;
    this.item = { start, end: start, flags: ItemFlags.None, colons: 0 };
    this.depth = 0;
    this.escaped = false;
    this.inString = false;
    this.bare = false;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
    else if (c === QUOTE) this.inString = true;
    else this.bare = true;
  }

  private endItem(end: number, onItem: (item: ScannedItem) => void): void {
    this.item.end = end;
    this.lastItemEnd = end;
    this.items++;
    this.phase = Phase.AfterItem;
    this.bare = false;
    onItem(this.item);
  }

  /** Scans inside an item from `from`; returns where to go on. */
  private scanItem(chunk: string, from: number, base: number, onItem: (item: ScannedItem) => void): number {
    const length = chunk.length;
    const item = this.item;
    let i = from;
    if (this.bare) {
      for (; i < length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
          this.endItem(base + i, onItem);
          return i;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET || c === QUOTE || c === CLOSE_BRACE || c === COLON) {
          this.fail({ kind: 'not-strict' });
          return length;
        }
      }
      return i;
    }
    let depth = this.depth;
    let inString = this.inString;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (; i < length; i++) {
      if (inString && this.plainChunk) i = this.skipPlainString(chunk, i);
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            this.inString = false;
            this.endItem(base + i + 1, onItem);
            return i + 1;
          }
        } else if (c === BACKSLASH) {
          item.flags |= ItemFlags.Escapes;
          if (i + 1 === length) {
            this.escaped = true;
          }
          i++;
        } else if (c >= 0xd800) {
          if (c === 0xfffd) item.flags |= ItemFlags.Replacement;
          else if (c <= 0xdfff) item.flags |= ItemFlags.Escapes;
        }
        continue;
      }
      switch (c) {
        case QUOTE:
          inString = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (++depth > MAX_NESTING) {
            this.fail({ kind: 'too-deep', offset: base + i });
            return length;
          }
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (--depth === 0) {
            this.depth = 0;
            this.inString = false;
            this.endItem(base + i + 1, onItem);
            return i + 1;
          }
          break;
        case COLON:
          item.colons++;
          break;
        default:
          if (c === 0xfffd) item.flags |= ItemFlags.Replacement;
      }
    }
    this.depth = depth;
    this.inString = inString;
    return i;
  }

  /** Where the string that goes on at `from` ends, when no backslash comes first: its closing quote; else `from`. */
  private skipPlainString(chunk: string, from: number): number {
    if (this.backslashAt < from) {
      const at = chunk.indexOf('\\', from);
      this.backslashAt = at < 0 ? chunk.length : at;
    }
    const quote = chunk.indexOf('"', from);
    return quote >= 0 && quote < this.backslashAt ? quote : from;
  }
}

/** Characters a string may hold that the scanner must look at one by one. */
const surrogateOrReplacement = /[\uD800-\uDFFF\uFFFD]/;
