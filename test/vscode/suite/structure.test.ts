import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const text = JSON.stringify([
  {
    email: 'ada@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    addresses: [{ first_name: 'Ada', last_name: 'Lovelace', address1: '1 Main St', city: 'Austin', country_code: 'US' }],
    attributes: [{ attribute_id: 3, attribute_value: 'Gold' }],
  },
  { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' },
]);

async function open(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'bccustomers', content });
  await vscode.window.showTextDocument(document);
  return document;
}

async function apply(document: vscode.TextDocument, edits: vscode.TextEdit[] | undefined): Promise<void> {
  assert.ok(edits?.length, 'no edits');
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('Format, outline, folding and selection ranges in a real VS Code', () => {
  test("Format Document lays out the file with the editor's indentation", async () => {
    const document = await open(text);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, {
      tabSize: 4,
      insertSpaces: true,
    });
    await apply(document, edits);
    assert.equal(document.getText(), JSON.stringify(JSON.parse(text), null, 4));
  });

  test('Format Selection formats only the selected customer', async () => {
    const document = await open(`[\n  ${JSON.stringify(JSON.parse(text)[0])},\n  {"email":"grace@example.com"}\n]`);
    const line = document.lineAt(2).range;
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatRangeProvider', document.uri, line, {
      tabSize: 2,
      insertSpaces: true,
    });
    await apply(document, edits);
    assert.ok(document.getText().endsWith('  {\n    "email": "grace@example.com"\n  }\n]'), document.getText());
    assert.equal(document.lineAt(1).text, `  ${JSON.stringify(JSON.parse(text)[0])},`, 'the first customer was changed');
  });

  test('the Outline shows each customer by email and name, with addresses and attributes under it', async () => {
    const document = await open(JSON.stringify(JSON.parse(text), null, 2));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['ada@example.com', 'Ada Lovelace'],
        ['grace@example.com', 'Grace Hopper'],
      ],
    );
    const [ada] = symbols;
    assert.ok(ada);
    assert.equal(document.getText(ada.selectionRange), '"ada@example.com"');
    assert.deepEqual(
      ada.children.map((c) => [c.name, c.children.map((g) => g.name)]),
      [
        ['addresses', ['1 Main St, Austin, US']],
        ['attributes', ['attribute 3']],
      ],
    );
    assert.equal(ada.kind, vscode.SymbolKind.Object);
  });

  test('every object and array that spans lines folds', async () => {
    const document = await open(JSON.stringify(JSON.parse(text), null, 2));
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const opening = ranges.map((r) => document.lineAt(r.start).text.trim()).sort();
    assert.deepEqual(opening, ['"addresses": [', '"attributes": [', '[', '{', '{', '{', '{'].sort());
  });

  test('Expand Selection goes from a value out through its property and customer to the whole file', async () => {
    const document = await open(JSON.stringify(JSON.parse(text), null, 2));
    const position = document.positionAt(document.getText().indexOf('Austin') + 2);
    const [chain] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', document.uri, [position]);
    const texts: string[] = [];
    for (let range: vscode.SelectionRange | undefined = chain; range; range = range.parent) texts.push(document.getText(range.range));
    for (const expected of ['Austin', '"Austin"', '"city": "Austin"', document.getText().trim()])
      assert.ok(texts.includes(expected), `${expected} is not among ${texts.join(' | ')}`);
    assert.ok(
      texts.some((t) => t.startsWith('{\n    "email": "ada@example.com"')),
      'the customer is not among the ranges',
    );
  });
});
