import type { Node } from 'jsonc-parser';
import { toPointer } from '../document/jsonPointer';
import { resolve, rootSchema, type SchemaNode } from '../schema/customerSchema';

export interface ObjectVisit {
  node: Node;
  schema: SchemaNode;
  /** JSON Pointer of a field of this object; computed on demand, as most objects have no problem. */
  pointerTo(...segments: (string | number)[]): string;
}

/** Visits every object of the body that the schema describes (customers, addresses, …). */
export function forEachObject(root: Node | undefined, visit: (object: ObjectVisit) => void): void {
  if (root) walk(root, resolve(rootSchema), [], visit);
}

/** Visits the objects of one customer: the item at `index` of the body. */
export function forEachObjectOfCustomer(customer: Node, index: number, visit: (object: ObjectVisit) => void): void {
  walk(customer, resolve(resolve(rootSchema)?.items), [index], visit);
}

// One path array, pushed and popped, rather than a copy per node: this runs on every keystroke.
function walk(node: Node, schema: SchemaNode | undefined, path: (string | number)[], visit: (object: ObjectVisit) => void): void {
  if (!schema) return;
  const children = node.children;
  if (!children) return;
  if (node.type === 'array') {
    const items = resolve(schema.items);
    if (!items) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type !== 'array' && child.type !== 'object') continue;
      path.push(i);
      walk(child, items, path, visit);
      path.pop();
    }
  } else if (node.type === 'object') {
    const here = path.slice();
    visit({ node, schema, pointerTo: (...segments) => toPointer([...here, ...segments]) });
    const properties = schema.properties;
    if (!properties) return;
    for (const property of children) {
      const value = property.children?.[1];
      if (!value || (value.type !== 'array' && value.type !== 'object')) continue;
      const name = String(property.children![0].value);
      path.push(name);
      walk(value, resolve(properties[name]), path, visit);
      path.pop();
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
