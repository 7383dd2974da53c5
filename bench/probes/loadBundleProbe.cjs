// Loads the extension bundle in a fresh Node process, with a stand-in for the
// `vscode` module (which only exists inside VS Code), and reports how long the
// require() took. Plain CommonJS, so no TypeScript loader slows the require.
// Usage: node loadBundleProbe.cjs <path/to/extension.js>
// Prints one line: @result { requireMs, sinceProcessStartMs, hasActivate }.
'use strict';
const Module = require('node:module');
const path = require('node:path');

/**
 * Any property, call or `new` on it gives the stub again: enough for module-level code.
 * Its prototype answers the same way, because esbuild's interop helper copies a
 * CommonJS module onto an object created from the module's prototype.
 */
function vscodeStub() {
  const anyProperty = (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : stub);
  const prototype = new Proxy(Object.create(null), { get: anyProperty });
  const stub = new Proxy(function vscode() {}, {
    get: anyProperty,
    getPrototypeOf: () => prototype,
    apply: () => stub,
    construct: () => stub,
  });
  return stub;
}

const STUB_ID = 'vscode';
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  return request === STUB_ID ? STUB_ID : originalResolve.call(this, request, ...rest);
};
const stubModule = new Module(STUB_ID);
stubModule.exports = vscodeStub();
stubModule.loaded = true;
require.cache[STUB_ID] = stubModule;

const bundle = path.resolve(process.argv[2]);
const start = performance.now();
const extension = require(bundle);
const requireMs = performance.now() - start;
const result = { requireMs, sinceProcessStartMs: performance.now(), hasActivate: typeof extension.activate === 'function' };
process.stdout.write('@result ' + JSON.stringify(result) + '\n');
