// The reference as a command: validates files with vscode-json-languageservice and our schema, as
// VS Code does for a `jsonValidation` contribution, and prints one JSON line per file.
// Usage: node languageServiceValidate.cjs <projectRoot> <file…>
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');

async function main() {
  const [root, ...files] = process.argv.slice(2);
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'bccustomers.schema.json'), 'utf8'));
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'bench://schema.json', fileMatch: ['*.bccustomers.json'], schema }] });
  for (const file of files) {
    const document = TextDocument.create(`file://${file}`, 'json', 1, readFileSync(file, 'utf8'));
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
    process.stdout.write(JSON.stringify({ file, diagnostics }) + '\n');
  }
}

main().catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + '\n');
  process.exitCode = 2;
});
