/**
 * The reference: VS Code's own JSON language service with the same schema,
 * set up the way VS Code uses it for a `jsonValidation` contribution — the
 * schema registered once by file pattern, so it is resolved once and cached,
 * and each pass parses the text and validates it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService, TextDocument, type Diagnostic, type JSONSchema } from 'vscode-json-languageservice';

const SCHEMA_URI = 'bench://schemas/bccustomers.schema.json';
const DOCUMENT_URI = 'file:///bench/customers.bccustomers.json';

export type LanguageServicePass = (text: string) => PromiseLike<Diagnostic[]>;

/** Its parse alone (text → AST with offsets): the counterpart of our parseJsonDocument. */
export function createLanguageServiceParse(): (text: string) => unknown {
  const service = getLanguageService({});
  return (text) => service.parseJSONDocument(TextDocument.create(DOCUMENT_URI, 'json', 1, text));
}

export function createLanguageServicePass(projectRoot: string): LanguageServicePass {
  const schema = JSON.parse(readFileSync(join(projectRoot, 'schemas', 'bccustomers.schema.json'), 'utf8')) as JSONSchema;
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.bccustomers.json'], schema }] });
  let version = 0;
  return (text) => {
    // A new TextDocument per pass, as the language server gets one per change.
    const document = TextDocument.create(DOCUMENT_URI, 'json', ++version, text);
    return service.doValidation(document, service.parseJSONDocument(document));
  };
}
