import * as vscode from 'vscode';
import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import { hoverAt } from '../../core/language/hover';
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
    const root = parseTree(text);
    const node = root && findNodeAtOffset(root, offset);
    if (node?.type !== 'number') return undefined;
    const field = [...getNodePath(node)].reverse().find((s): s is string => typeof s === 'string');
    const meaning = field && describeStoreId(this.catalogue(), field, Number(node.value));
    return meaning ? new vscode.Hover(new vscode.MarkdownString(`\`${field}\` ${node.value}: ${meaning}`), toRange(document, { start: node.offset, end: node.offset + node.length })) : undefined;
  }
}
