// The extension under test, wherever it runs. These tests run in code-server's Node.js
// extension host; the extension runs there too, or, when the session's settings say so
// (BCC_EXTENSION_HOST=web), in the browser's web worker extension host. From there its API
// object cannot reach this host: a command stands in for it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DiagnosticSource } from '../../../src/core/diagnostics/publications';
import { diagnosticKey, type ExtensionApi, waitForDiagnosticsCommand } from '../../../src/extension/api';

export const extensionId = 'bccustomers.bigcommerce-customers';

export const extensionHost: 'node' | 'web' = process.env.BCC_EXTENSION_HOST === 'web' ? 'web' : 'node';

/** How each source labels its diagnostics. */
const labelled: Record<DiagnosticSource, (label: string | undefined) => boolean> = {
  file: (label) => label === 'BigCommerce',
  store: (label) => label?.startsWith('BigCommerce store ') === true,
  send: (label) => label === 'BigCommerce store',
};

/** Diagnostics of the document's current version from `source`, once the extension has published them. */
export async function diagnosticsOf(document: vscode.TextDocument, source: DiagnosticSource = 'file'): Promise<readonly vscode.Diagnostic[]> {
  const local = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  if (local) return (await local.activate()).waitForDiagnostics(document.uri, source);
  const published = (await commandOfTheOtherHost<string[]>(waitForDiagnosticsCommand, document.uri, source)).sort().join('\n');
  // What the other host published reaches this one a moment later.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const here = vscode.languages.getDiagnostics(document.uri).filter((d) => labelled[source](d.source));
    const keys = here.map(diagnosticKey).sort().join('\n');
    if (keys === published) return here;
    assert.ok(Date.now() < deadline, `the diagnostics here (${keys || 'none'}) never became those published (${published || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The other host registers the extension's commands when it activates there, a moment after a customers file opens. */
export async function commandOfTheOtherHost<T>(id: string, ...args: unknown[]): Promise<T> {
  const deadline = Date.now() + 45_000;
  while (!(await vscode.commands.getCommands(true)).includes(id)) {
    assert.ok(Date.now() < deadline, `${id} was never registered: the extension did not activate in the ${extensionHost} host`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return vscode.commands.executeCommand<T>(id, ...args);
}
