import * as vscode from 'vscode';
import { storeCommandIds } from '../commandIds';
import { maxCustomersPerRequest } from '../../core/schema/customerSchema';
import { isInStore, readResumePlan, resultsFromJournal, startJournaledSend, withEarlierSends } from '../../core/journal';
import { resultsFromReport } from '../../core/results/sendResults';
import type { HttpTransport } from '../../core/send/http';
import { planEditorSend, type SendRemedy } from '../../core/send/editorSendPlan';
import type { Host } from '../../core/host/host';
import { summarizeSend, type SendPlan as CoreSendPlan, type SendSummary } from '../../core/send/sendPlan';
import { describeRate } from '../../core/send/sendRate';
import type { StorePacers } from '../../core/send/storePacers';
import { sendCustomers, type SendReport } from '../../core/send/sender';
import type { DiagnosticsController } from '../language/diagnosticsController';
import { languageId, maxStoreWaitMs } from '../settings';
import type { SavedStore, StoreRegistry } from '../store/storeRegistry';
import { describeRequest } from './requestLog';
import type { ResultsStore } from './resultsStore';
import type { SendJournals } from './sendJournals';

export interface SendDependencies {
  host: Host;
  diagnostics: DiagnosticsController;
  registry: StoreRegistry;
  results: ResultsStore;
  log: vscode.LogOutputChannel;
  transport: HttpTransport;
  journals: SendJournals;
  pacers: StorePacers;
}

/** What is about to be sent, after the pre-flight checks; or why nothing can be. */
export type SendPlan =
  | { ok: false; reason: string; action?: { title: string; command: string } }
  | (Extract<CoreSendPlan, { ok: true }> & { document: vscode.TextDocument; store: SavedStore; token: string; baseUrl: string });

const remedies: Record<SendRemedy, { title: string; command: string }> = {
  'manage-trust': { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' },
  'set-credentials': { title: 'Set Store Credentials', command: storeCommandIds.setCredentials },
  'show-problems': { title: 'Show Problems', command: 'workbench.actions.view.problems' },
  'open-settings': { title: 'Open Settings', command: 'workbench.action.openSettings' },
};

/** The pre-send checks of the file (the editor's and the core's). */
export async function planSend(deps: SendDependencies, uri?: vscode.Uri): Promise<SendPlan> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== languageId) return { ok: false, reason: 'Open a .bccustomers.json file to send its customers.' };
  const plan = await planEditorSend({
    host: deps.host,
    stores: deps.registry,
    analysis: () => deps.diagnostics.analysisOf(document),
    earlierResults: deps.results.get(document.uri),
  });
  if (plan.ok) return { ...plan, document };
  return { ok: false, reason: plan.reason, ...(plan.remedy ? { action: remedies[plan.remedy] } : {}) };
}

/** "BigCommerce: Send Customers". */
export async function sendCommand(deps: SendDependencies, uri?: vscode.Uri): Promise<SendReport | undefined> {
  const plan = await planSend(deps, uri);
  if (!plan.ok) {
    const choice = await vscode.window.showWarningMessage(plan.reason, ...(plan.action ? [plan.action.title] : []));
    if (choice && plan.action) await vscode.commands.executeCommand(plan.action.command);
    return undefined;
  }
  const { store, skipped } = plan;
  const target = { apiBaseUrl: plan.baseUrl, storeHash: store.hash, accessToken: plan.token };
  const journal = await deps.journals.journalOf(store.hash);
  // Customers an earlier send created, even one that never returned (a reload, a crash), are not sent again.
  const earlier = await readResumePlan(journal, target, plan.customers);
  await deps.results.add(plan.document.uri, resultsFromJournal(earlier.settled, store.hash));
  const customers = plan.customers.filter((c) => !isInStore(earlier.settled.get(c.index)));
  const inStoreBefore = skipped.length + earlier.inStore;
  const skippedText = inStoreBefore ? ` ${inStoreBefore} already in this store ${inStoreBefore === 1 ? 'is' : 'are'} skipped.` : '';
  if (!customers.length) {
    void vscode.window.showInformationMessage(`Nothing to send: every customer of this file is already in store ${store.hash}.${skippedText}`);
    return undefined;
  }
  if (!(await confirm(deps.registry, store, customers.length, skippedText))) return undefined;

  const started = Date.now();
  deps.log.info(`Sending ${customers.length} customers of ${plan.document.uri.fsPath} to store ${store.hash} (${plan.baseUrl}).${skippedText}`);
  const journaled = await startJournaledSend(journal, target, customers);
  const sent = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Sending customers to store ${store.hash}`, cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      let reported = 0;
      return sendCustomers(target, customers, {
        ...journaled.sendOptions,
        transport: deps.transport,
        pacer: deps.pacers.pacerFor(store.hash),
        maxStoreWaitMs: maxStoreWaitMs(plan.document.uri.toString()),
        signal: abort.signal,
        onRequest: (entry) => deps.log.info(describeRequest(entry)),
        onProgress: (p) => {
          const done = Math.round((p.done / p.total) * 100);
          if (p.waitingMs) deps.log.info(p.message);
          const rate = describeRate(p.done, p.total, Date.now() - started);
          progress.report({
            message: `${p.done}/${p.total} · ${p.created} created · ${p.failed} failed${rate ? ` · ${rate}` : ''}${p.waitingMs ? ` · ${p.message}` : ''}`,
            increment: done - reported,
          });
          reported = done;
        },
      });
    },
  );
  await journal.close();
  await deps.results.add(plan.document.uri, resultsFromReport(sent, plan.emails, store.hash));
  deps.log.info(
    `Send to store ${store.hash} finished in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sent.created.length} created, ${sent.failed.length} failed, ${sent.notSent.length} not sent, ${sent.requests} requests.`,
  );
  await summarize(summarizeSend(sent, withEarlierSends(plan, earlier), store.hash), store.hash, plan.document.uri);
  return sent;
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

/**
 * In the editor, a customer the store already had is a refusal shown on its email; only earlier sends of the file count as skipped.
 * Each notification offers the summary document.
 */
async function summarize(summary: SendSummary, storeHash: string, uri: vscode.Uri): Promise<void> {
  const refused = summary.failed.length + summary.skipped.filter((s) => s.by === 'store').length;
  const skipped = summary.skipped.length - (refused - summary.failed.length);
  const parts = [`${summary.created.length} created`];
  if (refused) parts.push(`${refused} refused (shown on their fields)`);
  if (skipped) parts.push(`${skipped} skipped (already created)`);
  if (summary.notSent.length) parts.push(`${summary.notSent.length} not sent`);
  const headline = `Store ${storeHash}: ${parts.join(', ')}.`;
  const showSummary = 'Show Summary';
  const showSummaryIfPicked = (picked: string | undefined) =>
    picked === showSummary ? vscode.commands.executeCommand(storeCommandIds.showSendSummary, uri) : undefined;
  if (summary.stopped) {
    void vscode.window.showErrorMessage(`${headline} Sending stopped: ${summary.stopped}`, showSummary).then(showSummaryIfPicked);
  } else if (summary.cancelled) {
    void vscode.window
      .showWarningMessage(`${headline} Sending was cancelled; nothing already created is lost, and sending again continues with the rest.`, showSummary)
      .then(showSummaryIfPicked);
  } else if (refused) {
    const picked = await vscode.window.showWarningMessage(headline, 'Show Problems', showSummary);
    if (picked === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    else await showSummaryIfPicked(picked);
  } else {
    void vscode.window.showInformationMessage(headline, showSummary).then(showSummaryIfPicked);
  }
}
