import * as vscode from 'vscode';
import { formatEdits } from '../../core/language/format';
import { toTextEdits } from '../convert';

/** Format Document and Format Selection, with the editor's indentation settings. */
export class CustomersFormatter implements vscode.DocumentFormattingEditProvider, vscode.DocumentRangeFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return this.edits(document, undefined, options);
  }

  provideDocumentRangeFormattingEdits(document: vscode.TextDocument, range: vscode.Range, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return this.edits(document, range, options);
  }

  private edits(document: vscode.TextDocument, range: vscode.Range | undefined, options: vscode.FormattingOptions): vscode.TextEdit[] {
    const edits = formatEdits(document.getText(), range && { start: document.offsetAt(range.start), end: document.offsetAt(range.end) }, {
      tabSize: options.tabSize,
      insertSpaces: options.insertSpaces,
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
      insertFinalNewline: options.insertFinalNewline === true,
    });
    return toTextEdits(document, edits);
  }
}
