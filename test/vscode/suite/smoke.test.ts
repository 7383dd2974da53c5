import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnosticsCommand } from '../../../src/extension/api';
import { commandOfTheOtherHost, extensionHost, extensionId } from './extensionUnderTest';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(document);
  return document;
}

suite('Smoke', () => {
  if (extensionHost === 'node') {
    test('opening a *.bccustomers.json file of the workspace gives it the bccustomers language and activates the extension', async () => {
      const extension = vscode.extensions.getExtension(extensionId);
      assert.ok(extension, `${extensionId} is not installed`);
      const document = await openWorkspaceFile('customers.bccustomers.json');
      assert.equal(document.languageId, 'bccustomers');
      // Activation follows the language, not this test: it only watches.
      assert.ok(await waitFor(() => extension.isActive, 30_000), `${extensionId} was not activated by opening ${document.uri.fsPath}`);
      assert.equal(typeof extension.exports?.waitForDiagnostics, 'function', 'activate() does not return the test API');
    });
  } else {
    test('opening a *.bccustomers.json file of the workspace activates the extension in the web worker host, not here', async () => {
      const document = await openWorkspaceFile('customers.bccustomers.json');
      assert.equal(document.languageId, 'bccustomers');
      assert.equal(vscode.extensions.getExtension(extensionId), undefined, `${extensionId} runs in this Node.js extension host`);
      // Activation there follows the file's opening by a moment, longer on a busy machine.
      const published = await commandOfTheOtherHost<string[]>(waitForDiagnosticsCommand, document.uri);
      assert.deepEqual(published, []);
    });
  }
});
