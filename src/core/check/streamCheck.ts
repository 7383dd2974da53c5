import type { Node } from 'jsonc-parser';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { findNode, jsonDocument, nestingTooDeep, rangeOf, type TextRange, tooDeepProblem } from '../document/jsonDocument';
import { parseStrictJsonValueAt, shiftOffsets } from '../document/strictJsonTree';
import { channelAccessOfCustomer, duplicateEmailDiagnostic, EmailRegister, emailKeyOf } from '../rules/duplicateEmails';
import { syntaxDiagnostics } from '../rules/syntaxRules';
import { bodySizeDiagnostics } from '../schema/schemaDiagnostics';
import { ArrayItemScanner, type ScannedItem } from '../text/arrayItemScanner';
import type { Position } from '../text/lineIndex';
import { findRegionEnd, parseRegion, type RegionStart } from './brokenRegion';
import { inDocumentOrder } from './check';
import { checkCustomer, textMayHide } from './checkCustomer';
import { type StrictItem, strictItemAfter } from './itemReader';

/**
 * A problem with its line and character, for output that cannot keep the text to work them out
 * later. Its strings may be slices of the text read: whoever keeps it should keep a copy.
 */
export interface PositionedDiagnostic {
  diagnostic: BcDiagnostic;
  start: Position;
  end: Position;
}

/**
 * The check of a file read a piece at a time (`push` each piece of text, then `finish`): it keeps
 * only the customer being read and, of the others, their emails. It gives the same problems as
 * `checkText`, without what needs the whole text at hand: the duplicate email's link to the first
 * customer and whether the two are identical. Where the array stops being strict JSON, it keeps
 * the text from the last good customer until it can tell where strict JSON resumes (see
 * brokenRegion.ts), and reads that stretch tolerantly. A text that is not an array at all turns
 * `needsWholeText` on: the caller then checks the whole text with `checkText`.
 *
 * Problems go to `out` in document order as they are found, customer after customer (a broken
 * stretch's all at once); only those at the opening bracket (the body's size, known last) wait,
 * and `finish` gives them.
 */
export class StreamingCheck {
  private scanner = new ArrayItemScanner();
  private readonly emails = new EmailRegister();
  private readonly lines = new LineTracker();
  private buffer = '';
  /** offset of the buffer's first character in the whole text */
  private base = 0;
  private arrayStart: Position | undefined;
  /** customers checked so far */
  private count = 0;
  /** one past the last customer read strictly */
  private lastGoodEnd: number | undefined;
  /** the item JSON.parse refused, in the piece being scanned */
  private refused = false;
  /** where the broken stretch being read starts (while one is), and how long it was when last tried */
  private broken: { start: RegionStart; tried: number } | undefined;
  /** problems at the opening bracket, held until the body's size is known */
  private readonly atOpeningBracket: PositionedDiagnostic[] = [];
  needsWholeText = false;
  /** the text has been dealt with: no more pieces are needed */
  done = false;

  constructor(private readonly out: (found: PositionedDiagnostic) => void) {}

  /** The line and character of an offset in the piece just pushed (or in the customer still being read). */
  positionAt(offset: number): Position {
    return this.lines.positionAt(this.buffer, this.base, offset);
  }

  push(text: string): void {
    if (this.done) return;
    this.buffer += text;
    if (!this.lines.crSeen && text.includes('\r')) this.lines.crSeen = true;
    if (!this.broken) this.scan(text);
    if (this.broken) this.readBroken(false);
    else this.dropReadText();
  }

  /**
   * After the last piece: the problems at the opening bracket (the body's own, its size, and any
   * syntax problem there), which come before every other in the document but are known only now.
   */
  finish(): PositionedDiagnostic[] {
    if (this.done) return this.atOpeningBracket.splice(0);
    if (!this.broken) this.finishScan();
    this.readBroken(true);
    if (this.done) return this.atOpeningBracket.splice(0);
    this.done = true;
    const start = (this.arrayStart ??= this.positionAt(this.scanner.arrayStart));
    const stub = { type: 'array' as const, offset: this.scanner.arrayStart, length: 1 };
    const end = { line: start.line, character: start.character + 1 };
    const held = [...this.atOpeningBracket.splice(0), ...bodySizeDiagnostics(stub, this.count).map((d) => ({ diagnostic: d, start, end }))];
    return inDocumentOrder(held.map((p) => p.diagnostic)).map((d) => held.find((p) => p.diagnostic === d)!);
  }

