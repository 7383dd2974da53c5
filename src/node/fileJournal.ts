/**
 * A send journal in a file: each append is one write followed by an fsync,
 * so once `append` resolves the record survives a kill or a power cut. The
 * file is readable by its owner only, because it holds customers' emails.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { JournalStorage } from '../core/journal/journalStorage';

export class FileJournal implements JournalStorage {
  private handle: Promise<FileHandle> | undefined;

  constructor(readonly path: string) {}

  async read(): Promise<string> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  async append(text: string): Promise<void> {
    this.handle ??= open(this.path, 'a', 0o600);
    const handle = await this.handle;
    await handle.appendFile(text, 'utf8');
    await handle.datasync();
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }
}
