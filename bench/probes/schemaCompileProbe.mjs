// Cold start of schema validation, in a fresh Node process with no TypeScript
// loader (which would slow down every require and blur the numbers).
// Usage: node schemaCompileProbe.mjs <ajv-compile|standalone> <projectRoot> <payload.json>
// Prints one line: @result { loadMs, compileMs, firstValidationMs, valid }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, root, payloadPath] = process.argv.slice(2);
if (!root || !payloadPath) throw new Error('Usage: node schemaCompileProbe.mjs <ajv-compile|standalone> <projectRoot> <payload.json>');
const payload = JSON.parse(readFileSync(payloadPath, 'utf8'));
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'bccustomers.schema.json'), 'utf8'));

let validate;
let loadMs;
let compileMs = 0;
if (mode === 'ajv-compile') {
  // What activation would cost if the extension compiled the schema itself.
  const start = performance.now();
  const { createAjv } = await import(pathToFileURL(join(root, 'scripts', 'generate-validator.mjs')).href);
  const loaded = performance.now();
  validate = createAjv().compile(schema);
  loadMs = loaded - start;
  compileMs = performance.now() - loaded;
} else if (mode === 'standalone') {
  // What the bundle does: load the code generated at build time.
  const require = createRequire(join(root, 'package.json'));
  const start = performance.now();
  validate = require(join(root, 'src', 'core', 'schema', 'generated', 'validateCustomers.js'));
  loadMs = performance.now() - start;
} else {
  throw new Error(`Unknown mode ${mode}`);
}
const validating = performance.now();
const valid = validate(payload);
const firstValidationMs = performance.now() - validating;
process.stdout.write('@result ' + JSON.stringify({ loadMs, compileMs, firstValidationMs, valid }) + '\n');
