import * as vscode from 'vscode';
import { readResumePlan, resultRows, resultsCsv, resultsJson } from '../../core/journal';
import { apiBaseUrl, languageId } from '../settings';
import type { SendDependencies } from './sendCommand';

/** "BigCommerce: Export Send Results": one row per customer of the file, as CSV or JSON, from the send journal. */
export async function exportSendResults(deps: SendDependencies, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== languageId) {
    void vscode.window.showWarningMessage('Open a .bccustomers.json file to export the results of sending it.');
    return undefined;
  }
  const store = deps.registry.active();
  if (!store) {
    void vscode.window.showWarningMessage('No BigCommerce store is selected: select the store the file was sent to.');
    return undefined;
  }
  const value: unknown = deps.diagnostics.analysisOf(document).document.value;
  const customers = (Array.isArray(value) ? value : []).map((customer: unknown, index) => ({ index, value: customer }));
  const { settled } = await readResumePlan(await deps.journals.journalOf(store.hash), { storeHash: store.hash, apiBaseUrl: apiBaseUrl() }, customers);
  if (settled.size === 0) {
    void vscode.window.showInformationMessage(`No send of this file to store ${store.hash} has results to export yet.`);
    return undefined;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: document.uri.path.replace(/\.bccustomers\.json$|\.json$/, '') + `.${store.hash}.results.csv` }),
    filters: { CSV: ['csv'], JSON: ['json'] },
    title: `Export the results of sending this file to store ${store.hash}`,
  });
  if (!target) return undefined;
  const rows = resultRows(customers, settled);
  const text = target.path.toLowerCase().endsWith('.json') ? resultsJson(rows) : resultsCsv(rows);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(
    `Exported the results of ${rows.length.toLocaleString('en-US')} customers to ${vscode.workspace.asRelativePath(target)}.`,
  );
  return target;
}
