import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { registerCommand } from './commands/registerCommand';
import { activateLanguageFeatures } from './languageFeatures';
import { type ImportModule, importRegistrations } from './import';
import { copyCurl, SendPreview } from './send/previewSend';
import { ResultsStore } from './send/resultsStore';
import { ResultsView } from './send/resultsView';
import { exportSendResults } from './send/exportResults';
import { forgetResult } from './send/forgetResult';
import { SendSummaryView } from './send/summaryView';
import { ResumePrompt } from './send/resumePrompt';
import { sendCommand } from './send/sendCommand';
import { SendJournals } from './send/sendJournals';
import { languageId } from './settings';
import { storeStatusBar } from './store/statusBar';
import { StoreAwareness } from './store/storeAwareness';
import { storeCommandIds } from './commandIds';
import { clearStoreCredentials, selectStore, setStoreCredentials, testStoreConnection } from './store/storeCommands';
import { StoreRegistry } from './store/storeRegistry';
import { nodeTransport } from '../node/nodeTransport';
import { StorePacers } from '../core/send/storePacers';
import { vscodeHost } from './host/vscodeHost';

export type { ExtensionApi } from './api';

/** The desktop entry: the language features, and the store: sending to it and checking files against its data. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('BigCommerce Customers', { log: true });
  const host = vscodeHost(context, log);
  const { diagnostics, publisher, api } = activateLanguageFeatures(context, host, {
    catalogue: () => storeAwareness.catalogue(),
    diagnosticsOf: (document) => storeAwareness.diagnosticsOf(document),
    whenChecked: (document) => storeAwareness.whenChecked(document),
  });
  const registry = new StoreRegistry(host);
  const results = new ResultsStore(host.workspaceState);
  const transport = nodeTransport;
  // Sends and lookups of one store from this window share its quota.
  const pacers = new StorePacers(() => host.clock.now());
  const sendDeps = { host, diagnostics, registry, results, log, transport, pacers, journals: new SendJournals(context.globalStorageUri) };
  const preview = new SendPreview(sendDeps);
  const summaryView = new SendSummaryView(sendDeps);
  const resultsView = new ResultsView(diagnostics, publisher, results, registry);
  const storeAwareness = new StoreAwareness(diagnostics, publisher, registry, results, host, transport, pacers);
  const selector: vscode.DocumentSelector = { language: languageId };
  const command = (id: string, run: (...args: never[]) => unknown) => registerCommand(log, id, run);
  context.subscriptions.push(
    log,
    registry,
    results,
    resultsView,
    storeAwareness,
    vscode.languages.registerInlayHintsProvider(selector, resultsView),
    vscode.languages.registerCodeLensProvider(selector, resultsView),
    preview.documents.register(),
    summaryView.documents.register(),
    storeStatusBar(registry, storeAwareness),
    command(storeCommandIds.setCredentials, () => setStoreCredentials(registry)),
    command(storeCommandIds.selectStore, () => selectStore(registry)),
    command(storeCommandIds.clearCredentials, () => clearStoreCredentials(registry)),
    command(storeCommandIds.testConnection, () => testStoreConnection(registry, log, transport)),
    command(storeCommandIds.refreshStoreData, () => storeAwareness.refresh()),
    command(storeCommandIds.send, (uri?: vscode.Uri) => sendCommand(sendDeps, uri)),
    command(storeCommandIds.exportResults, (uri?: vscode.Uri) => exportSendResults(sendDeps, uri)),
    command(storeCommandIds.showSendSummary, (uri?: vscode.Uri) => summaryView.open(uri)),
    new ResumePrompt(sendDeps, (uri) => vscode.commands.executeCommand(storeCommandIds.send, uri)),
    command(storeCommandIds.previewSend, (uri?: vscode.Uri) => preview.open(uri)),
    command(storeCommandIds.copyCurl, (uri?: vscode.Uri) => copyCurl(preview, uri)),
    ...importRegistrations(command, () => storeAwareness.catalogue(), loadImportModule),
    command(storeCommandIds.forgetResult, (uri?: vscode.Uri, email?: string) => forgetResult(sendDeps, uri, email)),
  );
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  return api;
}

export function deactivate(): void {}

/** The import's code, loaded on first use by a plain require: the extension host's module loader provides it `vscode`. */
function loadImportModule(): ImportModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, through the host's loader
  return require('./importCsv.js') as ImportModule;
}
