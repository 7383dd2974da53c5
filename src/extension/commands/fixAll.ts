import * as vscode from 'vscode';
import { fixAllEdits } from '../../core/fixes/fixAll';
import { toTextEdits } from '../convert';
import type { DiagnosticsController } from '../language/diagnosticsController';
import { languageId } from '../settings';

/**
 * Applies every preferred fix. When called for a given document version (from the source
 * action), it does nothing if the document has changed since: the fixes were for other text.
 */
export async function fixAll(diagnostics: DiagnosticsController, uri?: vscode.Uri, version?: number): Promise<boolean> {
  const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== languageId) return false;
  if (version !== undefined && document.version !== version) return false;
  const analysis = diagnostics.analysisOf(document);
  const edits = fixAllEdits(analysis.document, analysis.diagnostics);
  if (!edits.length) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, toTextEdits(document, edits));
  return vscode.workspace.applyEdit(edit);
}
