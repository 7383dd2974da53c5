import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { findNode, rangeOf, tooDeepProblem } from '../document/jsonDocument';
import { parseStrictJsonValueAt, shiftOffsets } from '../document/strictJsonTree';
import { channelAccessOfCustomer, duplicateEmailDiagnostic, EmailRegister, emailKeyOf } from '../rules/duplicateEmails';
import { bodySizeDiagnostics } from '../schema/schemaDiagnostics';
import { ArrayItemScanner, type ScannedItem } from '../text/arrayItemScanner';
import type { Position } from '../text/lineIndex';
import { inDocumentOrder } from './check';
import { checkCustomer, textMayHide } from './checkCustomer';

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
 * customer and whether the two are identical. A text that is not a strict-JSON array turns
 * `needsWholeText` on: the caller then checks the whole text with `checkText`.
 *
 * Problems go to `out` in document order, customer after customer, as they are found; only the
 * body's own problems (its size, at its opening bracket) come first in the document, and `finish`
 * gives them, once the count is known.
 */
export class StreamingCheck {
  private readonly scanner = new ArrayItemScanner();
  private readonly emails = new EmailRegister();
  private readonly lines = new LineTracker();
  private buffer = '';
  /** offset of the buffer's first character in the whole text */
  private base = 0;
  private arrayStart: Position | undefined;
  needsWholeText = false;
  /** the text has been dealt with: no more pieces are needed */
  done = false;

  constructor(private readonly out: (found: PositionedDiagnostic) => void) {}

  /** The memory the emails of the customers read so far take, in bytes. */
  get emailBytes(): number {
    return this.emails.byteSize;
  }

  /** The line and character of an offset in the piece just pushed (or in the customer still being read). */
  positionAt(offset: number): Position {
    return this.lines.positionAt(this.buffer, this.base, offset);
  }

  push(text: string): void {
    if (this.done) return;
    this.buffer += text;
    if (!this.lines.crSeen && text.includes('\r')) this.lines.crSeen = true;
    const ok = this.scanner.push(text, (item) => this.checkItem(item));
    if (!ok) return this.failed();
    this.dropReadText();
  }

  /**
   * After the last piece: the body's own problems (its size), which come before every other in
   * the document but can only be known now.
   */
  finish(): PositionedDiagnostic[] {
    if (this.done) return [];
    if (!this.scanner.finish((item) => this.checkItem(item))) {
      this.failed();
      return [];
    }
    if (this.needsWholeText) return [];
    this.done = true;
    const start = (this.arrayStart ??= this.positionAt(this.scanner.arrayStart));
    const stub = { type: 'array' as const, offset: this.scanner.arrayStart, length: 1 };
    const end = { line: start.line, character: start.character + 1 };
    return bodySizeDiagnostics(stub, this.scanner.items).map((found) => ({ diagnostic: found, start, end }));
  }

  /** How many customers have been read. */
  get customers(): number {
    return this.scanner.items;
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
    if (this.done) return;
    const index = this.scanner.items - 1;
    const local = start - this.base;
    this.arrayStart ??= this.positionAt(this.scanner.arrayStart);
    this.lines.advance(this.buffer, this.base, start);
    let value: unknown;
    try {
      value = JSON.parse(this.buffer.slice(local, end - this.base));
    } catch {
      this.done = true;
      this.needsWholeText = true;
      return;
    }
    const tree = () => {
      const node = parseStrictJsonValueAt(this.buffer, local, end - this.base, undefined);
      if (node) shiftOffsets(node, this.base);
      return node;
    };
    const found = checkCustomer({ index, value, tree, textMayHide: textMayHide({ flags, colons }, value) });
    const access = channelAccessOfCustomer(value);
    const clash = this.emails.add(emailKeyOf(value), access, index);
    if (clash) {
      const email = findNode(tree()!, ['email'])!;
      found.push(duplicateEmailDiagnostic({ index, access, email: String(email.value), range: rangeOf(email), ...clash }));
    }
    for (const d of inDocumentOrder(found)) this.emit(d);
  }

  private emit(found: BcDiagnostic): void {
    this.out({ diagnostic: found, start: this.positionAt(found.range.start), end: this.positionAt(found.range.end) });
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
