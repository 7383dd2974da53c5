// Compiles schemas/bccustomers.schema.json into standalone validation code (Ajv), so the
// extension ships a plain function instead of the Ajv compiler.
import { Ajv } from 'ajv';
// A CommonJS module: its function is both the module and its `default`, which is what TypeScript sees.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

/**
 * The standalone code embeds the schema, and each of its definitions again, as object literals
 * (Ajv's errors point into them). The bundle holds the schema file anyway, for hover and
 * completion: the code reads them from there instead.
 *
 * @param {string} code
 * @param {{ definitions: Record<string, unknown> }} schema
 */
function readSchemaFromItsFile(code, schema) {
  const embedded = (/** @type {unknown} */ value) => ` = ${JSON.stringify(value)};`;
  const at = code.indexOf(embedded(schema));
  const root = at >= 0 && /const (schema\d+)$/.exec(code.slice(0, at))?.[1];
  if (!root) throw new Error('generate-validator: the standalone code no longer embeds the schema as one constant');
  let shared = code.replace(embedded(schema), ` = require(${JSON.stringify(relative(outDir, schemaPath).split(sep).join('/'))});`);
  for (const [name, definition] of Object.entries(schema.definitions)) {
    if (!shared.includes(embedded(definition))) continue; // a definition only referenced through the root
    shared = shared.replace(embedded(definition), ` = ${root}.definitions[${JSON.stringify(name)}];`);
  }
  return shared;
}

export function generateValidator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  // No messages: the diagnostics have their own wording.
  const ajv = createAjv({ messages: false, code: { source: true, formats: undefined }, loopEnum: Number.MAX_SAFE_INTEGER });
  const validate = ajv.compile(schema);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'validateCustomers.js'), readSchemaFromItsFile(standaloneCode.default(ajv, validate), schema));
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
