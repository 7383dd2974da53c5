import * as vscode from 'vscode';
import { forgetInJournal } from '../../core/journal';
import { apiBaseUrl } from '../settings';
import type { SendDependencies } from './sendCommand';

/**
 * "Forget" on a result: drops it from the editor, and from the send journal,
 * so that the next send sends the customer again instead of skipping it.
 * Without an email, every result of the file at the active store.
 */
export async function forgetResult(deps: Pick<SendDependencies, 'registry' | 'results' | 'journals'>, uri?: vscode.Uri, email?: string): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const store = deps.registry.active();
  if (!target || !store) return;
  const emails =
    email !== undefined
      ? [email]
      : deps.results
          .get(target)
          .filter((r) => r.storeHash === store.hash)
          .map((r) => r.email);
  await deps.results.forget(target, store.hash, email);
  const journal = await deps.journals.journalOf(store.hash);
  try {
    await forgetInJournal(journal, { storeHash: store.hash, apiBaseUrl: apiBaseUrl() }, emails);
  } finally {
    await journal.close();
  }
}
