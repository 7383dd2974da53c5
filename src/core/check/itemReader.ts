import { ArrayItemScanner, type ScannedItem } from '../text/arrayItemScanner';

/** The stretch of text the scanner takes at a time, so that a slice never scans for long. */
export const SCAN_CHUNK = 1 << 18;

/** What is scanned first after a comma to see whether strict reading takes over: about one customer. */
const FIRST_PROBE = 1 << 10;

/** Reads the items of an array with the scanner, a stretch of text at a time. */
export class ItemReader {
  private items: ScannedItem[] = [];
  private head = 0;
  private state: 'reading' | 'end' | 'failed' | 'more' = 'reading';
  private readonly collect = (item: ScannedItem) => void this.items.push(item);

  constructor(
    private readonly text: string,
    readonly scanner: ArrayItemScanner,
    /** where the next stretch starts */
    private at: number,
    /** how long it is: it doubles up to SCAN_CHUNK */
    private stretch: number,
    /** false when more text may follow this one (a file read a piece at a time) */
    private readonly textEnds = true,
  ) {}

  /**
   * The next item; `undefined` after a stretch scanned when more text follows (a moment to
   * pause); 'end' after the array, 'failed' where the text stops being strict JSON, 'more' where
   * the text at hand ends before the file does.
   */
  next(): ScannedItem | 'end' | 'failed' | 'more' | undefined {
    for (;;) {
      if (this.head < this.items.length) return this.items[this.head++];
      if (this.state !== 'reading') return this.state;
      this.items = [];
      this.head = 0;
      if (this.at >= this.text.length) {
        this.state = !this.textEnds ? 'more' : this.scanner.finish(this.collect) ? 'end' : 'failed';
        continue;
      }
      if (!this.scanner.push(this.text.slice(this.at, this.at + this.stretch), this.collect)) this.state = 'failed';
      this.at += this.stretch;
      this.stretch = Math.min(this.stretch * 2, SCAN_CHUNK);
      if (this.at < this.text.length) return undefined;
    }
  }
}

/** A strict item of the array, and the reader that found it, reading on after it. */
export interface StrictItem {
  reader: ItemReader;
  item: ScannedItem;
  value: unknown;
}

/**
 * The strict reading that can take over right after a comma at `offset`: when the next item is
 * strict JSON, that item; 'more' when the text at hand ends before it can tell.
 */
export function strictItemAfter(text: string, offset: number, arrayStart: number): StrictItem | undefined;
export function strictItemAfter(text: string, offset: number, arrayStart: number, textEnds: boolean): StrictItem | 'more' | undefined;
export function strictItemAfter(text: string, offset: number, arrayStart: number, textEnds = true): StrictItem | 'more' | undefined {
  const reader = new ItemReader(text, ArrayItemScanner.afterComma(offset, arrayStart), offset, FIRST_PROBE, textEnds);
  let next: ReturnType<ItemReader['next']>;
  while ((next = reader.next()) === undefined);
  if (next === 'more') return next;
  if (typeof next !== 'object') return undefined;
  const value = parseItem(text, next);
  return value === unparsed ? undefined : { reader, item: next, value };
}

export const unparsed = Symbol('not strict JSON');

/** The item's value, or `unparsed` where JSON.parse refuses its text. */
export function parseItem(text: string, { start, end }: ScannedItem): unknown {
  try {
    return JSON.parse(text.slice(start, end)) as unknown;
  } catch {
    return unparsed;
  }
}
