/** The first byte of a file that is not valid UTF-8. */
export interface InvalidByte {
  /** its offset in the file, in bytes */
  byteOffset: number;
  /** its offset in the decoded text, where it became U+FFFD */
  offset: number;
  value: number;
}

/**
 * Decodes a payload file's bytes, a chunk at a time: UTF-8 (a byte-order mark is dropped), or
 * UTF-16 when the file starts with its byte-order mark. Bytes that are not valid UTF-8 become
 * U+FFFD, as every editor shows them, and the first of them is kept in `invalid`: a file with
 * them must not be sent, since the replacement characters would be sent in place of the text.
 */
export class PayloadDecoder {
  private decoder: Decoder | undefined;
  private lossy = false;
  private bytesSeen = 0;
  private textLength = 0;
  private previousTail: Uint8Array = new Uint8Array(0);
  invalid: InvalidByte | undefined;

  decode(bytes: Uint8Array, last = false): string {
    this.decoder ??= decoderFor(bytes);
    let text: string;
    if (this.lossy) text = this.decoder.decode(bytes, { stream: !last });
    else {
      try {
        text = this.decoder.decode(bytes, { stream: !last });
      } catch {
        text = this.switchToLossy(bytes, last);
      }
    }
    this.previousTail = bytes.subarray(bytes.length - incompleteTailLength(bytes));
    this.bytesSeen += bytes.length;
    this.textLength += text.length;
    return text;
  }

  /** The chunk again, by a decoder that replaces what is not UTF-8, and where the first such byte is. */
  private switchToLossy(bytes: Uint8Array, last: boolean): string {
    this.lossy = true;
    const prefix = this.previousTail;
    const validUpTo = (length: number): boolean => {
      try {
        // A fresh decoder each time: a streaming one would carry its state into the next try.
        new TextDecoder('utf-8', { fatal: true }).decode(concat(prefix, bytes.subarray(0, length)), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    // The longest prefix of the chunk that still decodes: the next byte is the first bad one.
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (validUpTo(mid)) low = mid;
      else high = mid - 1;
    }
    // A sequence left unfinished there is where it goes wrong (it may have begun in the previous chunk).
    const bad = Math.min(low - incompleteTailLength(concat(prefix, bytes.subarray(0, low))), bytes.length - 1);
    this.decoder = new TextDecoder('utf-8', { ignoreBOM: this.bytesSeen > 0 });
    this.decoder.decode(prefix, { stream: true });
    const text = this.decoder.decode(bytes, { stream: !last });
    const at = text.indexOf('\uFFFD');
    this.invalid = {
      byteOffset: this.bytesSeen + bad,
      offset: this.textLength + Math.max(0, at),
      value: bad >= 0 ? bytes[bad]! : prefix[prefix.length + bad]!,
    };
    return text;
  }
}

/** A whole file's bytes as text; see PayloadDecoder. */
export function decodePayload(bytes: Uint8Array): { text: string; invalid?: InvalidByte } {
  const decoder = new PayloadDecoder();
  const text = decoder.decode(bytes, true);
  return decoder.invalid ? { text, invalid: decoder.invalid } : { text };
}

type Decoder = InstanceType<typeof TextDecoder>;

function decoderFor(first: Uint8Array): Decoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8', { fatal: true });
}

/** How many bytes at the end start a UTF-8 sequence that the next chunk finishes. */
function incompleteTailLength(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > k ? k : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
