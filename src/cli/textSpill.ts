import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Text set aside until it can be written out, in order: in memory up to a limit, then in a
 * temporary file, so that memory stays flat however much there is. Pieces are copied when they
 * leave memory, so a piece that is a slice of a larger string keeps that string only until then.
 */
export class TextSpill {
  private pieces: string[] = [];
  private held = 0;
  private file: { dir: string; fd: number } | undefined;
  empty = true;

  constructor(
    private readonly memoryLimit = 1 << 20,
    /** where the temporary file goes */
    private readonly directory = tmpdir(),
  ) {}

  add(text: string): void {
    if (!text) return;
    this.empty = false;
    this.pieces.push(text);
    this.held += text.length;
    if (this.held >= this.memoryLimit) this.toFile();
  }

  /** Gives everything added, in order, a piece at a time; then forgets it. */
  *drain(): Generator<string> {
    try {
      if (this.file) {
        const { fd } = this.file;
        const chunk = Buffer.alloc(this.memoryLimit);
        const decoder = new StringDecoder('utf8');
        for (let position = 0, read; (read = readSync(fd, chunk, 0, chunk.length, position)) > 0; position += read) {
          yield decoder.write(chunk.subarray(0, read));
        }
      }
      if (this.pieces.length) yield this.pieces.join('');
    } finally {
      this.dispose();
    }
  }

  /** Forgets what was added; removes the temporary file. */
  dispose(): void {
    this.pieces = [];
    this.held = 0;
    this.empty = true;
    if (!this.file) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private toFile(): void {
    if (!this.file) {
      const dir = mkdtempSync(join(this.directory, 'bccustomers-'));
      this.file = { dir, fd: openSync(join(dir, 'spill'), 'w+', 0o600) };
      // Unnamed at once where the system allows it (the descriptor keeps the file), so that a
      // killed process leaves no customers' emails behind; elsewhere dispose() removes it.
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // Windows does not remove a file that is open.
      }
    }
    writeSync(this.file.fd, this.pieces.join(''));
    this.pieces = [];
    this.held = 0;
  }
}
