import * as vscode from 'vscode';
import { hoverAt, idAt } from '../../core/language/hover';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { describeStoreId } from '../../core/store/storeCompletions';
import { toRange } from '../convert';

export class CustomersHover implements vscode.HoverProvider {
  /** `catalogue` gives the active store's data, to name the ids the file uses. */
  constructor(private readonly catalogue: () => StoreCatalogue | undefined) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const info = hoverAt(text, offset);
    if (info) return new vscode.Hover(new vscode.MarkdownString(info.contents), toRange(document, info.range));
    // A number that is one of the store's ids: what it names in the store.
    const id = idAt(text, offset);
    const meaning = id && describeStoreId(this.catalogue(), id.field, id.id);
    return meaning ? new vscode.Hover(new vscode.MarkdownString(`\`${id.field}\` ${id.id}: ${meaning}`), toRange(document, id.range)) : undefined;
  }
}
