import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { languageId } from '../settings';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { ImportOriginHover } from './importHover';
import { MappingGroupCompletions } from './mappingCompletions';

/** The module of the import command, a bundle of its own (`importCsv.js` beside the entry's). */
export type ImportModule = typeof import('./importCsv.js');

/**
 * The import's command (registered with `command`, which reports failures), the hover that
 * names a customer's CSV row, and the store's groups in mapping files. The command's module is
 * loaded by `load` when it first runs: the extension's start-up does not pay for it.
 */
export function importRegistrations(
  command: (id: string, run: (uri?: vscode.Uri) => unknown) => vscode.Disposable,
  catalogue: () => StoreCatalogue | undefined,
  load: () => ImportModule | Promise<ImportModule>,
): vscode.Disposable[] {
  return [
    command(commandIds.importCsv, async (uri?: vscode.Uri) => (await load()).importCsv(uri)),
    vscode.languages.registerHoverProvider({ language: languageId }, new ImportOriginHover()),
    vscode.languages.registerCompletionItemProvider(MappingGroupCompletions.selector, new MappingGroupCompletions(catalogue)),
  ];
}
