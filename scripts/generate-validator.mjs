// Compiles schemas/bccustomers.schema.json into standalone validation code (Ajv), so the
// extension ships a plain function instead of the Ajv compiler.
import { Ajv } from 'ajv';
// A CommonJS module: its function is both the module and its `default`, which is what TypeScript sees.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'schemas', 'bccustomers.schema.json');
const outDir = join(root, 'src', 'core', 'schema', 'generated');

/** Keywords that VS Code's JSON tooling (and our hover/completion) read, which Ajv must ignore. */
export const editorKeywords = ['markdownDescription', 'enumDescriptions', 'defaultSnippets', 'x-recommended', 'x-reference-silent'];

/** @param {Record<string, unknown>} [options] */
export function createAjv(options = {}) {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...options });
  // BigCommerce's reference gives emails no format: only what is plainly not an address
  // (no @, or spaces) is refused here; rules warn about the rest.
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/u);
  ajv.addVocabulary(editorKeywords);
  return ajv;
}

export function generateValidator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = createAjv({ code: { source: true, formats: undefined }, loopEnum: Number.MAX_SAFE_INTEGER });
  const validate = ajv.compile(schema);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'validateCustomers.js'), standaloneCode.default(ajv, validate));
  writeFileSync(
    join(outDir, 'validateCustomers.d.ts'),
    [
      "import type { ErrorObject } from 'ajv';",
      'declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };',
      'export = validate;',
      '',
    ].join('\n'),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generateValidator();
