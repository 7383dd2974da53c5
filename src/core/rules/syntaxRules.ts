import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import type { JsonDocument, TextRange } from '../document/jsonDocument';

/** JSON syntax, plus the comments and trailing commas that editors tolerate but BigCommerce does not. */
export function syntaxDiagnostics(doc: JsonDocument): BcDiagnostic[] {
  const found = doc.syntaxProblems.map((p) => diagnostic('json-syntax', p.message, p.range, ''));
  for (const range of doc.comments) {
    found.push(
      diagnostic('json-comment', 'BigCommerce accepts strict JSON only: comments are not allowed', range, '', {
        fix: { kind: 'delete-range', range: wholeLineIfAlone(doc.text, range), title: 'Remove the comment', preferred: true },
      }),
    );
  }
  for (const range of doc.trailingCommas) {
    found.push(
      diagnostic('json-trailing-comma', 'BigCommerce accepts strict JSON only: remove the comma after the last item', range, '', {
        fix: { kind: 'delete-range', range, title: 'Remove the trailing comma', preferred: true },
      }),
    );
  }
  return found;
}

/** A comment alone on its line goes with its line, so no blank line is left behind. */
function wholeLineIfAlone(text: string, range: TextRange): TextRange {
  let start = range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = range.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const startsLine = start === 0 || text[start - 1] === '\n';
  if (!startsLine) return range;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') return { start, end: end + 1 };
  return end === text.length ? { start, end } : range;
}
