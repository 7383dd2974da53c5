import * as vscode from 'vscode';
import { parseJsonDocument } from '../../core/document/jsonDocument';
import { splitCustomers } from '../../core/fixes/splitFile';
import { maxCustomersPerRequest } from '../../core/schema/customerSchema';

/** Writes `name.part-1.bccustomers.json`, … next to the file, each with at most `size` customers. */
export async function splitFile(uri?: vscode.Uri, size = maxCustomersPerRequest()): Promise<vscode.Uri[]> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return [];
  const parts = splitCustomers(parseJsonDocument(document.getText()), size);
  if (parts.length < 2) {
    void vscode.window.showInformationMessage(`This file has no more than ${size} customers; there is nothing to split.`);
    return [];
  }
  const base = document.uri.path.replace(/\.bccustomers\.json$/i, '').replace(/\.json$/i, '');
  const edit = new vscode.WorkspaceEdit();
  const targets = parts.map((text, i) => {
    const target = document.uri.with({
      scheme: document.uri.scheme === 'untitled' ? 'untitled' : document.uri.scheme,
      path: `${base}.part-${i + 1}.bccustomers.json`,
    });
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
    return target;
  });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('Could not create the split files: a file with one of their names may already exist.');
    return [];
  }
  const [first] = targets;
  if (first) await vscode.window.showTextDocument(first);
  void vscode.window.showInformationMessage(`Split ${document.uri.path.split('/').pop()} into ${parts.length} files of at most ${size} customers.`);
  return targets;
}
