import * as vscode from 'vscode';
import { expectsGroupId } from '../../core/import/mappingCompletion';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { customerGroupItems } from '../../core/store/storeCompletions';

/** In a mapping file, the active store's customer groups where a customer_group_id goes. */
export class MappingGroupCompletions implements vscode.CompletionItemProvider {
  static readonly selector: vscode.DocumentSelector = { pattern: '**/*.bccustomers-mapping.json' };

  constructor(private readonly catalogue: () => StoreCatalogue | undefined) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    if (!expectsGroupId(document.getText(), document.offsetAt(position))) return [];
    const range = document.getWordRangeAtPosition(position, /\d+/);
    return customerGroupItems(this.catalogue()).map((group) => {
      const item = new vscode.CompletionItem(group.label, vscode.CompletionItemKind.Value);
      item.insertText = group.insertText;
      item.detail = group.detail;
      item.filterText = group.filterText;
      item.sortText = group.sortText;
      if (range) item.range = range;
      return item;
    });
  }
}
