import * as vscode from 'vscode';
import { hoverAt } from '../../core/language/hover';
import { toRange } from '../convert';

export class CustomersHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const info = hoverAt(document.getText(), document.offsetAt(position));
    return info && new vscode.Hover(new vscode.MarkdownString(info.contents), toRange(document, info.range));
  }
}
