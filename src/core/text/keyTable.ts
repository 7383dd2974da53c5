/** A hash of a key's bytes, as a 32-bit unsigned integer. */
export type KeyHash = (bytes: Uint8Array, length: number) => number;

export interface KeyTableOptions {
  /** slots to start with (rounded up to a power of two): the table doubles as it fills */
  initialSlots?: number;
  /** tests force collisions with a poor one */
  hash?: KeyHash;
}

/**
 * A set of strings that numbers each one (0, 1, 2, … in the order first seen) and costs about
 * the bytes of its keys: their bytes (as UTF-8 for emails) sit end to end in typed arrays, an
 * open-addressing table of slots finds them, and two keys are the same only when every byte is.
 * A million emails take tens of megabytes here, where a `Map` of strings takes several times that.
 */
export class KeyTable {
  private readonly hash: KeyHash;
  /** entry + 1 per slot; 0 is an empty slot */
  private slots: Int32Array;
  /** where each key's bytes start: page × PAGE_BYTES + offset in the page */
  private keyStart = new Uint32Array(16);
  private keyLength = new Uint32Array(16);
  private keyHash = new Uint32Array(16);
  /**
   * The keys' bytes, in pages that are never copied (the first ones small, for the editor's small
   * files): growing one array would need the old and the new at once, half as much again.
   */
  private readonly pages: Uint8Array[] = [new Uint8Array(1024)];
  /** bytes used in the last page */
  private pageUsed = 0;
  /** the bytes of the key being looked up */
  private scratch = new Uint8Array(256);
  size = 0;

  constructor({ initialSlots = 16, hash = mixedFnv1a }: KeyTableOptions = {}) {
    this.hash = hash;
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(2, initialSlots))));
  }

  /** The key's number: its own if it was seen before, else the next one (then `size` grows by one). */
  intern(key: string): number {
    const length = this.encode(key);
    const hash = this.hash(this.scratch, length) >>> 0;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return this.append(slot, hash, length);
      const entry = held - 1;
      if (this.keyHash[entry] === hash && this.keyLength[entry] === length && this.sameBytes(entry, length)) return entry;
    }
  }

  /** The memory the table holds, in bytes. */
  get byteSize(): number {
    return (
      this.slots.byteLength +
      this.keyStart.byteLength +
      this.keyLength.byteLength +
      this.keyHash.byteLength +
      this.pages.reduce((sum, page) => sum + page.byteLength, 0) +
      this.scratch.byteLength
    );
  }

  /**
   * Writes the key's bytes into `scratch`; gives their count. Each UTF-16 unit on its own, as
   * UTF-8 writes a character of its size (CESU-8): a lone surrogate keeps its own bytes, where
   * UTF-8 would make it U+FFFD and two different keys one.
   */
  private encode(key: string): number {
    if (this.scratch.length < key.length * 3) this.scratch = new Uint8Array(key.length * 3);
    const scratch = this.scratch;
    let at = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c < 0x80) scratch[at++] = c;
      else if (c < 0x800) {
        scratch[at++] = 0xc0 | (c >> 6);
        scratch[at++] = 0x80 | (c & 0x3f);
      } else {
        scratch[at++] = 0xe0 | (c >> 12);
        scratch[at++] = 0x80 | ((c >> 6) & 0x3f);
        scratch[at++] = 0x80 | (c & 0x3f);
      }
    }
    return at;
  }

  private sameBytes(entry: number, length: number): boolean {
    const start = this.keyStart[entry]!;
    const page = this.pages[start >>> PAGE_SHIFT]!;
    const offset = start & (PAGE_BYTES - 1);
    const scratch = this.scratch;
    for (let i = 0; i < length; i++) if (page[offset + i] !== scratch[i]) return false;
    return true;
  }

  private append(slot: number, hash: number, length: number): number {
    const entry = this.size++;
    if (entry === this.keyStart.length) {
      this.keyStart = grown(this.keyStart, entry * 2);
      this.keyLength = grown(this.keyLength, entry * 2);
      this.keyHash = grown(this.keyHash, entry * 2);
    }
    let page = this.pages[this.pages.length - 1]!;
    if (this.pageUsed + length > page.length) {
      // Each page twice the last up to PAGE_BYTES; a key longer than that gets a page of its own.
      page = new Uint8Array(Math.max(length, Math.min(page.length * 2, PAGE_BYTES)));
      this.pages.push(page);
      this.pageUsed = 0;
    }
    page.set(this.scratch.subarray(0, length), this.pageUsed);
    this.keyStart[entry] = (this.pages.length - 1) * PAGE_BYTES + this.pageUsed;
    this.keyLength[entry] = length;
    this.keyHash[entry] = hash;
    this.pageUsed += length;
    this.slots[slot] = entry + 1;
    // At most half full, so that a look-up finds an empty slot within a few steps.
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return entry;
  }

  private rehash(slotCount: number): void {
    const slots = new Int32Array(slotCount);
    const mask = slotCount - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.keyHash[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** Keys start within this many bytes of their page's start: a page is at most this long, or holds one longer key. */
const PAGE_SHIFT = 20;
const PAGE_BYTES = 1 << PAGE_SHIFT;

/** A copy of a typed array with room for `length` items. */
export function grown<T extends Uint32Array | Int32Array>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}

/**
 * FNV-1a over the bytes, then mixed (MurmurHash3's finalizer): FNV's low bits, which pick the
 * slot, depend only on the low bits of each byte, and emails often differ in one digit.
 */
function mixedFnv1a(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
