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
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const doubts = child['x-reference-silent'];
    if (!doubts || !Object.hasOwn(value, name)) continue;
    for (const doubt of doubts) {
      if (breaks(doubt, value[name])) out.push(diagnostic('reference-silent', sentence(doubt.message), rangeOf(valueNode(visit.node, name)!), pointerTo(name)));
    }
  }
}

type Doubt = NonNullable<SchemaNode['x-reference-silent']>[number];

function breaks(doubt: Doubt, value: unknown): boolean {
  if (typeof value === 'string') {
    if (doubt.minLength !== undefined && [...value].length < doubt.minLength) return true;
    if (doubt.pattern !== undefined && !new RegExp(doubt.pattern, 'u').test(value)) return true;
  }
  return typeof value === 'number' && doubt.minimum !== undefined && value < doubt.minimum;
}

function sentence(what: string): string {
  return `BigCommerce's reference does not say whether it accepts ${what}; it may refuse the customer`;
}
