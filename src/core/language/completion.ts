import { findNodeAtLocation, getLocation, type Node, parseTree } from 'jsonc-parser';
import type { TextRange } from '../document/jsonDocument';
import { objectLabel, resolve, type SchemaNode, schemaAt, typesOf, writableProperties, describeLimits } from '../schema/customerSchema';
import { builtInStates, countryCodeOf, countryName } from '../geography/states';
import { valueNode } from '../rules/objectWalker';
import { narrowToCustomer, shiftRange } from './customerAround';
import { snippetFromBody } from './snippetText';

export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'snippet';
  /** Snippet syntax. */
  insertText: string;
  detail?: string | undefined;
  /** Markdown. */
  documentation?: string | undefined;
  filterText?: string | undefined;
  sortText?: string | undefined;
}

export interface Completions {
  items: CompletionEntry[];
  /** The text the chosen item replaces. */
  range: TextRange;
  /** The field whose value is being completed (e.g. "attribute_id"), if a value is. */
  field?: string;
  /** For a `state_or_province` value: the ISO code of the address's country, when it has a known one. */
  country?: string;
}

/** Completions from the schema at `offset`: missing property names, or values for the field. */
export function completionsAt(text: string, offset: number): Completions {
  const narrowed = narrowToCustomer(text, offset);
  const found = completionsInText(narrowed.text, narrowed.offset);
  return { ...found, range: shiftRange(found.range, narrowed.shift) };
}

/** completionsAt, working on the whole text. */
export function completionsInText(text: string, offset: number): Completions {
  const location = getLocation(text, offset);
  const root = parseTree(text, [], { allowTrailingComma: true });
  const previous = location.previousNode;
  const replacing =
    previous && previous.type !== 'object' && previous.type !== 'array' && offset >= previous.offset && offset <= previous.offset + previous.length;
  const range = replacing ? { start: previous.offset, end: previous.offset + previous.length } : { start: offset, end: offset };
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const schema = schemaAt(objectPath);
    const object = root && findNodeAtLocation(root, objectPath);
    const hasColon = previous?.parent?.type === 'property' && previous.parent.colonOffset !== undefined;
    return { range, items: schema ? propertyItems(schema, object, previous, hasColon) : [] };
  }
  const schema = schemaAt(location.path);
  const field = [...location.path].reverse().find((segment): segment is string => typeof segment === 'string');
  const found: Completions = { range, items: schema ? valueItems(schema) : [], ...(field ? { field } : {}) };
  if (field === 'state_or_province' && root) {
    const address = findNodeAtLocation(root, location.path.slice(0, -1));
    const written: unknown = address?.type === 'object' ? valueNode(address, 'country_code')?.value : undefined;
    const country = typeof written === 'string' ? countryCodeOf(written) : undefined;
    if (country) {
      found.country = country;
      found.items.push(...stateItems(country));
    }
  }
  return found;
}

/** The states BigCommerce's table lists for the country, by full name (what BigCommerce wants). */
function stateItems(country: string): CompletionEntry[] {
  return (builtInStates(country) ?? []).map((state) => {
    const text = JSON.stringify(state.name);
    return {
      label: text,
      kind: 'value' as const,
      insertText: text.replace(/[$}\\]/g, '\\$&'),
      detail: `${state.abbreviation ? state.abbreviation + ' — ' : ''}${countryName(country)}`,
      filterText: state.abbreviation ? `${text} ${state.abbreviation}` : text,
      sortText: state.name,
    };
  });
}

function propertyItems(schema: SchemaNode, object: Node | undefined, editing: Node | undefined, keyOnly: boolean): CompletionEntry[] {
  const present = new Set<unknown>();
  for (const property of object?.type === 'object' ? (object.children ?? []) : []) {
    const key = property.children?.[0];
    if (key && key !== editing) present.add(key.value);
  }
  const required = new Set(schema.required ?? []);
  return writableProperties(schema)
    .filter(([name]) => !present.has(name))
    .map(([name, child]) => ({
      label: name,
      kind: 'property' as const,
      insertText: keyOnly ? JSON.stringify(name) : `${JSON.stringify(name)}: ${valueTemplate(child)}`,
      filterText: JSON.stringify(name),
      detail: `${objectLabel(schema)} · ${describeLimits(child, required.has(name))}`,
      documentation: child.markdownDescription ?? child.description,
      // Required fields first, then the rest in the schema's order.
      sortText: (required.has(name) ? '0' : '1') + name,
    }));
}

function valueTemplate(schema: SchemaNode): string {
  const snippet = schema.defaultSnippets?.[0];
  if (snippet) return snippetFromBody(snippet.body);
  const types = typesOf(schema);
  if (schema.enum?.length) return `"\${1|${schema.enum.map(String).join(',')}|}"`;
  if (types.includes('string')) return '"$1"';
  if (types.includes('boolean')) return '${1|true,false|}';
  if (types.includes('integer') || types.includes('number')) return '${1:0}';
  if (types.includes('array')) {
    const items = resolve(schema.items);
    return items?.defaultSnippets?.[0] ? snippetFromBody([items.defaultSnippets[0].body]) : '[$1]';
  }
  if (types.includes('object')) return '{$1}';
  return '$1';
}

function valueItems(schema: SchemaNode): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const types = typesOf(schema);
  schema.enum?.forEach((value, i) => {
    const description = schema.enumDescriptions?.[i];
    const text = JSON.stringify(value);
    items.push({
      label: text,
      kind: 'value',
      insertText: text,
      detail: description,
      filterText: description ? `${text} ${description}` : text,
      sortText: String(i).padStart(4, '0'),
    });
  });
  if (!schema.enum) {
    if (types.includes('boolean')) items.push(...['true', 'false'].map((v) => ({ label: v, kind: 'value' as const, insertText: v })));
    if (types.includes('null')) items.push({ label: 'null', kind: 'value', insertText: 'null', detail: 'global access' });
  }
  for (const snippet of schema.defaultSnippets ?? []) {
    items.push({ label: `New ${snippet.label}`, kind: 'snippet', insertText: snippetFromBody(snippet.body), documentation: schema.description });
  }
  if (types.includes('array') && !schema.defaultSnippets) {
    const element = resolve(schema.items);
    for (const snippet of element?.defaultSnippets ?? []) {
      items.push({ label: `New ${snippet.label}`, kind: 'snippet', insertText: snippetFromBody([snippet.body]), documentation: element?.description });
    }
  }
  return items;
}
