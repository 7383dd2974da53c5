// The sandbox store (test/sandbox/store.ts), run in this process so that tests can read
// its customers and requests and change its faults between steps. It is TypeScript:
// tsx loads it without a build step.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { projectRoot } from './paths.mjs';

const storeModule = pathToFileURL(join(projectRoot, 'test', 'sandbox', 'store.ts')).href;

/** A token no other file of the project or of VS Code contains, so that finding it anywhere means it leaked. */
export function distinctiveToken() {
  return `bcc-secret-${randomBytes(9).toString('hex')}`;
}

/** @typedef {import('../../sandbox/store.js').SandboxStore} SandboxStore */

/**
 * Starts a sandbox store with demo data; `options` as startSandboxStore takes them (port, accessToken, …).
 * @param {import('../../sandbox/store.js').SandboxOptions} [options]
 * @returns {Promise<SandboxStore>}
 */
export async function startSandbox(options = {}) {
  const { startSandboxStore } = await tsImport(storeModule, import.meta.url);
  return startSandboxStore(options);
}

/**
 * The settings that point the extension at `store`.
 * @param {SandboxStore} store
 */
export function sandboxSettings(store) {
  return { 'bigcommerceCustomers.apiBaseUrl': store.url };
}

/**
 * What the extension host's test suite needs to reach the sandbox itself.
 * @param {SandboxStore} store
 */
export function sandboxEnvironment(store) {
  return { BCC_SANDBOX_URL: store.url, BCC_SANDBOX_STORE_HASH: store.storeHash, BCC_SANDBOX_TOKEN: store.accessToken };
}
