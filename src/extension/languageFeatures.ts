import * as vscode from 'vscode';
import type { BcDiagnostic } from '../core/diagnostics/diagnostic';
import type { StoreCatalogue } from '../core/store/catalogueTypes';
import { diagnosticKey, type ExtensionApi, extensionApi, waitForDiagnosticsCommand } from './api';
import { commandIds } from './commandIds';
import { fixAll } from './commands/fixAll';
import { newCustomersFile } from './commands/newFile';
import { registerCommand } from './commands/registerCommand';
import { splitFile } from './commands/splitFile';
import { CustomersCodeActions } from './language/codeActions';
import { CustomersCompletions } from './language/completionProvider';
import { DiagnosticsController } from './language/diagnosticsController';
import { DiagnosticsPublisher } from './language/diagnosticsPublisher';
import { CustomersFolding } from './language/foldingProvider';
import { CustomersFormatter } from './language/formattingProvider';
import { CustomersHover } from './language/hoverProvider';
import { CustomersSelectionRanges } from './language/selectionRangeProvider';
import { CustomersSymbols } from './language/symbolProvider';
import { languageId } from './settings';
import type { Host } from '../core/host/host';
import type { DiagnosticSource } from '../core/diagnostics/publications';

/** What the store-aware checks add to the language features, where there are any (on the desktop). */
export interface StoreData {
  /** The active store's attributes, groups and channels, when loaded: for completion and hover. */
  catalogue(): StoreCatalogue | undefined;
  /** The store-aware checks' diagnostics of the document, for their quick fixes. */
  diagnosticsOf(document: vscode.TextDocument): readonly BcDiagnostic[];
  /** The store's diagnostics of the document, once published from the store's data as it stands. */
  whenChecked(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]>;
}

export interface LanguageFeatures {
  diagnostics: DiagnosticsController;
  publisher: DiagnosticsPublisher;
  api: ExtensionApi;
}

/**
 * Everything a customers file gets in any VS Code, on the desktop and in the browser alike:
 * the checks, quick fixes and fix-all, completion, hover, formatting, the outline, folding and
 * selection ranges, and the commands that need nothing but the files. Both entry points call
 * this; a command that works in both belongs in `commands` below.
 */
export function activateLanguageFeatures(context: vscode.ExtensionContext, host: Host, store?: StoreData): LanguageFeatures {
  const publisher = new DiagnosticsPublisher();
  const diagnostics = new DiagnosticsController(host, publisher);
  const api = extensionApi({
    file: (document) => diagnostics.whenPublished(document),
    // Only the desktop checks files against a store and shows send results.
    store: async (document) => (store && document.languageId === languageId ? store.whenChecked(document) : []),
    send: async (document) => (store && document.languageId === languageId ? publisher.whenPublished(document, 'send') : []),
  });
  const selector: vscode.DocumentSelector = { language: languageId };
  const catalogue = () => store?.catalogue();
  const formatter = new CustomersFormatter();
  const commands: Record<string, (...args: never[]) => unknown> = {
    [commandIds.newFile]: newCustomersFile,
    [commandIds.splitFile]: splitFile,
    [commandIds.fixAll]: (uri?: vscode.Uri, version?: number) => fixAll(diagnostics, uri, version),
    [waitForDiagnosticsCommand]: async (uri: vscode.Uri, source?: DiagnosticSource) => (await api.waitForDiagnostics(uri, source)).map(diagnosticKey),
  };
  context.subscriptions.push(
    publisher,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(
      selector,
      new CustomersCodeActions(diagnostics, (d) => store?.diagnosticsOf(d) ?? []),
      CustomersCodeActions.metadata,
    ),
    vscode.languages.registerCompletionItemProvider(selector, new CustomersCompletions(catalogue), ...CustomersCompletions.triggerCharacters),
    vscode.languages.registerHoverProvider(selector, new CustomersHover(catalogue)),
    vscode.languages.registerDocumentFormattingEditProvider(selector, formatter),
    vscode.languages.registerDocumentRangeFormattingEditProvider(selector, formatter),
    vscode.languages.registerDocumentSymbolProvider(selector, new CustomersSymbols(), CustomersSymbols.metadata),
    vscode.languages.registerFoldingRangeProvider(selector, new CustomersFolding()),
    vscode.languages.registerSelectionRangeProvider(selector, new CustomersSelectionRanges()),
    ...Object.entries(commands).map(([id, run]) => registerCommand(host.log, id, run)),
  );
  return { diagnostics, publisher, api };
}
