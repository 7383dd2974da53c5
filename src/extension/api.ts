import * as vscode from 'vscode';
import type { DiagnosticSource } from '../core/diagnostics/publications';

/** What the extension offers other extensions and its own integration tests. */
export interface ExtensionApi {
  /**
   * Resolves with the document's diagnostics from `source` (default: the file's own checks)
   * once those of its current version are published; the store's, once they are published
   * from its data as it stands (nothing loading, no lookup pending).
   */
  waitForDiagnostics(uri: vscode.Uri, source?: DiagnosticSource): Promise<readonly vscode.Diagnostic[]>;
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

export type DiagnosticWaiters = Record<DiagnosticSource, (document: vscode.TextDocument) => Promise<readonly vscode.Diagnostic[]>>;

export function extensionApi(waiters: DiagnosticWaiters): ExtensionApi {
  return {
    async waitForDiagnostics(uri, source = 'file') {
      const document = await vscode.workspace.openTextDocument(uri);
      return waiters[source](document);
    },
  };
}
