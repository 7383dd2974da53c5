import type { Node } from 'jsonc-parser';
import * as charCodes from '../text/charCodes';

// Plain constants in this module: an imported binding can cost a property read per character.
const { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } = charCodes;

/**
 * Builds the same positioned tree as jsonc-parser's `parseTree`, for strict JSON only, about
 * three times faster: a payload as BigCommerce takes it is the common case, and every check
 * re-parses the whole file. Returns `undefined` at the first thing strict JSON does not allow
 * (comments, trailing commas, any syntax error), and the caller falls back to `parseTree`,
 * which tolerates those and reports them.
 */
export function parseStrictJsonTree(text: string): Node | undefined {
  return parseStrictJsonValueAt(text, 0, text.length, undefined);
}

/**
 * The tree of the one value that `text` holds between `start` and `end` (whitespace around it
 * allowed), with offsets into the whole text and `parent` as its parent; `undefined` unless that
 * stretch is exactly one strict JSON value.
 */
export function parseStrictJsonValueAt(text: string, start: number, end: number, parent: Node | undefined): Node | undefined {
  try {
    const parser = new StrictParser(text, start, end);
    const node = parser.value(parent ?? noParent);
    return parser.atEnd() ? node : undefined;
  } catch {
    return undefined; // not strict JSON, or nested deeper than the stack allows
  }
}

/**
 * Reads a strict-JSON array an item at a time, so that a long one can be read in slices.
 * `next()` gives the next item's tree (also added to `root`), `null` after the last one, or
 * `undefined` as soon as the text turns out not to be strict JSON.
 */
export class StrictArrayReader {
  private done = false;

  private constructor(
    private readonly parser: StrictParser,
    readonly root: Node,
  ) {}

  /** A reader of `text`, or `undefined` when it does not hold an array. */
  static open(text: string): StrictArrayReader | undefined {
    const parser = new StrictParser(text, 0, text.length);
    const root = parser.openArray();
    return root && new StrictArrayReader(parser, root);
  }

  next(): Node | null | undefined {
    if (this.done) return null;
    try {
      const item = this.parser.nextItem(this.root);
      if (item) return item;
      this.done = true;
      return this.parser.atEnd() ? null : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Moves every offset of `node`'s tree by `delta`, in place. */
export function shiftOffsets(node: Node, delta: number): void {
  const moving = node as Building;
  moving.offset += delta;
  if (moving.colonOffset !== undefined) moving.colonOffset += delta;
  if (node.children) for (const child of node.children) shiftOffsets(child, delta);
}

const notStrict = new Error('not strict JSON');

/** Nodes are filled in as the parser reaches their end. */
/** jsonc-parser's trees carry `parent: undefined` at the root, which its `Node` type does not spell. */
const noParent = undefined as unknown as Node;

type Building = { -readonly [K in keyof Node]: Node[K] } & { children?: Node[] };

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class StrictParser {
  private pos: number;

  /** Reads `text` from `start`; the value must end by `end`, which is only whitespace after it. */
  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  atEnd(): boolean {
    while (this.pos < this.end && isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos === this.end;
  }

  /** Reads up to and including the "[" of an array; undefined when the value there is not an array. */
  openArray(): Building | undefined {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== OPEN_BRACKET) return undefined;
    const node: Building = { type: 'array', offset: this.pos, length: 0, parent: noParent, children: [] };
    this.pos++;
    return node;
  }

  /** Reads the next item of `array` (opened by openArray), or its "]" and then returns null. */
  nextItem(array: Building): Node | null {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === CLOSE_BRACKET) {
      this.pos++;
      array.length = this.pos - array.offset;
      return null;
    }
    if (array.children!.length > 0) {
      if (c !== COMMA) throw notStrict;
      this.pos++;
    }
    const item = this.value(array);
    array.children!.push(item);
    return item;
  }

  value(parent: Node): Node {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_BRACE) return this.object(parent);
    if (c === OPEN_BRACKET) return this.array(parent);
    if (c === QUOTE) return this.string(parent);
    if (c === 0x74 /* t */) return this.literal(parent, 'true', 'boolean', true);
    if (c === 0x66 /* f */) return this.literal(parent, 'false', 'boolean', false);
    if (c === 0x6e /* n */) return this.literal(parent, 'null', 'null', null);
    return this.number(parent);
  }

  private object(parent: Node): Node {
    const node: Building = { type: 'object', offset: this.pos, length: 0, parent, children: [] };
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) !== QUOTE) throw notStrict;
        const property: Building = { type: 'property', offset: this.pos, length: 0, parent: node, children: [] };
        const key = this.string(property);
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) !== COLON) throw notStrict;
        property.colonOffset = this.pos;
        this.pos++;
        const value = this.value(property);
        property.children!.push(key, value);
        property.length = value.offset + value.length - property.offset;
        node.children!.push(property);
        this.skipWhitespace();
        const next = this.text.charCodeAt(this.pos);
        if (next === CLOSE_BRACE) break;
        if (next !== COMMA) throw notStrict;
        this.pos++;
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    return node;
  }

  private array(parent: Node): Node {
    const node: Building = { type: 'array', offset: this.pos, length: 0, parent, children: [] };
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        node.children!.push(this.value(node));
        this.skipWhitespace();
        const next = this.text.charCodeAt(this.pos);
        if (next === CLOSE_BRACKET) break;
        if (next !== COMMA) throw notStrict;
        this.pos++;
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    return node;
  }

  private string(parent: Node): Node {
    const start = this.pos;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 0x20 || Number.isNaN(c)) throw notStrict; // control character or end of text
      i++;
    }
    this.pos = i + 1;
    const raw = this.text.slice(start, this.pos);
    let value: string;
    if (!escaped) value = raw.slice(1, -1);
    else {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        throw notStrict;
      }
    }
    return { type: 'string', offset: start, length: this.pos - start, parent, value };
  }

  private number(parent: Node): Node {
    numberPattern.lastIndex = this.pos;
    const match = numberPattern.exec(this.text);
    if (!match) throw notStrict;
    const start = this.pos;
    this.pos += match[0].length;
    return { type: 'number', offset: start, length: this.pos - start, parent, value: Number(match[0]) };
  }

  private literal(parent: Node, word: string, type: 'boolean' | 'null', value: boolean | null): Node {
    if (!this.text.startsWith(word, this.pos)) throw notStrict;
    const start = this.pos;
    this.pos += word.length;
    return { type, offset: start, length: word.length, parent, value };
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    while (isWhitespace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
