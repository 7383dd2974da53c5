/**
 * Schema compile cost: compiling the schema with Ajv when the extension
 * activates, against loading the validator that the build generated
 * (Ajv standalone code), both from a cold start and, for Ajv, warm.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runProbe } from '../childProcess';
import { generateCustomers } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';
import { measureAlone, type RoundPlan } from '../timing';

interface ColdStart {
  loadMs: number;
  compileMs: number;
  firstValidationMs: number;
  valid: boolean;
}

export interface ColdSummary {
  /** load + compile + first validation, per fresh process */
  total: Summary;
  loadMedianMs: number;
  compileMedianMs: number;
  firstValidationMedianMs: number;
}

export interface SchemaCompileResult {
  /** a fresh `createAjv().compile(schema)` in a warm process */
  ajvCompileWarm: Summary;
  ajvCold: ColdSummary;
  standaloneCold: ColdSummary;
  bundleUses: 'standalone' | 'ajv-compile' | 'unknown';
  bundleEvidence: string;
}

export async function measureSchemaCompile(root: string, plan: RoundPlan, freshProcesses: number): Promise<SchemaCompileResult> {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'bccustomers.schema.json'), 'utf8')) as object;
  // Loaded by Node from the project, not bundled into the bench: the script finds its files from its own URL.
  const { createAjv } = (await import(pathToFileURL(join(root, 'scripts', 'generate-validator.mjs')).href)) as typeof import(
    '../../scripts/generate-validator.mjs',
    { with: { 'resolution-mode': 'import' } }
  );
  const ajvCompileWarm = summarize(await measureAlone(() => createAjv().compile(schema), plan));

  const directory = mkdtempSync(join(tmpdir(), 'bccustomers-bench-'));
  try {
    const payloadPath = join(directory, 'payload.json');
    writeFileSync(payloadPath, JSON.stringify(generateCustomers({ count: 10, mistakeRate: 0 })));
    const probe = join(root, 'bench', 'probes', 'schemaCompileProbe.mjs');
    const ajv: ColdStart[] = [];
    const standalone: ColdStart[] = [];
    // Alternated, so machine noise hits both kinds of process alike.
    for (let i = 0; i < freshProcesses; i++) {
      ajv.push((await runProbe<ColdStart>([probe, 'ajv-compile', root, payloadPath], { cwd: root })).result);
      standalone.push((await runProbe<ColdStart>([probe, 'standalone', root, payloadPath], { cwd: root })).result);
    }
    return { ajvCompileWarm, ajvCold: summarizeCold(ajv), standaloneCold: summarizeCold(standalone), ...bundleValidator(root) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function summarizeCold(runs: ColdStart[]): ColdSummary {
  if (runs.some((r) => !r.valid)) throw new Error('The sample payload did not validate; the cold-start probe measured the wrong thing');
  return {
    total: summarize(runs.map((r) => r.loadMs + r.compileMs + r.firstValidationMs)),
    loadMedianMs: summarize(runs.map((r) => r.loadMs)).medianMs,
    compileMedianMs: summarize(runs.map((r) => r.compileMs)).medianMs,
    firstValidationMedianMs: summarize(runs.map((r) => r.firstValidationMs)).medianMs,
  };
}

/** Ajv's compiler needs `new Function`; the generated validator carries Ajv's error messages but no compiler. */
function bundleValidator(root: string): Pick<SchemaCompileResult, 'bundleUses' | 'bundleEvidence'> {
  let bundle: string;
  try {
    bundle = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
  } catch {
    return { bundleUses: 'unknown', bundleEvidence: 'dist/extension.js is missing' };
  }
  const compiler = bundle.includes('new Function');
  // Ajv's generated code writes each error's `schemaPath`; the validator carries no messages.
  const generated = bundle.includes('schemaPath:');
  if (generated && !compiler)
    return { bundleUses: 'standalone', bundleEvidence: 'generated validator code present, no `new Function` (no Ajv compiler) in dist/extension.js' };
  if (compiler) return { bundleUses: 'ajv-compile', bundleEvidence: 'dist/extension.js contains `new Function` (Ajv compiler)' };
  return { bundleUses: 'unknown', bundleEvidence: 'neither generated validator code nor an Ajv compiler found' };
}
