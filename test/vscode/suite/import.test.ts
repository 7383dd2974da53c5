import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsOf } from './extensionUnderTest';

const extensionId = 'bccustomers.bigcommerce-customers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('Imported customers files in a real VS Code', () => {
  test('hovering a customer names the CSV file and row it came from', async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    const dir = mkdtempSync(join(tmpdir(), 'bccustomers-import-'));
    const file = join(dir, 'shop.bccustomers.json');
    writeFileSync(
      file,
      JSON.stringify(
        [
          { email: 'a@example.com', first_name: 'A', last_name: 'B' },
          { email: 'C@Example.com', first_name: 'C', last_name: 'D' },
        ],
        null,
        2,
      ),
    );
    writeFileSync(
      join(dir, 'shop.bccustomers-import.json'),
      JSON.stringify({ importedFrom: 'shop.csv', format: 'shopify', rows: { 'a@example.com': 2, 'c@example.com': 7 }, report: {} }),
    );
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    // Its diagnostics published: the extension is active in its host, hover provider included.
    await diagnosticsOf(document);
    const at = (text: string) => document.positionAt(document.getText().indexOf(text));
    const hovers = (position: vscode.Position) => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.match(hoverText(await hovers(at('"C"'))), /Imported from `shop\.csv`, row 7/);
    assert.match(hoverText(await hovers(at('"A"'))), /Imported from `shop\.csv`, row 2/);
    assert.doesNotMatch(hoverText(await hovers(new vscode.Position(0, 0))), /Imported from/);
  });

  test('the import command is contributed and registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('bigcommerceCustomers.importCsv'));
  });
});
