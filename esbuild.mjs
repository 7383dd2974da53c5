// Builds the extension (for VS Code on the desktop, and for the browser), and the CLI bundles.
// The schema validator is generated first, as Ajv standalone code, so nothing compiles the
// schema (or calls `new Function`) at run time.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { browserBoundaryPlugin } from './scripts/browserBoundary.mjs';
import { generateValidator } from './scripts/generate-validator.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

generateValidator();

/** @satisfies {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  // A production bundle names no map (the package leaves maps out); the bench reads it to map CPU profiles.
  sourcemap: production ? 'external' : true,
  logLevel: 'warning',
  metafile: true,
  // jsonc-parser's UMD entry cannot be bundled; its ESM build can.
  mainFields: ['module', 'main'],
};

// VS Code's web worker extension host loads CommonJS. Nothing of Node may come in: the build
// fails on any Node built-in (or a package standing in for one) that the code reaches.
/** @satisfies {esbuild.BuildOptions} */
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
  plugins: [browserBoundaryPlugin()],
};

/** @satisfies {(esbuild.BuildOptions & { name: string })[]} */
const builds = [
  // The CSV import (papaparse and the formats) is loaded from its own file when the command first runs, on the desktop and in the browser.
  { ...common, name: 'extension', entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode', './importCsv.js'] },
  { ...common, name: 'import', entryPoints: { importCsv: 'src/extension/import/importCsv.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...browser, name: 'web-extension', entryPoints: { extension: 'src/extension/browserExtension.ts' }, outdir: 'dist/web' },
  { ...browser, name: 'web-import', entryPoints: { importCsv: 'src/extension/import/importCsv.ts' }, outdir: 'dist/web' },
  { ...common, name: 'cli', entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const { name: _name, ...options } of builds) await (await esbuild.context(options)).watch();
} else {
  for (const { name, ...options } of builds) {
    const result = await esbuild.build(options);
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}  ${(info.bytes / 1024).toFixed(1)} KB`);
    }
    // What each bundle is made of, for `npm run bench`.
    mkdirSync('out', { recursive: true });
    writeFileSync(`out/${name}.meta.json`, JSON.stringify(result.metafile));
  }
}
