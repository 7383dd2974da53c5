import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'bccustomers.bigcommerce-customers';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

suite('Smoke', () => {
  test('opening a *.bccustomers.json file of the workspace gives it the bccustomers language and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'customers.bccustomers.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    assert.equal(document.languageId, 'bccustomers');
    // Activation follows the language, not this test: it only watches.
    assert.ok(await waitFor(() => extension.isActive, 10_000), `${extensionId} was not activated by opening ${uri.fsPath}`);
    assert.equal(typeof extension.exports?.waitForDiagnostics, 'function', 'activate() does not return the test API');
  });
});
