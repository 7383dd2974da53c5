import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodePayload, type InvalidByte, PayloadDecoder } from '../core/text/decodeBytes';

export interface PayloadFile {
  text: string;
  /** the first byte that is not valid UTF-8: such a file must not be sent, its text would reach the store damaged */
  invalid?: InvalidByte;
}

/** A payload file's text, decoded as the editor would (UTF-8, or UTF-16 with its byte-order mark). */
export async function readPayloadFile(file: string): Promise<PayloadFile> {
  return decodePayload(await readFile(file));
}

/** The same, a piece at a time, for files too large to hold. `decoder.invalid` tells afterwards whether every byte was UTF-8. */
export async function* readPayloadPieces(file: string, decoder: PayloadDecoder): AsyncGenerator<string> {
  for await (const chunk of createReadStream(file, { highWaterMark: PIECE_BYTES })) {
    yield decoder.decode(chunk as Buffer);
  }
  const rest = decoder.decode(new Uint8Array(0), true);
  if (rest) yield rest;
}

// Pieces small enough for V8's young generation: larger strings are allocated where only a full
// collection frees them, and a large file's read pieces would pile up there first.
const PIECE_BYTES = 1 << 16;
