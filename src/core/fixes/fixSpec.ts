import type { TextRange } from '../document/jsonDocument';

/**
 * What a quick fix does, as data: diagnostics carry it cheaply and the edits are only
 * computed when an editor asks for them.
 */
export type FixSpec = { title: string; preferred: boolean } & (
  | { kind: 'set-value'; pointer: string; value: unknown }
  | { kind: 'remove'; pointer: string }
  | { kind: 'rename-property'; pointer: string; to: string }
  | { kind: 'add-properties'; pointer: string; names: string[] }
  | { kind: 'delete-range'; range: TextRange }
  | { kind: 'split-file'; size: number }
  | { kind: 'reopen-with-encoding' }
);

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  preferred: boolean;
  edits: TextEdit[];
  /** The edits' new text is a snippet (with tab stops) rather than plain text. */
  snippet?: boolean;
  /** Set for fixes that are not text edits in this file. */
  split?: { size: number };
  /** Set for the fix that reopens the file with another encoding (the editor's own command). */
  reopenWithEncoding?: true;
}
