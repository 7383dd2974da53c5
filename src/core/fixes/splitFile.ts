import type { JsonDocument } from '../document/jsonDocument';
import { formattingOf } from './computeFix';

/** The customers of a body as several bodies of at most `size`, each customer's text unchanged. */
export function splitCustomers(doc: JsonDocument, size: number): string[] {
  const customers = doc.root?.type === 'array' ? (doc.root.children ?? []) : [];
  const { eol, insertSpaces, tabSize } = formattingOf(doc.text);
  const indent = insertSpaces ? ' '.repeat(tabSize) : '\t';
  const parts: string[] = [];
  for (let start = 0; start < customers.length; start += size) {
    const items = customers.slice(start, start + size).map((node) => doc.text.slice(node.offset, node.offset + node.length));
    parts.push('[' + eol + indent + items.join(',' + eol + indent) + eol + ']' + eol);
  }
  return parts;
}
