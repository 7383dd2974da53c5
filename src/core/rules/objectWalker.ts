import type { Node } from 'jsonc-parser';
import type { JsonPath } from '../document/jsonPointer';
import { resolve, rootSchema, type SchemaNode } from '../schema/customerSchema';

export interface ObjectVisit {
  node: Node;
  schema: SchemaNode;
  path: JsonPath;
}

/** Visits every object of the body that the schema describes (customers, addresses, …). */
export function forEachObject(root: Node | undefined, visit: (object: ObjectVisit) => void): void {
  if (root) walk(root, resolve(rootSchema), [], visit);
}

function walk(node: Node, schema: SchemaNode | undefined, path: JsonPath, visit: (object: ObjectVisit) => void): void {
  if (!schema) return;
  if (node.type === 'array') {
    const items = resolve(schema.items);
    node.children?.forEach((child, index) => walk(child, items, [...path, index], visit));
  } else if (node.type === 'object') {
    visit({ node, schema, path });
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      walk(value, resolve(schema.properties?.[name]), [...path, name], visit);
    }
  }
}

/** The value node of `name` in an object node. */
export function valueNode(objectNode: Node, name: string): Node | undefined {
  for (const property of objectNode.children ?? []) {
    if (property.children?.[0]?.value === name) return property.children[1];
  }
  return undefined;
}
