import * as vscode from 'vscode';
import { languageId } from '../settings';

/** Opens a new, untitled customers file filled with the "new file" snippet. */
export async function newCustomersFile(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: languageId, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: languageId, name: 'New customers file' });
  return editor;
}
