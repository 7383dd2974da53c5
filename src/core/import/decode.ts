/** The encodings a CSV can be read in: UTF-8 (with or without a BOM), or Windows-1252 when asked. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

export const csvEncodings: readonly CsvEncoding[] = ['utf-8', 'windows-1252'];

/** A file that cannot be imported as it is; the message says why and what to do. */
export class ImportProblem extends Error {
  /** `not-utf8`: reading the file as Windows-1252 may be the way forward; `unknown-format`: a mapping file is. */
  constructor(
    message: string,
    readonly kind?: 'not-utf8' | 'unknown-format',
  ) {
    super(message);
  }
}

/**
 * Bytes to text, chunk by chunk. UTF-8 is decoded strictly: a byte that is not UTF-8 stops the
 * import with its position, rather than turning into "�" in a customer's name. Excel's "CSV"
 * on Windows is Windows-1252, so the message says what the byte would be there.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding = 'utf-8'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, encoding === 'utf-8' ? { fatal: true } : {});
  let bytesBefore = 0;
  let linesBefore = 0;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(chunk, bytesBefore, linesBefore);
    }
    bytesBefore += chunk.byteLength;
    linesBefore += countLines(text);
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new ImportProblem('The file is not UTF-8: it ends in the middle of a character. Save it as "CSV UTF-8" and import it again.', 'not-utf8');
  }
  if (rest) yield rest;
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function notUtf8(chunk: Uint8Array, bytesBefore: number, linesBefore: number): ImportProblem {
  // Where the bad byte is: the lenient decoder's first replacement character.
  const lenient = new TextDecoder('utf-8').decode(chunk);
  const at = Math.max(0, lenient.indexOf('\uFFFD'));
  const offset = new TextEncoder().encode(lenient.slice(0, at)).byteLength;
  const byte = chunk[offset] ?? chunk[0] ?? 0;
  const line = linesBefore + countLines(lenient.slice(0, at)) + 1;
  const asWindows1252 = new TextDecoder('windows-1252').decode(new Uint8Array([byte]));
  return new ImportProblem(
    `The file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line} (byte ${bytesBefore + offset + 1}). ` +
      `In Windows-1252, the encoding of Excel's "CSV" on Windows, it would be "${asWindows1252}". ` +
      'Save the file as "CSV UTF-8", or import it as Windows-1252.',
    'not-utf8',
  );
}