  /** How many customers have been read. */
  get customers(): number {
    return this.count;
  }

  /** The memory the emails of the customers read so far take, in bytes. */
  get emailBytes(): number {
    return this.emails.byteSize;
  }

  /** Scans text that follows what the scanner has read; a broken stretch starts where it stops being strict JSON. */
  private scan(text: string): void {
    if (!this.scanner.push(text, (item) => this.checkItem(item)) || this.refused) this.startBroken();
  }

  private finishScan(): void {
    if (!this.scanner.finish((item) => this.checkItem(item)) || this.refused) this.startBroken();
  }

  private startBroken(): void {
    const failure = this.scanner.failure;
    if (failure?.kind === 'not-array' || failure?.kind === 'too-deep') return this.failed();
    this.arrayStart ??= this.positionAt(this.scanner.arrayStart);
    this.refused = false;
    const start = this.lastGoodEnd === undefined ? { offset: this.scanner.arrayStart, afterItem: false } : { offset: this.lastGoodEnd, afterItem: true };
    this.broken = { start, tried: 0 };
  }

  /**
   * Reads the broken stretch once the text at hand tells where it ends (each time it has doubled,
   * so that a long one is not read over and over), and goes on strictly after it. At the end of
   * the file (`final`), the stretch runs at most to its end.
   */
  private readBroken(final: boolean): void {
    while (this.broken && !this.done) {
      const { start, tried } = this.broken;
      const local = { offset: start.offset - this.base, afterItem: start.afterItem };
      const pending = this.buffer.length - local.offset;
      if (!final && pending < 2 * tried) return;
      this.broken.tried = pending;
      // The tolerant parser recurses: a stretch nested too deep is not read.
      const tooDeep = nestingTooDeep(this.buffer.slice(local.offset));
      if (tooDeep !== undefined) {
        this.done = true;
        const { range, message } = tooDeepProblem(start.offset + tooDeep);
        return this.emit(diagnostic('json-syntax', message, range, ''));
      }
      let resumed: { end: number; resumed: StrictItem } | undefined;
      try {
        resumed = findRegionEnd(this.buffer, local, (offset) => {
          const found = strictItemAfter(this.buffer, offset, this.scanner.arrayStart - this.base, final);
          if (found === 'more') throw needMore;
          return found;
        });
      } catch (error) {
        if (error === needMore) return;
        throw error;
      }
      if (!resumed && !final) return;
      this.readRegion(local, resumed?.end);
      this.broken = undefined;
      if (!resumed) return;
      const resumeAt = this.base + resumed.end;
      this.lines.advance(this.buffer, this.base, resumeAt);
      this.buffer = this.buffer.slice(resumed.end);
      this.base = resumeAt;
      this.scanner = ArrayItemScanner.afterComma(resumeAt, this.scanner.arrayStart);
      this.scan(this.buffer);
      if (final && !this.broken) this.finishScan();
      if (!this.broken) this.dropReadText();
    }
  }

  /** The problems of a broken stretch of the buffer: its syntax, and its customers'. */
  private readRegion(start: RegionStart, end: number | undefined): void {
    const stub: Node = { type: 'array', offset: this.scanner.arrayStart, length: 1, children: [] };
    const { customers, ...syntax } = parseRegion(this.buffer, start, end, stub);
    const local = jsonDocument({ text: this.buffer, root: undefined, value: undefined, ...syntax });
    const found = syntaxDiagnostics(local).map((d) => movedBy(d, this.base));
    for (const { node, value } of customers) {
      shiftOffsets(node, this.base);
      found.push(...this.checkValue(value, () => node, true));
    }
    this.emitAll(found);
  }

  private failed(): void {
    this.done = true;
    const failure = this.scanner.failure;
    if (failure?.kind !== 'too-deep') {
      this.needsWholeText = true;
      return;
    }
    const { range, message } = tooDeepProblem(failure.offset);
    this.emit(diagnostic('json-syntax', message, range, ''));
  }

