import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { rangeOf } from '../document/jsonDocument';
import { objectLabel, resolve, type SchemaNode } from '../schema/customerSchema';
import { type ObjectVisit, valueNode } from './objectWalker';

/** Fields that only BigCommerce sets: it sends them back, but a create request should not carry them. */
export function readOnlyFields(object: ObjectVisit, out: BcDiagnostic[]): void {
  const { value, schema, pointerTo } = object;
  const readOnly = readOnlyNamesOf(schema);
  if (readOnly.size === 0 || !Object.keys(value).some((name) => readOnly.has(name))) return;
  for (const property of object.node.children ?? []) {
    const key = property.children?.[0];
    const name = String(key?.value);
    if (!key || !readOnly.has(name)) continue;
    const pointer = pointerTo(name);
    out.push(
      diagnostic('read-only-property', `${name} is set by BigCommerce and is not part of a create request; remove it`, rangeOf(key), pointer, {
        fix: { kind: 'remove', pointer, title: `Remove ${name}`, preferred: true },
      }),
    );
  }
}

/** Values the schema marks with `x-recommended`: accepted by the schema, but likely refused by BigCommerce's own rules. */
export function recommendedValues(object: ObjectVisit, out: BcDiagnostic[]): void {
  for (const [name, advice] of recommendationsOf(object.schema)) {
    const text = object.value[name];
    if (typeof text !== 'string') continue;
    const weak = (advice.minLength !== undefined && codePointCount(text) < advice.minLength) || advice.patterns.some((p) => !p.test(text));
    if (weak) {
      out.push(
        diagnostic(
          'weak-password',
          `${name} does not meet a common store password setting (${advice.message}): BigCommerce's reference sets no password rule, but the store's own settings may refuse it`,
          rangeOf(valueNode(object.node, name)!),
          object.pointerTo(name),
        ),
      );
    }
  }
}

/** The same attribute twice in one customer: one value would silently win. */
export function duplicateAttributes(object: ObjectVisit, out: BcDiagnostic[]): void {
  const { schema, pointerTo } = object;
  if (objectLabel(schema) !== 'customer' || !hasDuplicateAttributeIds(object.value.attributes)) return;
  const attributes = valueNode(object.node, 'attributes');
  if (attributes?.type !== 'array') return;
  const seen = new Map<unknown, BcDiagnostic['range']>();
  attributes.children?.forEach((attribute, index) => {
    const id = attribute.type === 'object' ? valueNode(attribute, 'attribute_id') : undefined;
    if (id?.type !== 'number') return;
    const first = seen.get(id.value);
    if (!first) {
      seen.set(id.value, rangeOf(id));
      return;
    }
    out.push(
      diagnostic(
        'duplicate-attribute',
        `attribute_id ${id.value} appears twice in this customer; only one value can be kept`,
        rangeOf(id),
        pointerTo('attributes', index, 'attribute_id'),
        {
          related: [{ message: `attribute_id ${id.value} first appears here`, range: first }],
        },
      ),
    );
  });
}

function hasDuplicateAttributeIds(attributes: unknown): boolean {
  if (!Array.isArray(attributes) || attributes.length < 2) return false;
  const ids = new Set<number>();
  for (const attribute of attributes) {
    const id: unknown = typeof attribute === 'object' && attribute !== null ? (attribute as Record<string, unknown>).attribute_id : undefined;
    if (typeof id !== 'number') continue;
    if (ids.has(id)) return true;
    ids.add(id);
  }
  return false;
}

type Advice = Omit<NonNullable<SchemaNode['x-recommended']>, 'patterns'> & { patterns: RegExp[] };
const recommendations = new WeakMap<SchemaNode, [string, Advice][]>();

/** Code points, as the schema's minLength counts them, without building an array. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** The properties of an object schema that carry advice, looked up once per schema (their patterns compiled once). */
function recommendationsOf(schema: SchemaNode): [string, Advice][] {
  let found = recommendations.get(schema);
  if (!found) {
    found = Object.entries(schema.properties ?? {}).flatMap(([name, child]) =>
      child['x-recommended']
        ? [[name, { ...child['x-recommended'], patterns: (child['x-recommended'].patterns ?? []).map((p) => new RegExp(p)) }] as [string, Advice]]
        : [],
    );
    recommendations.set(schema, found);
  }
  return found;
}

const readOnlyNames = new WeakMap<SchemaNode, Set<string>>();

/** The properties of an object schema marked readOnly, looked up once per schema. */
function readOnlyNamesOf(schema: SchemaNode): Set<string> {
  let names = readOnlyNames.get(schema);
  if (!names) {
    names = new Set(Object.entries(schema.properties ?? {}).flatMap(([name, child]) => (resolve(child)?.readOnly ? [name] : [])));
    readOnlyNames.set(schema, names);
  }
  return names;
}
