import * as vscode from 'vscode';
import { readResumePlan, resultRows, sendSummaryMarkdown } from '../../core/journal';
import { customersOf } from '../../core/results/sendResults';
import { apiBaseUrl, languageId } from '../settings';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import type { SendDependencies } from './sendCommand';

export const summaryScheme = 'bccustomers-summary';

/**
 * "BigCommerce: Show Send Summary": a read-only Markdown document of what
 * sending a file to the active store did, from its send journal: totals, the
 * refusals grouped by the store's reason, each customer a link to its line.
 */
export class SendSummaryView {
  readonly documents = new ReadOnlyDocuments(summaryScheme);

  constructor(private readonly deps: SendDependencies) {}

  async open(source?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const document = source ? await vscode.workspace.openTextDocument(source) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== languageId) {
      void vscode.window.showWarningMessage('Open a .bccustomers.json file to see the summary of sending it.');
      return undefined;
    }
    const store = this.deps.registry.active();
    if (!store) {
      void vscode.window.showWarningMessage('No BigCommerce store is selected: select the store the file was sent to.');
      return undefined;
    }
    const parsed = this.deps.diagnostics.analysisOf(document).document;
    const value: unknown = parsed.value;
    const customers = (Array.isArray(value) ? value : []).map((customer: unknown, index) => ({ index, value: customer }));
    const journal = await this.deps.journals.journalOf(store.hash);
    const plan = await readResumePlan(journal, { storeHash: store.hash, apiBaseUrl: apiBaseUrl() }, customers);
    await journal.close();
    if (plan.settled.size === 0 && plan.interrupted.length === 0) {
      void vscode.window.showInformationMessage(`No send of this file to store ${store.hash} has results yet.`);
      return undefined;
    }
    const offsets = new Map(customersOf(parsed).map(({ index, node }) => [index, node.offset]));
    const text = sendSummaryMarkdown({
      file: vscode.workspace.asRelativePath(document.uri),
      storeHash: store.hash,
      rows: resultRows(customers, plan.settled),
      unclear: new Set(plan.interrupted.flatMap((r) => r.indexes)),
      // A file link with its line: Markdown opens the file there.
      linkTo: (index) => document.uri.with({ fragment: `L${document.positionAt(offsets.get(index) ?? 0).line + 1}` }).toString(),
    });
    return this.documents.show(`${document.uri.path.replace(/\.json$/i, '')}.${store.hash}.send-summary.md`, text);
  }
}
