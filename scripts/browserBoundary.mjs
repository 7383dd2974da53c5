// What code that runs in a browser web worker may not reach: Node's built-in modules (with or
// without `node:`), and the npm packages that stand in for them (`buffer`, `events`, `util`, …),
// which a bundler would otherwise pull in quietly. An esbuild plugin that fails the build on
// either, naming the file that imports it.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';

const nodeOnly = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function isNodeOnly(path) {
  return path.startsWith('node:') || nodeOnly.has(path) || nodeOnly.has(path.split('/')[0]);
}

/**
 * `forbidden`: more module names to refuse (such as 'vscode'). `allowedImporters`: files (relative
 * to the working folder) whose packages are neither checked nor followed, for what is known and
 * being moved.
 */
export function browserBoundaryPlugin({ forbidden = [], allowedImporters = [] } = {}) {
  const refused = new Set(forbidden);
  const allowed = new Set(allowedImporters);
  return {
    name: 'browser-boundary',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const importer = relative(process.cwd(), args.importer);
        if (allowed.has(importer) && !args.path.startsWith('.')) return { path: args.path, external: true };
        if (!(isNodeOnly(args.path) || refused.has(args.path))) return undefined;
        return { errors: [{ text: `"${args.path}" is Node-only or not allowed here, and "${importer}" imports it: this code must run in a browser web worker.` }] };
      });
    },
  };
}
