import type { BcDiagnostic } from '../diagnostics/diagnostic';
import type { JsonDocument } from '../document/jsonDocument';
import { computeFix } from './computeFix';
import type { TextEdit } from './fixSpec';

/**
 * The edits of every preferred fix that can be applied together: the ones whose edits
 * overlap an earlier fix's are left for the next round, so the result is always valid.
 */
export function fixAllEdits(doc: JsonDocument, diagnostics: readonly BcDiagnostic[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!d.fix?.preferred) continue;
    const fix = computeFix(doc, d.fix);
    if (!fix || fix.snippet || fix.split || !fix.edits.length) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((edit) => chosen.some((other) => overlaps(edit, other)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.offset - b.offset);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Touching insertions at the same offset also count, since their order would be ambiguous.
  return (a.offset < b.offset + b.length && b.offset < a.offset + a.length) || a.offset === b.offset;
}

/** Applies non-overlapping edits to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}
