import fc from 'fast-check';
import type { Node } from 'jsonc-parser';
import { analyzeText } from '../../../src/core/analyze';
import type { BcDiagnostic } from '../../../src/core/diagnostics/diagnostic';

export function diagnosticsOf(text: string, code?: string): BcDiagnostic[] {
  return analyzeText(text).diagnostics.filter((d) => !code || d.code === code);
}

export function textAt(text: string, d: { range: { start: number; end: number } }): string {
  return text.slice(d.range.start, d.range.end);
}

/** A valid customer, with `extra` fields merged in (undefined removes a field). */
export function customer(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe', ...extra };
  for (const key of Object.keys(base)) if (base[key] === undefined) delete base[key];
  return base;
}

export function address(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    first_name: 'Jane',
    last_name: 'Doe',
    address1: '1 Main Street',
    city: 'Austin',
    state_or_province: 'Texas',
    postal_code: '78701',
    country_code: 'US',
    ...extra,
  };
}

export function body(...customers: unknown[]): string {
  return JSON.stringify(customers, null, 2);
}

/** Snippet text with every tab stop replaced by its default (or nothing). */
export function fillSnippet(snippet: string): string {
  let text = snippet;
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^{}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text.replace(/\\([$}\\])/g, '$1');
}

/** A tree without its parent links, so that trees compare as data. */
export function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  const { parent: _parent, children, ...rest } = node;
  return children ? { ...rest, children: children.map(plain) } : rest;
}

const field = fc.constantFrom(
  'email',
  'first_name',
  'last_name',
  'addresses',
  'attributes',
  'channel_ids',
  'country_code',
  'attribute_value',
  'attribute_id',
  'id',
  'authentication',
  'new_password',
  'state_or_province',
  'form_fields',
  'value',
  'amount',
  'phone',
);

/** Random JSON values whose keys are mostly the payload's own field names, and strings that rules care about. */
export const payloadLikeValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('US', 'USA', 'CA', 'TX', 'Texas', ' a@b.co ', 'a@b.co', 'A@B.CO', ''),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(field, tie('value'), { maxKeys: 5 }),
  ),
})).value;
