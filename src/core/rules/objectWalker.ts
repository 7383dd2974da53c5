import type { Node } from 'jsonc-parser';
import { propertyNode } from '../document/jsonDocument';
import { toPointer } from '../document/jsonPointer';
import { resolve, rootSchema, type SchemaNode } from '../schema/customerSchema';

export interface ObjectVisit {
  /** The object as JSON.parse gives it: rules look here first, as most objects have no problem. */
  value: Record<string, unknown>;
  schema: SchemaNode;
  /** The object's tree with positions, built when first asked for: ask only to point at a problem. */
  readonly node: Node;
  /** JSON Pointer of a field of this object; computed on demand, as most objects have no problem. */
  pointerTo: (...segments: (string | number)[]) => string;
}

/** The tree at a path of the body (its first segment is the customer's index). */
export type NodeLocator = (path: readonly (string | number)[]) => Node | undefined;

/**
 * Visits the objects of one customer that the schema describes (the customer, its addresses, …):
 * the item at `index` of the body. The visit object is valid during the call only.
 */
export function forEachObjectOfCustomer(customer: unknown, index: number, locate: NodeLocator, visit: (object: ObjectVisit) => void): void {
  walk(customer, resolve(resolve(rootSchema)?.items), new Visit([index], locate), visit);
}

/** One visit object for a whole walk, its path pushed and popped: this runs for every object of every customer. */
class Visit implements ObjectVisit {
  value: Record<string, unknown> = {};
  schema: SchemaNode = {};
  private located: Node | undefined;

  constructor(
    readonly path: (string | number)[],
    private readonly locate: NodeLocator,
  ) {}

  at(value: Record<string, unknown>, schema: SchemaNode): this {
    this.value = value;
    this.schema = schema;
    this.located = undefined;
    return this;
  }

  get node(): Node {
    return (this.located ??= this.locate(this.path) ?? { type: 'object', offset: 0, length: 0, children: [] });
  }

  // A property, not a method: rules take it out of the visit.
  readonly pointerTo = (...segments: (string | number)[]): string => toPointer([...this.path, ...segments]);
}

function walk(value: unknown, schema: SchemaNode | undefined, visitor: Visit, visit: (object: ObjectVisit) => void): void {
  if (!schema || typeof value !== 'object' || value === null) return;
  const path = visitor.path;
  if (Array.isArray(value)) {
    const items = resolve(schema.items);
    if (!items) return;
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child !== 'object' || child === null) continue;
      path.push(i);
      walk(child, items, visitor, visit);
      path.pop();
    }
    return;
  }
  visit(visitor.at(value as Record<string, unknown>, schema));
  const properties = schema.properties;
  if (!properties) return;
  for (const name in value) {
    const child: unknown = (value as Record<string, unknown>)[name];
    if (typeof child !== 'object' || child === null || !Object.hasOwn(properties, name)) continue;
    path.push(name);
    walk(child, resolve(properties[name]), visitor, visit);
    path.pop();
  }
}

/** The value node of `name` in an object node (the last one, if the key is written twice). */
export function valueNode(objectNode: Node, name: string): Node | undefined {
  return propertyNode(objectNode, name)?.children?.[1];
}
