// What code that runs in a browser web worker may not reach: Node's built-in modules (with or
// without `node:`), and the npm packages that stand in for them (`buffer`, `events`, `util`, …),
// which a bundler would otherwise pull in quietly. An esbuild plugin that fails the build on
// either, naming the file that imports it.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';

const nodeOnly = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** @param {string} path */
function isNodeOnly(path) {
  return path.startsWith('node:') || nodeOnly.has(path) || nodeOnly.has(path.split('/')[0] ?? '');
}

/**
 * `forbidden`: more module names to refuse (such as 'vscode').
 * @param {{ forbidden?: string[] }} [options]
 * @returns {import('esbuild').Plugin}
 */
export function browserBoundaryPlugin({ forbidden = [] } = {}) {
  const refused = new Set(forbidden);
  return {
    name: 'browser-boundary',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const importer = relative(process.cwd(), args.importer);
        if (!(isNodeOnly(args.path) || refused.has(args.path))) return undefined;
        return {
          errors: [{ text: `"${args.path}" is Node-only or not allowed here, and "${importer}" imports it: this code must run in a browser web worker.` }],
        };
      });
    },
  };
}
