import * as vscode from 'vscode';
import { fixAll, fixAllCommand } from './commands/fixAll';
import { newCustomersFile, newFileCommand } from './commands/newFile';
import { splitFile, splitFileCommand } from './commands/splitFile';
import { CustomersCodeActions } from './language/codeActions';
import { CustomersCompletions } from './language/completionProvider';
import { DiagnosticsController } from './language/diagnosticsController';
import { CustomersHover } from './language/hoverProvider';
import { languageId } from './settings';

/** What the extension offers other extensions and its own integration tests. */
export interface ExtensionApi {
  /** Resolves with the document's diagnostics once those of its current version are published. */
  waitForDiagnostics(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('BigCommerce Customers', { log: true });
  const diagnostics = new DiagnosticsController(log);
  const selector: vscode.DocumentSelector = { language: languageId };
  context.subscriptions.push(
    log,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new CustomersCodeActions(diagnostics), CustomersCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(selector, new CustomersCompletions(), ...CustomersCompletions.triggerCharacters),
    vscode.languages.registerHoverProvider(selector, new CustomersHover()),
    vscode.commands.registerCommand(newFileCommand, newCustomersFile),
    vscode.commands.registerCommand(splitFileCommand, splitFile),
    vscode.commands.registerCommand(fixAllCommand, (uri?: vscode.Uri, version?: number) => fixAll(diagnostics, uri, version)),
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
