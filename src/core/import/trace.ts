import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { normalizeEmail } from '../email';
import { customerAround } from '../language/customerAround';
import type { TextRange } from '../document/jsonDocument';
import type { ImportTrace } from './output';

/** The rows of a trace file, or undefined when the text is not one. */
export function parseTrace(text: string): ImportTrace | undefined {
  try {
    const value = JSON.parse(text) as Partial<ImportTrace>;
    return typeof value.importedFrom === 'string' && value.rows && typeof value.rows === 'object' ? (value as ImportTrace) : undefined;
  } catch {
    return undefined;
  }
}

/** Where the customer under `offset` came from, as Markdown; undefined outside a customer or for one the import did not write. */
export function importOriginAt(text: string, offset: number, trace: ImportTrace): { contents: string; range: TextRange } | undefined {
  const around = customerAround(text, offset);
  if (!around) return undefined;
  const customer = parseTree(text.slice(around.start, around.end));
  const email: unknown = customer && findNodeAtLocation(customer, ['email'])?.value;
  if (typeof email !== 'string') return undefined;
  const key = normalizeEmail(email);
  const row = Object.hasOwn(trace.rows, key) ? trace.rows[key] : undefined;
  if (row === undefined) return undefined;
  return { contents: `Imported from \`${trace.importedFrom}\`, row ${row}`, range: around };
}
