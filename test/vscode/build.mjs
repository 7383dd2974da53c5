// Bundles the integration test suite for a VS Code extension host: one CommonJS file per
// test file plus index.js, into out/vscode-suite/. `vscode` comes from the extension host
// and `mocha` from the project's node_modules at run time.
//
//   node test/vscode/build.mjs
//
// runCodeServer.mjs also calls buildSuite() itself, so it never runs a stale suite.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const suiteDir = join(here, 'suite');
const outdir = join(root, 'out', 'vscode-suite');

export async function buildSuite() {
  const entryPoints = readdirSync(suiteDir)
    .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
    .map((file) => join(suiteDir, file));
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    // jsonc-parser's UMD entry cannot be bundled; its ESM build can.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  console.log(`built ${entryPoints.length} files into ${relative(root, outdir)}/`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildSuite();
