import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { desktopOnlyFeatures } from './browser/desktopOnly';
import { loadBundle } from './browser/loadBundle';
import { registerCommand } from './commands/registerCommand';
import { type ImportModule, importRegistrations } from './import';
import { activateLanguageFeatures } from './languageFeatures';
import { vscodeHost } from './host/vscodeHost';

/**
 * The browser entry (vscode.dev, github.dev, code-server's web worker host): every language
 * feature and the CSV import (it reads and writes through `workspace.fs`; its code is loaded
 * when the command first runs); the store's commands explain that they need the desktop.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('BigCommerce Customers', { log: true });
  const { api } = activateLanguageFeatures(context, vscodeHost(context, log));
  let importModule: Promise<ImportModule> | undefined;
  const loadImport = () =>
    (importModule ??= loadBundle<ImportModule>(context.extensionUri, 'dist/web/importCsv.js').catch((error: unknown) => {
      importModule = undefined; // tried again next time
      throw error;
    }));
  context.subscriptions.push(
    log,
    ...desktopOnlyFeatures(log),
    ...importRegistrations(
      (id, run) => registerCommand(log, id, run),
      () => undefined,
      loadImport,
    ),
  );
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms (web worker)`);
  return api;
}

export function deactivate(): void {}
