import { normalizeEmail } from '../email';
import { journalLine } from './journalRecords';
import type { JournalStorage } from './journalStorage';
import { storeIdentity } from './storeIdentity';

/**
 * Makes a journal forget what it knows of customers with these emails at a
 * store, so that the next send sends them again (after the merchant removed
 * them from the store, say). Appended like every record; a line torn by an
 * earlier crash is closed first.
 */
export async function forgetInJournal(storage: JournalStorage, target: { storeHash: string; apiBaseUrl: string }, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  const existing = await storage.read();
  const repair = existing !== '' && !existing.endsWith('\n') ? '\n' : '';
  await storage.append(repair + journalLine({ type: 'forget', ...storeIdentity(target), emails: [...new Set(emails.map(normalizeEmail))] }));
}
