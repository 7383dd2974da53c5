import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { languageId } from '../settings';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { ImportOriginHover } from './importHover';
import { MappingGroupCompletions } from './mappingCompletions';


/**
 * The import's command (registered with `command`, which reports failures), the hover that
 * names a customer's CSV row, and the store's groups in mapping files. The command's module is
 * loaded when it first runs: the extension's start-up does not pay for it.
 */
export function importRegistrations(command: (id: string, run: (uri?: vscode.Uri) => unknown) => vscode.Disposable, catalogue: () => StoreCatalogue | undefined): vscode.Disposable[] {
  return [
    command(commandIds.importCsv, (uri?: vscode.Uri) => {
      // A plain require, so that the extension host's module loader (which provides `vscode`) loads it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, through the host's loader that provides `vscode`
      const { importCsv } = require('./importCsv.js') as typeof import('./importCsv.js');
      return importCsv(uri);
    }),
    vscode.languages.registerHoverProvider({ language: languageId }, new ImportOriginHover()),
    vscode.languages.registerCompletionItemProvider(MappingGroupCompletions.selector, new MappingGroupCompletions(catalogue)),
  ];
}
