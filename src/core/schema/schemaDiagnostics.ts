import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import validateCustomers from './generated/validateCustomers';
import { countryCodeAliases } from '../data/countries';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { type JsonDocument, nodeAt, openingRange, propertyNode, rangeOf } from '../document/jsonDocument';
import { fromPointer, toPointer } from '../document/jsonPointer';
import { describeJsonType, describeValue } from '../rules/describeValue';
import { closestName } from '../rules/suggest';
import { describeType, maxCustomersPerRequest, objectLabel, type SchemaNode, schemaAt, writableProperties } from './customerSchema';

/** Runs the validator generated from the schema and words its findings for a store operator. */
export function schemaDiagnostics(doc: JsonDocument): BcDiagnostic[] {
  if (!doc.root || validateCustomers(doc.value)) return [];
  return schemaErrorDiagnostics(doc, validateCustomers.errors ?? []);
}

/**
 * The generated validator's verdict on a body: its errors, or undefined when it is valid. A
 * customer is checked alone as the body `[customer]`, so that the validator's work (and the
 * list of errors it builds) grows with one customer, never with the whole file.
 */
export function validateBody(body: unknown): ErrorObject[] | undefined {
  return validateCustomers(body) ? undefined : (validateCustomers.errors ?? []).slice();
}

/** The validator's errors, in words, on the nodes of `doc`. */
export function schemaErrorDiagnostics(doc: JsonDocument, errors: readonly ErrorObject[]): BcDiagnostic[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath);
    if (list) list.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  const diagnostics: BcDiagnostic[] = [];
  for (const [pointer, errors] of byPath) {
    const node = nodeAt(doc, pointer);
    if (!node) continue;
    diagnostics.push(...objectProblems(pointer, node, errors));
    const valueError = mostSpecific(errors);
    if (valueError) {
      const found = pointer === '' ? bodyProblem(node, valueError) : valueProblem(pointer, node, valueError);
      if (found) diagnostics.push(found);
    }
  }
  return diagnostics;
}

// When one value breaks several rules, report the one that says the most.
const valueKeywords = ['type', 'enum', 'minLength', 'maxLength', 'format', 'minimum', 'maximum', 'minItems', 'maxItems'];

function mostSpecific(errors: ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const error of errors) {
    const rank = valueKeywords.indexOf(error.keyword);
    if (rank >= 0 && (!best || rank < valueKeywords.indexOf(best.keyword))) best = error;
  }
  return best;
}

/** Missing and unknown properties of the object at `pointer`. */
function objectProblems(pointer: string, node: Node, errors: ErrorObject[]): BcDiagnostic[] {
  const path = fromPointer(pointer);
  const schema = schemaAt(path);
  const label = objectLabel(schema);
  const found: BcDiagnostic[] = [];
  const missing = errors.filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty));
  if (missing.length) {
    const fix = { kind: 'add-properties', pointer, names: missing, title: `Add ${listNames(missing)}`, preferred: false } as const;
    for (const name of missing) {
      found.push(diagnostic('missing-required', `${name} is required for every ${label}`, openingRange(node), pointer, { fix }));
    }
  }
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const name = String(error.params.additionalProperty);
    const property = propertyNode(node, name);
    const keyNode = property?.children?.[0];
    if (!keyNode) continue;
    const propertyPointer = toPointer([...path, name]);
    const present = new Set((node.children ?? []).map((p): unknown => p.children?.[0]?.value));
    const known = schema ? writableProperties(schema).map(([n]) => n) : [];
    const suggestion = closestName(
      name,
      known.filter((n) => !present.has(n)),
    );
    const message = suggestion
      ? `${name} is not a field of a BigCommerce ${label}. Did you mean ${suggestion}?`
      : `${name} is not a field of a BigCommerce ${label}; BigCommerce may reject the request or drop the value`;
    const fix = suggestion
      ? ({ kind: 'rename-property', pointer: propertyPointer, to: suggestion, title: `Rename ${name} to ${suggestion}`, preferred: true } as const)
      : ({ kind: 'remove', pointer: propertyPointer, title: `Remove ${name}`, preferred: false } as const);
    found.push(diagnostic('unknown-property', message, rangeOf(keyNode), propertyPointer, { fix }));
  }
  return found;
}

function listNames(names: string[]): string {
  const last = names.at(-1) ?? '';
  return names.length > 1 ? names.slice(0, -1).join(', ') + ' and ' + last : last;
}

/**
 * The problems of the body's size (none, or more customers than one request takes), for an
 * array body whose customers are checked one by one, without validating them all again.
 */
export function bodySizeDiagnostics(root: Node, count: number): BcDiagnostic[] {
  const { minItems, maxItems } = schemaAt([]) ?? {};
  const keyword = minItems !== undefined && count < minItems ? 'minItems' : maxItems !== undefined && count > maxItems ? 'maxItems' : undefined;
  const found = keyword && bodyProblem(root, { keyword, data: { length: count } } as ErrorObject);
  return found ? [found] : [];
}

function bodyProblem(node: Node, error: ErrorObject): BcDiagnostic | undefined {
  const range = openingRange(node);
  switch (error.keyword) {
    case 'type':
      return diagnostic(
        'body-not-array',
        `The body must be a JSON array of customers ([ … ]), even for a single customer; this is ${describeJsonType(error.data)}`,
        range,
        '',
      );
    case 'minItems':
      return diagnostic('body-empty', 'The array has no customers, so there is nothing to create', range, '');
    case 'maxItems': {
      const count = (error.data as unknown[]).length;
      const size = maxCustomersPerRequest();
      const requests = Math.ceil(count / size);
      return diagnostic(
        'batch-split',
        `${count} customers: BigCommerce takes at most ${size} per request, so sending makes ${requests} requests of at most ${size}`,
        range,
        '',
        { fix: { kind: 'split-file', size, title: `Split into ${requests} files of at most ${size} customers`, preferred: false } },
      );
    }
  }
  return undefined;
}