  private checkItem({ start, end, flags, colons }: ScannedItem): void {
    if (this.done || this.refused) return;
    const local = start - this.base;
    this.arrayStart ??= this.positionAt(this.scanner.arrayStart);
    this.lines.advance(this.buffer, this.base, start);
    let value: unknown;
    try {
      value = JSON.parse(this.buffer.slice(local, end - this.base));
    } catch {
      this.refused = true;
      return;
    }
    const tree = () => {
      const node = parseStrictJsonValueAt(this.buffer, local, end - this.base, undefined);
      if (node) shiftOffsets(node, this.base);
      return node;
    };
    this.emitAll(this.checkValue(value, tree, textMayHide({ flags, colons }, value)));
    this.lastGoodEnd = end;
  }

  private checkValue(value: unknown, tree: () => Node | undefined, mayHide: boolean): BcDiagnostic[] {
    const index = this.count++;
    const found = checkCustomer({ index, value, tree, textMayHide: mayHide });
    const access = channelAccessOfCustomer(value);
    const clash = this.emails.add(emailKeyOf(value), access, index);
    const email = clash && findNode(tree()!, ['email']);
    if (clash && email) found.push(duplicateEmailDiagnostic({ index, access, email: String(email.value), range: rangeOf(email), ...clash }));
    return found;
  }

  /** Problems that follow all those given so far, in any order. */
  private emitAll(found: BcDiagnostic[]): void {
    for (const d of inDocumentOrder(found)) this.emit(d);
  }

  private emit(found: BcDiagnostic): void {
    const positioned = { diagnostic: found, start: this.positionAt(found.range.start), end: this.positionAt(found.range.end) };
    // Held to go with the body's size, which only `finish` knows.
    if (found.range.start === this.scanner.arrayStart) this.atOpeningBracket.push(positioned);
    else this.out(positioned);
  }

  /** Forgets the text of the customers already checked (after counting its lines). */
  private dropReadText(): void {
    const keepFrom = Math.max(this.base, this.scanner.lastItemEnd);
    if (keepFrom === this.base) return;
    this.lines.advance(this.buffer, this.base, keepFrom);
    this.buffer = this.buffer.slice(keepFrom - this.base);
    this.base = keepFrom;
  }
}

/** Thrown where the text at hand ends before it can tell whether strict reading takes over. */
const needMore = new Error('more text needed');

/** A diagnostic found in the buffer, moved to its offsets in the whole text. */
function movedBy(d: BcDiagnostic, delta: number): BcDiagnostic {
  const move = (range: TextRange): TextRange => ({ start: range.start + delta, end: range.end + delta });
  return { ...d, range: move(d.range), ...(d.fix && 'range' in d.fix ? { fix: { ...d.fix, range: move(d.fix.range) } } : {}) };
}

/** Counts lines as LineIndex does (\n, \r\n or a lone \r), forward only, over text that is then forgotten. */
class LineTracker {
  private offset = 0;
  private line = 0;
  private lineStart = 0;
  /** whether the text has a carriage return anywhere: until then, lines are counted by searching for \n */
  crSeen = false;

  /** Moves to `to`, which must lie in `text` (whose first character is at `base`). */
  advance(text: string, base: number, to: number): void {
    const counted = this.count(text, base, to);
    this.offset = to;
    this.line = counted.line;
    this.lineStart = counted.lineStart;
  }

  positionAt(text: string, base: number, offset: number): Position {
    const { line, lineStart } = this.count(text, base, Math.max(offset, this.offset));
    return { line, character: offset - lineStart };
  }

  private count(text: string, base: number, to: number): { line: number; lineStart: number } {
    let line = this.line;
    let lineStart = this.lineStart;
    const end = Math.min(to - base, text.length);
    let i = this.offset - base;
    if (!this.crSeen) {
      for (let at = text.indexOf('\n', i); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) {
        line++;
        lineStart = base + at + 1;
      }
      return { line, lineStart };
    }
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        line++;
        lineStart = base + i + 1;
      }
    }
    return { line, lineStart };
  }
}
