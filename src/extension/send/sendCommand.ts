import * as vscode from 'vscode';
import { customersOf, resultsFromReport } from '../../core/results/sendResults';
import { maxCustomersPerRequest } from '../../core/schema/customerSchema';
import { sendCustomers, type CustomerToSend, type SendReport } from '../../core/send/sender';
import { checkApiBaseUrl } from '../../core/send/storeTarget';
import type { DiagnosticsController } from '../language/diagnosticsController';
import { apiBaseUrl, languageId } from '../settings';
import type { SavedStore, StoreRegistry } from '../store/storeRegistry';
import { describeRequest } from './requestLog';
import type { ResultsStore } from './resultsStore';

export interface SendDependencies {
  diagnostics: DiagnosticsController;
  registry: StoreRegistry;
  results: ResultsStore;
  log: vscode.LogOutputChannel;
}

/** What is about to be sent, after the pre-flight checks; or why nothing can be. */
export type SendPlan =
  | { ok: false; reason: string; action?: { title: string; command: string } }
  | { ok: true; document: vscode.TextDocument; store: SavedStore; token: string; baseUrl: string; customers: CustomerToSend[]; emails: Map<number, string>; skipped: { index: number; email: string; id?: number }[] };

export async function planSend(deps: SendDependencies, uri?: vscode.Uri): Promise<SendPlan> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== languageId) return { ok: false, reason: 'Open a .bccustomers.json file to send its customers.' };
  if (!vscode.workspace.isTrusted) {
    return { ok: false, reason: 'Sending customers is disabled in Restricted Mode. Trust this workspace to send; checking and quick fixes keep working.', action: { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' } };
  }
  const store = deps.registry.active();
  const token = store && (await deps.registry.token(store.hash));
  if (!store || !token) return { ok: false, reason: 'No BigCommerce store is selected.', action: { title: 'Set Store Credentials', command: 'bigcommerceCustomers.setCredentials' } };
  const baseUrl = apiBaseUrl();
  const urlProblem = checkApiBaseUrl(baseUrl);
  if (urlProblem) return { ok: false, reason: `The setting bigcommerceCustomers.apiBaseUrl is not usable: ${urlProblem}`, action: { title: 'Open Settings', command: 'workbench.action.openSettings' } };
  const analysis = deps.diagnostics.analysisOf(document);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) {
    return { ok: false, reason: `This file has ${errors} error${errors === 1 ? '' : 's'} that BigCommerce would reject (see the Problems panel). Fix them, then send again.`, action: { title: 'Show Problems', command: 'workbench.actions.view.problems' } };
  }
  const created = new Map(deps.results.get(document.uri).filter((r) => r.storeHash === store.hash && r.outcome === 'created').map((r) => [r.email, r.id]));
  const values = Array.isArray(analysis.document.value) ? analysis.document.value : [];
  const customers: CustomerToSend[] = [];
  const emails = new Map<number, string>();
  const skipped: { index: number; email: string; id?: number }[] = [];
  for (const { index, email } of customersOf(analysis.document)) {
    if (email) emails.set(index, email);
    if (email && created.has(email)) skipped.push({ index, email, id: created.get(email) });
    else customers.push({ index, value: values[index] });
  }
  return { ok: true, document, store, token, baseUrl, customers, emails, skipped };
}

/** "BigCommerce: Send Customers". */
export async function sendCommand(deps: SendDependencies, uri?: vscode.Uri): Promise<SendReport | undefined> {
  const plan = await planSend(deps, uri);
  if (!plan.ok) {
    const choice = await vscode.window.showWarningMessage(plan.reason, ...(plan.action ? [plan.action.title] : []));
    if (choice && plan.action) await vscode.commands.executeCommand(plan.action.command);
    return undefined;
  }
  const { store, customers, skipped } = plan;
  const skippedText = skipped.length ? ` ${skipped.length} already created in this store ${skipped.length === 1 ? 'is' : 'are'} skipped.` : '';
  if (!customers.length) {
    void vscode.window.showInformationMessage(`Nothing to send: every customer of this file was already created in store ${store.hash}.${skippedText}`);
    return undefined;
  }
  if (!(await confirm(deps.registry, store, customers.length, skippedText))) return undefined;

  const started = Date.now();
  deps.log.info(`Sending ${customers.length} customers of ${plan.document.uri.fsPath} to store ${store.hash} (${plan.baseUrl}).${skippedText}`);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Sending customers to store ${store.hash}`, cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      let reported = 0;
      return sendCustomers({ apiBaseUrl: plan.baseUrl, storeHash: store.hash, accessToken: plan.token }, customers, {
        signal: abort.signal,
        onRequest: (entry) => deps.log.info(describeRequest(entry)),
        onProgress: (p) => {
          const done = Math.round((p.done / p.total) * 100);
          progress.report({ message: `${p.done}/${p.total} · ${p.created} created · ${p.failed} failed${p.waitingMs ? ` · ${p.message}` : ''}`, increment: done - reported });
          reported = done;
        },
      });
    },
  );
  await deps.results.add(plan.document.uri, resultsFromReport(report, plan.emails, store.hash));
  deps.log.info(`Send to store ${store.hash} finished in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.created.length} created, ${report.failed.length} failed, ${report.notSent.length} not sent, ${report.requests} requests.`);
  await summarize(report, store.hash, skipped.length);
  return report;
}

async function confirm(registry: StoreRegistry, store: SavedStore, count: number, skippedText: string): Promise<boolean> {
  if (store.skipConfirmation && !store.production) return true;
  const requests = Math.ceil(count / maxCustomersPerRequest());
  const send = 'Send';
  const always = "Send, and don't ask again for this store";
  const choice = await vscode.window.showWarningMessage(
    `Create ${count} customer${count === 1 ? '' : 's'} in ${store.production ? 'PRODUCTION ' : ''}store ${store.hash}?`,
    { modal: true, detail: `${requests} request${requests === 1 ? '' : 's'} of at most ${maxCustomersPerRequest()} customers.${skippedText}` },
    ...(store.production ? [send] : [send, always]),
  );
  if (choice === always) await registry.update({ ...store, skipConfirmation: true });
  return choice === send || choice === always;
}

async function summarize(report: SendReport, storeHash: string, skipped: number): Promise<void> {
  const parts = [`${report.created.length} created`];
  if (report.failed.length) parts.push(`${report.failed.length} refused (shown on their fields)`);
  if (skipped) parts.push(`${skipped} skipped (already created)`);
  if (report.notSent.length) parts.push(`${report.notSent.length} not sent`);
  const summary = `Store ${storeHash}: ${parts.join(', ')}.`;
  if (report.stopped) {
    void vscode.window.showErrorMessage(`${summary} Sending stopped: ${report.stopped.reason}`);
  } else if (report.cancelled) {
    void vscode.window.showWarningMessage(`${summary} Sending was cancelled; nothing already created is lost, and sending again continues with the rest.`);
  } else if (report.failed.length) {
    const choice = await vscode.window.showWarningMessage(summary, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } else {
    void vscode.window.showInformationMessage(summary);
  }
}
