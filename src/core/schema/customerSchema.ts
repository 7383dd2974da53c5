import schemaJson from '../../../schemas/bccustomers.schema.json';
import type { JsonPath } from '../document/jsonPointer';

/** The parts of JSON Schema that this project's schema uses. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  enumDescriptions?: string[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  readOnly?: boolean;
  defaultSnippets?: { label: string; body: unknown }[];
  'x-recommended'?: { minLength?: number; patterns?: string[]; message: string };
  /** Limits BigCommerce's reference neither sets nor rules out: a Warning naming `message` ("an empty city"). */
  'x-reference-silent'?: { minLength?: number; minimum?: number; pattern?: string; required?: string[]; message: string }[];
  definitions?: Record<string, SchemaNode>;
}

/** schemas/bccustomers.schema.json: the one source of every field fact. */
export const rootSchema: SchemaNode = schemaJson;

export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  return rootSchema.definitions?.[node.$ref.slice(definitionsPrefix.length)];
}

const definitionsPrefix = '#/definitions/';

/** The schema that describes the value at `path` of the body, if the schema knows it. */
export function schemaAt(path: JsonPath): SchemaNode | undefined {
  let node = resolve(rootSchema);
  for (const segment of path) {
    if (!node) return undefined;
    node = resolve(typeof segment === 'number' ? node.items : node.properties?.[segment]);
  }
  return node;
}

export function typesOf(node: SchemaNode): string[] {
  return node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
}

/** Fields a create request can carry (read-only ones are only ever sent back by BigCommerce). */
export function writableProperties(node: SchemaNode): [string, SchemaNode][] {
  return Object.entries(node.properties ?? {})
    .map(([name, child]) => [name, resolve(child) ?? child] as [string, SchemaNode])
    .filter(([, child]) => !child.readOnly);
}

/** BigCommerce's limit on customers per request. */
export function maxCustomersPerRequest(): number {
  return rootSchema.maxItems ?? 10;
}

/** "customer", "address", … : how messages name the object a field belongs to. */
export function objectLabel(node: SchemaNode | undefined): string {
  return node?.title ?? 'object';
}

/** A one-line summary of a field's limits, e.g. "required · text, 1–100 characters". */
export function describeLimits(node: SchemaNode, required: boolean): string {
  const parts: string[] = [];
  if (required) parts.push('required');
  else if (node.readOnly) parts.push('read-only');
  else parts.push('optional');
  parts.push(describeType(node));
  if (node.minLength !== undefined || node.maxLength !== undefined) parts.push(lengthText(node.minLength ?? 0, node.maxLength, 'characters'));
  if (node.maxItems !== undefined || node.minItems !== undefined) parts.push(lengthText(node.minItems ?? 0, node.maxItems, 'items'));
  if (node.minimum !== undefined && node.maximum === undefined) parts.push(`at least ${node.minimum}`);
  if (node.enum && node.enum.length <= 5) parts.push('one of ' + node.enum.map((v) => JSON.stringify(v)).join(', '));
  return parts.join(' · ');
}

function lengthText(min: number, max: number | undefined, unit: string): string {
  if (max === undefined) return `at least ${min} ${unit}`;
  if (min === max) return `exactly ${min} ${unit}`;
  return min === 0 ? `at most ${max} ${unit}` : `${min}–${max} ${unit}`;
}

const typeNames: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

export function describeType(node: SchemaNode): string {
  const types = typesOf(resolve(node) ?? node);
  if (node.format === 'email') return 'an email address';
  if (!types.length) return 'value';
  return types.map((t) => typeNames[t] ?? t).join(' or ');
}
