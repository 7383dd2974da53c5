import * as vscode from 'vscode';
import { fixAll, fixAllCommand } from './commands/fixAll';
import { newCustomersFile, newFileCommand } from './commands/newFile';
import { splitFile, splitFileCommand } from './commands/splitFile';
import { CustomersCodeActions } from './language/codeActions';
import { CustomersCompletions } from './language/completionProvider';
import { DiagnosticsController } from './language/diagnosticsController';
import { CustomersHover } from './language/hoverProvider';
import { copyCurl, previewScheme, SendPreview } from './send/previewSend';
import { ResultsStore } from './send/resultsStore';
import { forgetResultCommand, ResultsView } from './send/resultsView';
import { exportSendResults } from './send/exportResults';
import { ResumePrompt } from './send/resumePrompt';
import { sendCommand } from './send/sendCommand';
import { SendJournals } from './send/sendJournals';
import { languageId } from './settings';
import { storeStatusBar } from './store/statusBar';
import { StoreAwareness } from './store/storeAwareness';
import { clearStoreCredentials, selectStore, setStoreCredentials, testStoreConnection } from './store/storeCommands';
import { StoreRegistry } from './store/storeRegistry';
import { nodeTransport } from '../node/nodeTransport';

/** What the extension offers other extensions and its own integration tests. */
export interface ExtensionApi {
  /** Resolves with the document's diagnostics once those of its current version are published. */
  waitForDiagnostics(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('BigCommerce Customers', { log: true });
  const diagnostics = new DiagnosticsController(log);
  const registry = new StoreRegistry(context);
  const results = new ResultsStore(context.workspaceState);
  const transport = nodeTransport;
  const sendDeps = { diagnostics, registry, results, log, transport, journals: new SendJournals(context.globalStorageUri) };
  const preview = new SendPreview(sendDeps);
  const resultsView = new ResultsView(diagnostics, results, registry);
  const storeAwareness = new StoreAwareness(diagnostics, registry, results, log, transport);
  const catalogue = () => storeAwareness.catalogue();
  const selector: vscode.DocumentSelector = { language: languageId };
  // Commands report their own failures; nothing may escape into VS Code's log as a crash.
  const command = (id: string, run: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (error) {
        log.error(`${id} failed: ${error instanceof Error ? error.stack : String(error)}`);
        void vscode.window.showErrorMessage(`BigCommerce Customers: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    });
  context.subscriptions.push(
    log,
    diagnostics,
    registry,
    results,
    resultsView,
    storeAwareness,
    vscode.languages.registerCodeActionsProvider(selector, new CustomersCodeActions(diagnostics, (d) => storeAwareness.diagnosticsOf(d)), CustomersCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(selector, new CustomersCompletions(catalogue), ...CustomersCompletions.triggerCharacters),
    vscode.languages.registerHoverProvider(selector, new CustomersHover(catalogue)),
    vscode.languages.registerInlayHintsProvider(selector, resultsView),
    vscode.languages.registerCodeLensProvider(selector, resultsView),
    vscode.workspace.registerTextDocumentContentProvider(previewScheme, preview),
    storeStatusBar(registry, storeAwareness),
    command(newFileCommand, newCustomersFile),
    command(splitFileCommand, splitFile),
    command(fixAllCommand, (uri?: vscode.Uri, version?: number) => fixAll(diagnostics, uri, version)),
    command('bigcommerceCustomers.setCredentials', () => setStoreCredentials(registry)),
    command('bigcommerceCustomers.selectStore', () => selectStore(registry)),
    command('bigcommerceCustomers.clearCredentials', () => clearStoreCredentials(registry)),
    command('bigcommerceCustomers.testConnection', () => testStoreConnection(registry, log, transport)),
    command('bigcommerceCustomers.refreshStoreData', () => storeAwareness.refresh()),
    command('bigcommerceCustomers.send', (uri?: vscode.Uri) => sendCommand(sendDeps, uri)),
    command('bigcommerceCustomers.exportResults', (uri?: vscode.Uri) => exportSendResults(sendDeps, uri)),
    new ResumePrompt(sendDeps, (uri) => vscode.commands.executeCommand('bigcommerceCustomers.send', uri)),
    command('bigcommerceCustomers.previewSend', (uri?: vscode.Uri) => preview.open(uri)),
    command('bigcommerceCustomers.copyCurl', (uri?: vscode.Uri) => copyCurl(preview, uri)),
    command(forgetResultCommand, async (uri?: vscode.Uri, email?: string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      const store = registry.active();
      if (target && store) await results.forget(target, store.hash, email);
    }),
  );
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    async waitForDiagnostics(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      return diagnostics.whenPublished(document);
    },
  };
}

export function deactivate(): void {}
