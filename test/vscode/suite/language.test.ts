import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsOf, extensionHost } from './extensionUnderTest';

async function open(content: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument({ language: 'bccustomers', content });
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();
}

const mistakes = `[
  // exported from the old shop
  {
    "email": " ada@example.com ",
    "firstname": "Ada",
    "last_name": "Lovelace",
    "id": 17,
    "channel_ids": [],
    "addresses": [
      { "first_name": "Ada", "last_name": "Lovelace", "address1": "1 Main St", "city": "Austin", "state_or_province": "TX", "country_code": "USA" }
    ],
    "attributes": [{ "attribute_id": 1, "attribute_value": 42 }, { "attribute_id": 1, "attribute_value": "x" }],
    "authentication": { "new_password": "secret" }
  },
  { "email": "ADA@example.com", "first_name": "Ada", "last_name": "Byron", "customer_group_id": "2" },
]`;

/** The active editor's document once it is a new one with text, not one of `before`. */
async function newActiveDocument(before: readonly vscode.TextDocument[]): Promise<vscode.TextDocument> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const document = vscode.window.activeTextEditor?.document;
    if (document && !before.includes(document) && document.getText()) return document;
    assert.ok(Date.now() < deadline, `the active editor is ${document?.uri.toString() ?? 'none'}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

suite('Language support in a real VS Code', () => {
  test('*.bccustomers.json files get the bccustomers language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bccustomers-lang-'));
    const file = join(dir, 'import.bccustomers.json');
    writeFileSync(file, '[]');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.equal(document.languageId, 'bccustomers');
  });

  test('each mistake is reported once, at the right text, by this extension only', async () => {
    const { document } = await open(mistakes);
    const diagnostics = await diagnosticsOf(document);
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => document.getText(d.range));
    assert.deepEqual(at('json-comment'), ['// exported from the old shop']);
    assert.deepEqual(at('json-trailing-comma'), [',']);
    assert.deepEqual(at('email-whitespace'), ['" ada@example.com "']);
    assert.deepEqual(at('unknown-property'), ['"firstname"']);
    assert.deepEqual(at('missing-required'), ['{']);
    assert.deepEqual(at('read-only-property'), ['"id"']);
    assert.deepEqual(at('channel-ids-empty'), ['[]']);
    assert.deepEqual(at('country-code'), ['"USA"']);
    assert.deepEqual(at('state-code'), ['"TX"']);
    assert.deepEqual(at('attribute-value-not-string'), ['42']);
    assert.deepEqual(at('duplicate-attribute'), ['1']);
    assert.deepEqual(at('weak-password'), ['"secret"']);
    assert.deepEqual(at('duplicate-email'), ['"ADA@example.com"']);
    assert.deepEqual(at('wrong-type'), ['"2"']);
    const [related] = diagnostics.find((d) => d.code === 'duplicate-email')?.relatedInformation ?? [];
    assert.ok(related);
    assert.equal(document.getText(related.location.range), '" ada@example.com "');
    assert.equal(diagnostics.find((d) => d.code === 'country-code')!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics.find((d) => d.code === 'state-code')!.severity, vscode.DiagnosticSeverity.Warning);
    // Nothing else (such as VS Code's own JSON validation) reports on the file.
    assert.deepEqual(
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.source !== 'BigCommerce'),
      [],
    );
  });

  test('diagnostics follow edits', async () => {
    const { document, editor } = await open('[{"email": "a@example.com", "first_name": "A", "last_name": "B"}]');
    assert.deepEqual(codes(await diagnosticsOf(document)), []);
    await editor.edit((e) => e.insert(document.positionAt(document.getText().length - 2), ', "id": 4'));
    assert.deepEqual(codes(await diagnosticsOf(document)), ['read-only-property']);
  });

  test('a large file is checked in full, and edits anywhere in it are followed', async () => {
    // 1,500 customers (about 300 KB): checked in slices at first, then customer by customer as it is edited.
    const customers = Array.from({ length: 1500 }, (_, i) => ({
      email: `c${i}@example.com`,
      first_name: `First ${i}`,
      last_name: `Last ${i}`,
      addresses: [
        { first_name: 'F', last_name: 'L', address1: '1 Main St', city: 'Austin', state_or_province: 'Texas', postal_code: '78701', country_code: 'US' },
      ],
    }));
    customers[1499]!.addresses[0]!.country_code = 'USA';
    const { document, editor } = await open(JSON.stringify(customers, null, 2));
    const line = (code: string, diagnostics: readonly vscode.Diagnostic[]) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
    const first = await diagnosticsOf(document);
    assert.deepEqual(codes(first), ['batch-split', 'country-code']);
    assert.equal(document.getText(first.find((d) => d.code === 'country-code')!.range), '"USA"');

    // Inside one customer near the middle, then across two customers: both end as a full check would.
    const middle = document.getText().indexOf('"c700@example.com"');
    await editor.edit((e) => e.insert(document.positionAt(middle + 1), ' '));
    const afterEdit = await diagnosticsOf(document);
    assert.deepEqual(codes(afterEdit), ['batch-split', 'country-code', 'email-whitespace']);
    assert.equal(document.getText(afterEdit.find((d) => d.code === 'email-whitespace')!.range), '" c700@example.com"');
    const [countryLine] = line('country-code', afterEdit);
    assert.ok(countryLine !== undefined);
    assert.equal(document.lineAt(countryLine).text.trim(), '"country_code": "USA"');

    // From customer 10's email to customer 12's: the rest of 12 takes the place of 10 and 11.
    const from = document.positionAt(document.getText().indexOf('"c10@example.com"'));
    const to = document.positionAt(document.getText().indexOf('"c12@example.com"'));
    const cut = document.getText(new vscode.Range(from, to));
    await editor.edit((e) => e.delete(new vscode.Range(from, to)));
    const afterCut = await diagnosticsOf(document);
    assert.match(afterCut.find((d) => d.code === 'batch-split')!.message, /^1498 customers/);
    await editor.edit((e) => e.insert(from, cut));
    assert.deepEqual(codes(await diagnosticsOf(document)), ['batch-split', 'country-code', 'email-whitespace']);
  });

  test('the preferred quick fix repairs the problem with a minimal edit', async () => {
    const text =
      '[{"email": "a@example.com", "first_name": "A", "last_name": "B", "addresses": [{"first_name": "A", "last_name": "B", "address1": "1", "city": "X", "country_code": "USA", "state_or_province": "Texas", "postal_code": "78701"}]}]';
    const { document } = await open(text);
    const [problem] = await diagnosticsOf(document);
    assert.ok(problem);
    assert.equal(problem.code, 'country-code');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, 'Change country_code to "US"');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(), text.replace('"USA"', '"US"'));
    assert.deepEqual(codes(await diagnosticsOf(document)), []);
  });

  test('the missing-fields quick fix inserts a snippet with tab stops', async () => {
    const { document, editor } = await open('[\n  {\n    "email": "a@example.com"\n  }\n]');
    const [missing] = await diagnosticsOf(document);
    assert.ok(missing);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      missing.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const add = actions.find((a) => a.title === 'Add first_name and last_name');
    assert.ok(add?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.equal(document.getText(), '[\n  {\n    "email": "a@example.com",\n    "first_name": "",\n    "last_name": ""\n  }\n]');
    // The cursor waits in the first value, ready for typing.
    assert.equal(editor.selection.active.line, 3);
  });

  test('fix all applies every certain fix at once', async () => {
    const { document } = await open(mistakes);
    await diagnosticsOf(document);
    assert.ok(await vscode.commands.executeCommand('bigcommerceCustomers.fixAll', document.uri, document.version));
    const left = codes(await diagnosticsOf(document));
    for (const fixed of [
      'json-comment',
      'json-trailing-comma',
      'email-whitespace',
      'read-only-property',
      'channel-ids-empty',
      'country-code',
      'state-code',
      'attribute-value-not-string',
      'unknown-property',
    ]) {
      assert.ok(!left.includes(fixed), `${fixed} is still there: ${left.join(', ')}`);
    }
  });

  test('fix all does nothing for an outdated document version', async () => {
    const { document } = await open('[{"email": "a@example.com", "first_name": "A", "last_name": "B", "id": 1}]');
    await diagnosticsOf(document);
    assert.equal(await vscode.commands.executeCommand('bigcommerceCustomers.fixAll', document.uri, document.version - 1), false);
    assert.match(document.getText(), /"id": 1/);
  });

  test('completion offers the missing fields with their descriptions, and country names', async () => {
    const { document } = await open('[{"email": "a@example.com", "", "addresses": [{"country_code": ""}]}]');
    const keyPosition = document.positionAt(document.getText().indexOf('""') + 1);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, keyPosition);
    const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('first_name') && labels.includes('channel_ids'));
    assert.ok(!labels.includes('email'));
    const countryPosition = document.positionAt(document.getText().lastIndexOf('""') + 1);
    const countries = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, countryPosition);
    assert.equal(countries.items.find((i) => i.label === '"DE"')?.detail, 'Germany');
  });

  test('hover shows the description and limits of a key', async () => {
    const { document } = await open('[{"email": "a@example.com", "first_name": "A", "last_name": "B"}]');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      document.positionAt(document.getText().indexOf('first_name') + 2),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /required · text · 1–100 characters/);
  });

  // The snippets the extension is packaged with (this file runs from out/vscode-suite).
  const snippetsFile = join(__dirname, '..', '..', 'snippets', 'bccustomers.code-snippets');
  const snippets = JSON.parse(readFileSync(snippetsFile, 'utf8')) as Record<string, unknown>;
  const contexts: Record<string, string> = {
    'New customers file': '|',
    Customer: '[|]',
    'Customer with address': '[|]',
    Address: '[{"email": "a@example.com", "first_name": "A", "last_name": "B", "addresses": [|]}]',
    Attribute: '[{"email": "a@example.com", "first_name": "A", "last_name": "B", "attributes": [|]}]',
    'Store credit': '[{"email": "a@example.com", "first_name": "A", "last_name": "B", "store_credit_amounts": [|]}]',
    'Form field': '[{"email": "a@example.com", "first_name": "A", "last_name": "B", "form_fields": [|]}]',
  };
  for (const name of Object.keys(snippets)) {
    test(`the "${name}" snippet, inserted with its defaults, gives no errors`, async () => {
      const context = contexts[name];
      assert.ok(context, `no context for ${name}`);
      const { document, editor } = await open(context.replace('|', ''));
      const position = document.positionAt(context.indexOf('|'));
      editor.selection = new vscode.Selection(position, position);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'bccustomers', name });
      assert.notEqual(document.getText(), context.replace('|', ''), 'the snippet was not inserted');
      const errors = (await diagnosticsOf(document)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((d) => d.message),
        [],
      );
    });
  }

  test('"BigCommerce: New Customers File" opens a valid customers file', async () => {
    const before = [...vscode.workspace.textDocuments];
    await vscode.commands.executeCommand('bigcommerceCustomers.newFile');
    // The editor it opened, as this extension host sees it (the extension may run in another).
    const document = await newActiveDocument(before);
    assert.equal(document.languageId, 'bccustomers');
    assert.equal(JSON.parse(document.getText()).length, 1);
    assert.deepEqual(codes(await diagnosticsOf(document)), []);
  });

  test('a file of more than 10 customers can be split into files of at most 10', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bccustomers-split-'));
    const file = join(dir, 'import.bccustomers.json');
    const customers = Array.from({ length: 23 }, (_, i) => ({ email: `c${i}@example.com`, first_name: 'C', last_name: String(i) }));
    writeFileSync(file, JSON.stringify(customers, null, 2));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const [info] = await diagnosticsOf(document);
    assert.ok(info);
    assert.equal(info.code, 'batch-split');
    assert.equal(info.severity, vscode.DiagnosticSeverity.Information);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      info.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const split = actions.find((a) => a.title === 'Split into 3 files of at most 10 customers');
    assert.ok(split, `actions: ${actions.map((a) => a.title).join(', ')}`);
    // The action's command as it reaches this extension host: from another one (the web
    // worker's) VS Code keeps it to itself, and it is run by its id.
    if (extensionHost === 'node') assert.equal(split.command?.command, 'bigcommerceCustomers.splitFile');
    const created = await vscode.commands.executeCommand<vscode.Uri[]>('bigcommerceCustomers.splitFile', document.uri);
    const parts = created.map((uri) => JSON.parse(readFileSync(uri.fsPath, 'utf8')) as unknown[]);
    assert.deepEqual(
      parts.map((p) => p.length),
      [10, 10, 3],
    );
    assert.deepEqual(parts.flat(), customers);
  });
});