function valueProblem(pointer: string, node: Node, error: ErrorObject): BcDiagnostic | undefined {
  const path = fromPointer(pointer);
  const field = path[path.length - 1];
  const parentLabel = objectLabel(schemaAt(path.slice(0, -1)));
  const schema = error.parentSchema as SchemaNode;
  const range = rangeOf(node);
  const value = error.data;
  if (typeof field === 'number') {
    // An element of a list: a customer, an address, a channel ID, …
    const what = schema.title ?? 'item';
    if (error.keyword === 'type')
      return diagnostic('wrong-type', `Each ${what} must be ${describeType(schema)}, not ${describeJsonType(value)}`, range, pointer);
    if (error.keyword === 'minimum' || error.keyword === 'maximum')
      return diagnostic('out-of-range', `${describeValue(value)} is not a valid ID: ${boundText(error)}`, range, pointer);
    return undefined;
  }
  if (field === 'country_code') return countryCodeProblem(pointer, range, value);
  switch (error.keyword) {
    case 'type':
      if (field === 'attribute_value' && (typeof value === 'number' || typeof value === 'boolean')) {
        return diagnostic(
          'attribute-value-not-string',
          `attribute_value must be a string, whatever the attribute's type: write "${String(value)}"`,
          range,
          pointer,
          {
            fix: { kind: 'set-value', pointer, value: String(value), title: `Change to "${String(value)}"`, preferred: true },
          },
        );
      }
      return diagnostic('wrong-type', `${field} must be ${describeType(schema)}, not ${describeJsonType(value)}`, range, pointer);
    case 'enum':
      return diagnostic(
        'invalid-value',
        `${field} must be ${(schema.enum ?? []).map((v) => JSON.stringify(v)).join(' or ')}, not ${describeValue(value)}`,
        range,
        pointer,
      );
    case 'minLength': {
      const limit = Number(error.params.limit);
      if (limit === 1 && value === '') return diagnostic('too-short', `${field} cannot be empty`, range, pointer);
      return diagnostic('too-short', `${field} must be at least ${limit} characters (it has ${lengthOf(value)})`, range, pointer);
    }
    case 'maxLength':
      return diagnostic('too-long', `${field} must be at most ${error.params.limit} characters (it has ${lengthOf(value)})`, range, pointer);
    case 'format':
      if (typeof value === 'string' && value.trim() !== value) {
        return diagnostic(
          'email-whitespace',
          `${field} has spaces around it: ${describeValue(value)}; BigCommerce's reference does not say whether it removes them`,
          range,
          pointer,
          {
            fix: { kind: 'set-value', pointer, value: value.trim(), title: 'Remove the spaces around the email', preferred: true },
          },
        );
      }
      return diagnostic('invalid-email', `${describeValue(value)} is not a valid email address`, range, pointer);
    case 'minimum':
    case 'maximum':
      return diagnostic('out-of-range', `${field} must be ${boundText(error)}`, range, pointer);
    case 'minItems':
      if (field === 'channel_ids') {
        return diagnostic(
          'channel-ids-empty',
          'channel_ids cannot be empty: omit it (or use null) for access to every channel that allows global logins, or list channel IDs',
          range,
          pointer,
          {
            fix: { kind: 'remove', pointer, title: 'Remove channel_ids (global access)', preferred: true },
          },
        );
      }
      return diagnostic('too-short', `${field} must have at least ${error.params.limit} items`, range, pointer);
    case 'maxItems': {
      const items = schemaAt([...path, 0]);
      return diagnostic(
        'too-many-items',
        `A ${parentLabel} can have at most ${error.params.limit} ${plural(objectLabel(items))} (this one has ${(value as unknown[]).length})`,
        range,
        pointer,
      );
    }
  }
  return undefined;
}

function countryCodeProblem(pointer: string, range: BcDiagnostic['range'], value: unknown): BcDiagnostic {
  if (typeof value !== 'string')
    return diagnostic('country-code', `country_code must be a 2-letter ISO 3166-1 code in quotes, e.g. "US", not ${describeJsonType(value)}`, range, pointer);
  const wanted = value.trim().toUpperCase();
  const suggestion = schemaAt(fromPointer(pointer))?.enum?.includes(wanted) ? wanted : countryCodeAliases[wanted];
  if (!suggestion) {
    return diagnostic(
      'country-code',
      `country_code ${describeValue(value)} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. "US", "GB", "AU")`,
      range,
      pointer,
    );
  }
  const fix = { kind: 'set-value', pointer, value: suggestion, title: `Change country_code to "${suggestion}"`, preferred: true } as const;
  if (value.length === 2 && value.toUpperCase() === suggestion) {
    return diagnostic(
      'country-code-case',
      `BigCommerce's reference does not say whether it accepts country_code ${describeValue(value)} in lower case; its codes are written "${suggestion}"`,
      range,
      pointer,
      { fix },
    );
  }
  const message =
    wanted === suggestion
      ? `country_code ${describeValue(value)} must be written in capitals: "${suggestion}"`
      : `country_code ${describeValue(value)} is not a 2-letter ISO 3166-1 code; BigCommerce expects "${suggestion}"`;
  return diagnostic('country-code', message, range, pointer, { fix });
}

function boundText(error: ErrorObject): string {
  return error.keyword === 'minimum' ? `at least ${error.params.limit}` : `at most ${error.params.limit}`;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function plural(label: string): string {
  return label.endsWith('s') ? label + 'es' : label + 's';
}
