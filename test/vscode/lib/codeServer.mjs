// Starts and stops code-server: VS Code's server, whose workbench runs in a browser and
// whose extension host runs here in Node.js.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerBin } from './paths.mjs';

/**
 * Resolves with the port it could listen on (0 = any), or undefined when `port` is taken.
 * @param {number} port
 * @returns {Promise<number | undefined>}
 */
function tryPort(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(undefined) : reject(error),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(bound));
    });
  });
}

export async function freePort() {
  const port = await tryPort(0);
  if (port === undefined) throw new Error('no free port on 127.0.0.1');
  return port;
}

/**
 * `preferred` if it is free, else the next free one above it: a stable address to bookmark.
 * @param {number} preferred
 */
export async function freePortFrom(preferred, attempts = 50) {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free port between ${preferred} and ${preferred + attempts - 1}`);
}

/**
 * code-server's CLI install, which unpacks the .vsix and registers it as a user would have it.
 * @param {{ vsix: string; extensionsDir: string; userDataDir: string; env?: NodeJS.ProcessEnv | undefined }} options
 */
export function installExtension({ vsix, extensionsDir, userDataDir, env }) {
  const args = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'];
  const result = spawnSync(codeServerBin, args, { encoding: 'utf8', env: cleanEnvironment(env) });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Environment for code-server, and so for its extension host, without traces of a VS Code this may run in.
 * @param {NodeJS.ProcessEnv | undefined} extra
 */
function cleanEnvironment(extra) {
  const env = { ...process.env, ...extra };
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  }
  return env;
}

/**
 * @typedef {object} CodeServerOptions
 * @property {number} port
 * @property {string} extensionsDir
 * @property {string} userDataDir
 * @property {string} configFile
 * @property {string} workspace
 * @property {string} logFile
 * @property {NodeJS.ProcessEnv} [env]
 * @property {boolean} [workspaceTrust]
 */

export class CodeServer {
  /**
   * `workspaceTrust`: false (the default) starts with trust turned off, as if every folder were trusted.
   * @param {CodeServerOptions} options
   */
  constructor({ port, extensionsDir, userDataDir, configFile, workspace, logFile, env, workspaceTrust = false }) {
    this.port = port;
    this.extensionsDir = extensionsDir;
    this.userDataDir = userDataDir;
    this.configFile = configFile;
    this.workspace = workspace;
    this.logFile = logFile;
    this.env = env;
    this.workspaceTrust = workspaceTrust;
    this.url = `http://127.0.0.1:${port}`;
    /** @type {import('node:child_process').ChildProcess | undefined} */
    this.child = undefined;
    /** @type {Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined} */
    this.exited = undefined;
  }

  workbenchUrl() {
    return `${this.url}/?folder=${encodeURIComponent(this.workspace)}`;
  }

  start() {
    const args = [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--config',
      this.configFile,
      '--disable-telemetry',
      '--disable-update-check',
      ...(this.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--extensions-dir',
      this.extensionsDir,
      '--user-data-dir',
      this.userDataDir,
      this.workspace,
    ];
    const log = openSync(this.logFile, 'a');
    // Its own process group, so that stopping it also stops the extension host and the
    // other processes it starts.
    const child = spawn(codeServerBin, args, { detached: true, stdio: ['ignore', log, log], env: cleanEnvironment(this.env) });
    this.child = child;
    closeSync(log);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('error', (error) => console.error(`code-server: ${error.message}`));
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** @param {number} timeoutMs */
  async waitUntilReady(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`code-server exited before it was ready (exit code ${this.child?.exitCode})`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    throw new Error(`code-server did not answer on ${this.url}/healthz within ${timeoutMs / 1000} s`);
  }

  /** @param {NodeJS.Signals} signal */
  signalGroup(signal) {
    const pid = this.child?.pid;
    if (pid === undefined) return false;
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // The whole group is gone already.
    }
  }

  /** SIGTERM to everything code-server started; SIGKILL for whatever is still there after a few seconds. */
  async stop() {
    if (!this.child?.pid) return;
    if (this.signalGroup('SIGTERM')) {
      await Promise.race([this.exited, sleep(5000)]);
      // The extension host may outlive the server by a moment; the group is killed either way.
      await sleep(200);
    }
    this.signalGroup('SIGKILL');
  }

  /** For process exit without cleanup: no waiting possible. */
  killNow() {
    if (this.child?.pid) this.signalGroup('SIGKILL');
  }
}
