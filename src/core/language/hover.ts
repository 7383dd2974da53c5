import { findNodeAtOffset, getNodePath, getNodeValue, parseTree } from 'jsonc-parser';
import type { TextRange } from '../document/jsonDocument';
import { narrowToCustomer, shiftRange } from './customerAround';
import { describeLimits, objectLabel, type SchemaNode, schemaAt } from '../schema/customerSchema';

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  range: TextRange;
}

/** The schema's description and limits for the key (or enum value) under `offset`. */
export function hoverAt(text: string, offset: number): HoverInfo | undefined {
  const narrowed = narrowToCustomer(text, offset);
  const info = hoverInText(narrowed.text, narrowed.offset);
  return info && { ...info, range: shiftRange(info.range, narrowed.shift) };
}

/** A number under `offset` that may be one of the store's ids, with the field it is the value of. */
export function idAt(text: string, offset: number): { field: string; id: number; range: TextRange } | undefined {
  const narrowed = narrowToCustomer(text, offset);
  const root = parseTree(narrowed.text, [], { allowTrailingComma: true });
  const node = root && findNodeAtOffset(root, narrowed.offset);
  if (node?.type !== 'number') return undefined;
  const field = [...getNodePath(node)].reverse().find((s): s is string => typeof s === 'string');
  return field ? { field, id: Number(node.value), range: shiftRange({ start: node.offset, end: node.offset + node.length }, narrowed.shift) } : undefined;
}

/** hoverAt, working on the whole text. */
export function hoverInText(text: string, offset: number): HoverInfo | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root && findNodeAtOffset(root, offset);
  const property = node?.parent;
  if (!node || property?.type !== 'property') return undefined;
  const [key, value] = property.children ?? [];
  if (!key) return undefined;
  const path = getNodePath(node);
  const name = String(key.value);
  const parent = schemaAt(path.slice(0, -1));
  const schema = schemaAt(path);
  if (!schema || !parent) return undefined;
  const range = { start: node.offset, end: node.offset + node.length };
  const lines = [
    `**${name}** — ${objectLabel(parent)} field`,
    '',
    schema.markdownDescription ?? schema.description ?? '',
    '',
    `_${describeLimits(schema, parent.required?.includes(name) ?? false)}_`,
  ];
  if (node === value) {
    const meaning = enumMeaning(schema, getNodeValue(value));
    if (!meaning) return undefined;
    return { contents: `\`${JSON.stringify(getNodeValue(value))}\`: ${meaning}\n\n---\n\n${lines.join('\n')}`, range };
  }
  return { contents: lines.join('\n'), range };
}

function enumMeaning(schema: SchemaNode, value: unknown): string | undefined {
  const index = schema.enum?.indexOf(value) ?? -1;
  return index >= 0 ? schema.enumDescriptions?.[index] : undefined;
}
