import * as vscode from 'vscode';
import { foldingRanges } from '../../core/language/folding';

/** A folding range on every object and array that spans lines. */
export class CustomersFolding implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return foldingRanges(document.getText()).map(
      (r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined),
    );
  }
}
