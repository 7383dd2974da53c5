import * as vscode from 'vscode';
import { readResumePlan, resultsFromJournal } from '../../core/journal';
import { languageId } from '../settings';
import { planSend, type SendDependencies } from './sendCommand';

/**
 * When a customers file is opened (also after a reload or a crash), finds a
 * send of it to the active store that stopped part way, shows what it
 * created, and offers to resume it.
 */
export class ResumePrompt implements vscode.Disposable {
  private readonly asked = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly deps: SendDependencies,
    private readonly resume: (uri: vscode.Uri) => Thenable<unknown>,
  ) {
    this.subscription = vscode.workspace.onDidOpenTextDocument((document) => void this.check(document));
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== languageId || document.uri.scheme !== 'file' || !vscode.workspace.isTrusted) return;
    const key = document.uri.toString();
    if (this.asked.has(key)) return;
    this.asked.add(key);
    try {
      const plan = await planSend(this.deps, document.uri);
      if (!plan.ok) return;
      const target = { apiBaseUrl: plan.baseUrl, storeHash: plan.store.hash, accessToken: plan.token };
      const journal = await readResumePlan(await this.deps.journals.journalOf(plan.store.hash), target, plan.customers);
      const settled = journal.inStore;
      if (journal.interrupted.length === 0 && (settled === 0 || settled === plan.customers.length)) return;
      await this.deps.results.add(document.uri, resultsFromJournal(journal.settled, plan.store.hash));
      const total = plan.customers.length + plan.skipped.length;
      const done = settled + plan.skipped.length;
      const choice = await vscode.window.showInformationMessage(
        `A send of this file to ${plan.store.hash} stopped after ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} customers. Resume?`,
        'Resume',
      );
      if (choice === 'Resume') await this.resume(document.uri);
    } catch (error) {
      this.deps.log.warn(`Could not read the send journal for ${document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
