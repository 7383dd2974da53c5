import * as vscode from 'vscode';
import { languageId } from '../settings';
import { ImportOriginHover } from './importHover';

export const importCsvCommand = 'bigcommerceCustomers.importCsv';

/**
 * The import's command and its hover, registered with `command` (which reports failures). The
 * command's module is loaded when it first runs: the extension's start-up does not pay for it.
 */
export function importRegistrations(command: (id: string, run: (uri?: vscode.Uri) => unknown) => vscode.Disposable): vscode.Disposable[] {
  return [
    command(importCsvCommand, (uri?: vscode.Uri) => {
      // A plain require, so that the extension host's module loader (which provides `vscode`) loads it.
      const { importCsv } = require('./importCsv.js') as typeof import('./importCsv.js');
      return importCsv(uri);
    }),
    vscode.languages.registerHoverProvider({ language: languageId }, new ImportOriginHover()),
  ];
}
