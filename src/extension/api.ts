import * as vscode from 'vscode';
import type { DiagnosticsController } from './language/diagnosticsController';

/** What the extension offers other extensions and its own integration tests. */
export interface ExtensionApi {
  /** Resolves with the document's diagnostics once those of its current version are published. */
  waitForDiagnostics(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]>;
}

/**
 * The same for callers in another extension host (the extension runs in a browser's web
 * worker while they run in Node.js), which cannot reach the API object: a command, whose
 * answer names each diagnostic by `diagnosticKey`, for the caller to wait until its own
 * `vscode.languages.getDiagnostics` shows the same.
 */
export { waitForDiagnosticsCommand } from './commandIds';

export function diagnosticKey(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const { start, end } = d.range;
  return `${String(code)} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function extensionApi(diagnostics: DiagnosticsController): ExtensionApi {
  return {
    async waitForDiagnostics(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      return diagnostics.whenPublished(document);
    },
  };
}
