import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JournalStorage } from '../../core/journal';
import { FileJournal } from '../../node/fileJournal';

/**
 * One send journal per store, in the extension's global storage: customers
 * are recognised by their content, so a file renamed or moved (or a copy of
 * it in another workspace) resumes from the same journal.
 */
export class SendJournals {
  constructor(private readonly storageDir: vscode.Uri) {}

  /** The store hash is letters and digits only (it is checked before any send), so it is a safe file name. */
  async journalOf(storeHash: string): Promise<JournalStorage & { close(): Promise<void> }> {
    const dir = join(this.storageDir.fsPath, 'send-journals');
    await mkdir(dir, { recursive: true });
    return new FileJournal(join(dir, `${storeHash}.journal`));
  }
}
