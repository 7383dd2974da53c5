import { createScanner, SyntaxKind } from 'jsonc-parser';

export interface FoldingLines {
  /** Zero-based; the line that stays visible. */
  startLine: number;
  /** The last line hidden: the one before the closing bracket's. */
  endLine: number;
  kind?: 'comment';
}

/**
 * A folding range for every object and array (and block comment) that spans lines, as VS Code
 * folds JSON: the closing bracket stays visible, and of ranges that start on the same line only
 * the innermost is kept.
 */
export function foldingRanges(text: string): FoldingLines[] {
  // Trivia included: a block comment is one of its tokens.
  const scanner = createScanner(text, false);
  const ranges: FoldingLines[] = [];
  const open: { startLine: number; token: SyntaxKind }[] = [];
  let lastStart = -1;
  const add = (range: FoldingLines) => {
    if (range.endLine <= range.startLine || range.startLine === lastStart) return;
    ranges.push(range);
    lastStart = range.startLine;
  };
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        open.push({ startLine: scanner.getTokenStartLine(), token });
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const expected = token === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
        if (open[open.length - 1]?.token !== expected) break;
        add({ startLine: open.pop()!.startLine, endLine: scanner.getTokenStartLine() - 1 });
        break;
      }
      case SyntaxKind.BlockCommentTrivia: {
        const startLine = scanner.getTokenStartLine();
        const lines = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()).split('\n').length;
        add({ startLine, endLine: startLine + lines - 1, kind: 'comment' });
        break;
      }
    }
  }
  return ranges;
}
