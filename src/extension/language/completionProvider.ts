import * as vscode from 'vscode';
import { type CompletionEntry, completionsAt } from '../../core/language/completion';
import { toRange } from '../convert';

const kinds: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  snippet: vscode.CompletionItemKind.Snippet,
};

export class CustomersCompletions implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"', ':'];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const { items, range } = completionsAt(document.getText(), document.offsetAt(position));
    const replace = range.start === range.end ? document.getWordRangeAtPosition(position) ?? toRange(document, range) : toRange(document, range);
    return items.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, kinds[entry.kind]);
      item.insertText = new vscode.SnippetString(entry.insertText);
      item.range = replace;
      item.detail = entry.detail;
      item.filterText = entry.filterText;
      item.sortText = entry.sortText;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      return item;
    });
  }
}
