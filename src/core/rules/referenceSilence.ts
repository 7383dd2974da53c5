import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { openingRange, rangeOf } from '../document/jsonDocument';
import type { SchemaNode } from '../schema/customerSchema';
import { type ObjectVisit, valueNode } from './objectWalker';

/**
 * Values the schema marks with `x-reference-silent`: BigCommerce's reference neither allows nor
 * forbids them (an empty city, a negative store credit, …), so they are a Warning, never an Error.
 */
export function referenceSilence(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const { value, schema, pointerTo } = visit;
  for (const doubt of schema['x-reference-silent'] ?? []) {
    const missing = (doubt.required ?? []).filter((name) => !Object.hasOwn(value, name));
    if (missing.length) out.push(diagnostic('reference-silent', sentence(doubt.message), openingRange(visit.node), pointerTo()));
  }
  for (const [name, doubts] of doubtfulProperties(schema)) {
    if (!Object.hasOwn(value, name)) continue;
    for (const doubt of doubts) {
      if (breaks(doubt, value[name])) out.push(diagnostic('reference-silent', sentence(doubt.message), rangeOf(valueNode(visit.node, name)!), pointerTo(name)));
    }
  }
}

type Doubt = NonNullable<SchemaNode['x-reference-silent']>[number];

/** Each schema's properties that carry doubts, worked out once: this runs for every object of every customer. */
const doubtsBySchema = new WeakMap<SchemaNode, [string, Doubt[]][]>();

function doubtfulProperties(schema: SchemaNode): [string, Doubt[]][] {
  let found = doubtsBySchema.get(schema);
  if (!found) {
    found = Object.entries(schema.properties ?? {}).flatMap(([name, child]): [string, Doubt[]][] =>
      child['x-reference-silent'] ? [[name, child['x-reference-silent']]] : [],
    );
    doubtsBySchema.set(schema, found);
  }
  return found;
}

const patterns = new Map<string, RegExp>();

function breaks(doubt: Doubt, value: unknown): boolean {
  if (typeof value === 'string') {
    if (doubt.minLength !== undefined && [...value].length < doubt.minLength) return true;
    if (doubt.pattern !== undefined) {
      let pattern = patterns.get(doubt.pattern);
      if (!pattern) patterns.set(doubt.pattern, (pattern = new RegExp(doubt.pattern, 'u')));
      if (!pattern.test(value)) return true;
    }
  }
  return typeof value === 'number' && doubt.minimum !== undefined && value < doubt.minimum;
}

function sentence(what: string): string {
  return `BigCommerce's reference does not say whether it accepts ${what}; it may refuse the customer`;
}
