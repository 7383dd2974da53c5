import * as vscode from 'vscode';
import { selectionRangesAt } from '../../core/language/selectionRanges';
import { toRange } from '../convert';

/** Expand and Shrink Selection: value, property, object, array, … out to the whole body. */
export class CustomersSelectionRanges implements vscode.SelectionRangeProvider {
  provideSelectionRanges(document: vscode.TextDocument, positions: readonly vscode.Position[]): vscode.SelectionRange[] {
    const text = document.getText();
    return positions.map((position) => {
      const ranges = selectionRangesAt(text, document.offsetAt(position));
      // Outermost first, each the parent of the next.
      let result: vscode.SelectionRange | undefined;
      for (const range of ranges.reverse()) result = new vscode.SelectionRange(toRange(document, range), result);
      return result ?? new vscode.SelectionRange(new vscode.Range(position, position));
    });
  }
}
