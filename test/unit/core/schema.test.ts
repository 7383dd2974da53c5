import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootSchema, type SchemaNode } from '../../../src/core/schema/customerSchema';

const root = join(__dirname, '../../..');

function* allProperties(node: SchemaNode, path: string): Generator<[string, SchemaNode]> {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    yield [`${path}.${name}`, child];
    yield* allProperties(child, `${path}.${name}`);
  }
  if (node.items) yield* allProperties(node.items, `${path}[]`);
}

describe('schema', () => {
  it('compiles with Ajv in strict mode', async () => {
    const { createAjv } = await import('../../../scripts/generate-validator.mjs');
    assert.doesNotThrow(() => createAjv().compile(rootSchema));
  });

  it('describes every property', () => {
    for (const definition of Object.values(rootSchema.definitions ?? {})) {
      for (const [path, property] of allProperties(definition, definition.title ?? '')) {
        assert.ok(property.description || property.$ref, `${path} has no description`);
      }
    }
  });

  it('holds the limits of the API reference', () => {
    const customerDefinition = rootSchema.definitions?.customer;
    const addressDefinition = rootSchema.definitions?.address;
    const customer = customerDefinition?.properties;
    const address = addressDefinition?.properties;
    assert.equal(rootSchema.maxItems, 10);
    assert.deepEqual([customer?.email?.minLength, customer?.email?.maxLength], [3, 250]);
    assert.deepEqual([customer?.first_name?.minLength, customer?.first_name?.maxLength], [1, 100]);
    assert.deepEqual(customerDefinition?.required, ['email', 'first_name', 'last_name']);
    assert.deepEqual(addressDefinition?.required, ['first_name', 'last_name', 'address1', 'city', 'country_code']);
    assert.deepEqual([address?.first_name?.maxLength, address?.city?.maxLength, address?.postal_code?.maxLength], [255, 100, 30]);
    assert.deepEqual([address?.country_code?.minLength, address?.country_code?.maxLength], [2, 2]);
    assert.deepEqual(address?.address_type?.enum, ['residential', 'commercial']);
    assert.equal(customer?.addresses?.maxItems, 10);
    assert.equal(customer?.attributes?.maxItems, 10);
    assert.deepEqual(customer?.channel_ids?.type, ['array', 'null']);
    assert.equal(customer?.channel_ids?.minItems, 1);
    const countries = address?.country_code?.enum;
    assert.ok(countries);
    assert.equal(countries.length, address?.country_code?.enumDescriptions?.length);
  });

  it('is contributed to VS Code for *.bccustomers.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const [validation] = pkg.contributes.jsonValidation;
    assert.equal(validation.fileMatch, '*.bccustomers.json');
    assert.deepEqual(JSON.parse(readFileSync(join(root, validation.url), 'utf8')), rootSchema);
  });
});
