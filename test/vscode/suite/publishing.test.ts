import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DiagnosticSource } from '../../../src/core/diagnostics/publications';
import { diagnosticsOf } from './extensionUnderTest';

const sources: DiagnosticSource[] = ['file', 'store', 'send'];

suite('One signal for the diagnostics of every source', () => {
  test("waiting for the file's, the store's and the send results' diagnostics ends with each version, empty where there is no store", async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'bccustomers',
      content: '[{"email": "taken@example.com", "first_name": "Ada", "last_name": "Kerr"}]',
    });
    await vscode.window.showTextDocument(document);
    for (const source of sources) assert.deepEqual(await diagnosticsOf(document, source), [], `${source}, version ${document.version}`);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().indexOf('"Ada"') + '"Ada"'.length), ', "country_code": 7');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Each source publishes again for the new version: a wait for a version that never came would time the test out.
    for (const source of sources) {
      const diagnostics = await diagnosticsOf(document, source);
      if (source === 'file')
        assert.deepEqual(
          diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
          ['unknown-property'],
        );
      else assert.deepEqual(diagnostics, [], `${source}, version ${document.version}`);
    }
  });
});
