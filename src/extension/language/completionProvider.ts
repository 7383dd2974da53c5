import * as vscode from 'vscode';
import { type CompletionEntry, completionsAt } from '../../core/language/completion';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { storeItemsFor } from '../../core/store/storeCompletions';
import { toRange } from '../convert';

const kinds: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  snippet: vscode.CompletionItemKind.Snippet,
};

export class CustomersCompletions implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"', ':'];

  /** `catalogue` gives the active store's attributes, groups and channels, when loaded. */
  constructor(private readonly catalogue: () => StoreCatalogue | undefined) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const { items, range, field, country } = completionsAt(document.getText(), document.offsetAt(position));
    const replace = range.start === range.end ? (document.getWordRangeAtPosition(position) ?? toRange(document, range)) : toRange(document, range);
    const storeItems = field ? storeItemsFor(this.catalogue(), field, country) : [];
    // A value the store offers is offered once, as the store words it.
    const offered = new Set(storeItems.map((entry) => entry.label));
    const fromStore = storeItems.map((entry) => {
      const item = new vscode.CompletionItem({ label: entry.label, description: entry.detail }, vscode.CompletionItemKind.Reference);
      item.insertText = entry.insertText;
      item.range = replace;
      item.filterText = entry.filterText;
      item.sortText = entry.sortText;
      return item;
    });
    return fromStore.concat(
      items
        .filter((entry) => !offered.has(entry.label))
        .map((entry) => {
          const item = new vscode.CompletionItem(entry.label, kinds[entry.kind]);
          item.insertText = new vscode.SnippetString(entry.insertText);
          item.range = replace;
          if (entry.detail !== undefined) item.detail = entry.detail;
          if (entry.filterText !== undefined) item.filterText = entry.filterText;
          if (entry.sortText !== undefined) item.sortText = entry.sortText;
          if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
          return item;
        }),
    );
  }
}
