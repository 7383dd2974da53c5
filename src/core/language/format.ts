import { format } from 'jsonc-parser';
import type { TextRange } from '../document/jsonDocument';
import type { TextEdit } from '../fixes/fixSpec';
import { strictJsonFormatEdits } from './strictFormat';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  /** The document's line ending. */
  eol: '\n' | '\r\n';
  insertFinalNewline?: boolean;
}

/** Beyond this many edits one edit replaces the span they cover: the editor applies it far faster. */
const MAX_SEPARATE_EDITS = 2_000;

/**
 * The edits that lay out `text` (or the part in `range`) as strict JSON with the editor's
 * indentation: one value per line, one space after each colon. Comments and trailing commas
 * stay where they are, for their diagnostics and fixes to deal with.
 */
export function formatEdits(text: string, range: TextRange | undefined, options: FormatOptions): TextEdit[] {
  // A whole strict-JSON document is laid out by a quicker pass with the same result.
  const strict = range ? undefined : strictJsonFormatEdits(text, options, MAX_SEPARATE_EDITS);
  if (strict) return strict;
  const edits = format(text, range && { offset: range.start, length: range.end - range.start }, { ...options, keepLines: false }).map((e) => ({
    offset: e.offset,
    length: e.length,
    newText: e.content,
  }));
  return edits.length > MAX_SEPARATE_EDITS ? [merged(text, edits)] : edits;
}

/** The edits, in document order and apart, as one (built in one pass: applying them one by one is quadratic). */
function merged(text: string, edits: TextEdit[]): TextEdit {
  const start = edits[0]?.offset ?? 0;
  const parts: string[] = [];
  let at = start;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.offset), edit.newText);
    at = edit.offset + edit.length;
  }
  return { offset: start, length: at - start, newText: parts.join('') };
}
