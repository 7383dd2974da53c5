// The core (src/core) runs in Node.js, in the CLI and in a browser's web worker: it may
// import neither `vscode` nor anything Node-only, and may not use Node's globals (`process`,
// `Buffer`, `setImmediate`, `require`, `NodeJS.*`, …). This check fails (exit code 1) and names
// every such use:
//   1. esbuild bundles every core module for the browser and refuses Node's built-ins, the
//      packages that stand in for them, and `vscode`;
//   2. TypeScript finds each name the core uses that only Node's type declarations declare
//      (a name a browser has too, such as `setTimeout` or `TextEncoder`, is fine).
//
//   node scripts/checkCoreBoundary.mjs
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { browserBoundaryPlugin } from './browserBoundary.mjs';

const root = join(import.meta.dirname, '..');
const coreDir = join(root, 'src', 'core');

/** @returns {string[]} */
function coreFiles(dir = coreDir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const posix = (/** @type {string} */ path) => relative(root, path).split(sep).join('/');

/** @param {string[]} files */
async function importProblems(files) {
  try {
    await esbuild.build({
      entryPoints: files,
      bundle: true,
      write: false,
      outdir: join(root, 'out', 'core-boundary'),
      platform: 'browser',
      format: 'esm',
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
      absWorkingDir: root,
      plugins: [browserBoundaryPlugin({ forbidden: ['vscode'] })],
    });
    return [];
  } catch (error) {
    /** @type {Pick<esbuild.Message, 'text' | 'location'>[]} */
    const messages = /** @type {Partial<esbuild.BuildFailure>} */ (error).errors ?? [{ text: String(error), location: null }];
    return messages.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
  }
}

/**
 * Names used in the core that only @types/node declares.
 * @param {string[]} files
 */
function globalProblems(files) {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    esModuleInterop: true,
  });
  const checker = program.getTypeChecker();
  const fromNode = (/** @type {ts.Declaration} */ declaration) => declaration.getSourceFile().fileName.includes('/node_modules/@types/node/');
  /** @type {string[]} */
  const problems = [];
  for (const file of files) {
    const path = posix(file);
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`TypeScript did not read ${path}`);
    // Member names are judged by what they are members of: `process.env` by `process`.
    const isMemberName = (/** @type {ts.Node} */ node) =>
      (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) || (ts.isQualifiedName(node.parent) && node.parent.right === node);
    const visit = (/** @type {ts.Node} */ node) => {
      if (ts.isIdentifier(node) && !isMemberName(node)) {
        const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
        if (declarations.length && declarations.every(fromNode)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          problems.push(`${path}:${line + 1}: "${node.text}" exists only in Node.js; this code must also run in a browser web worker.`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

const files = coreFiles();
const problems = [...(await importProblems(files)), ...globalProblems(files)];
if (problems.length) {
  console.error(`src/core reaches outside what a browser web worker offers:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`src/core: ${files.length} modules, nothing Node-only and no vscode`);
