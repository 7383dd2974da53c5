import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { detectFormat } from '../../../src/core/import/formats';
import { mappingProblems, mappingText } from '../../../src/core/import/mapping';
import { expectsGroupId } from '../../../src/core/import/mappingCompletion';
import { fixtures } from './helpers';

const schemaUri = 'file:///bccustomers-mapping.schema.json';
const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/bccustomers-mapping.schema.json'), 'utf8'));
const service = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema) });
service.configure({ schemas: [{ uri: schemaUri, fileMatch: ['*.bccustomers-mapping.json'], schema }] });

const documentOf = (text: string) => TextDocument.create('file:///x.bccustomers-mapping.json', 'json', 1, text);
async function problems(text: string): Promise<string[]> {
  const document = documentOf(text);
  return (await service.doValidation(document, service.parseJSONDocument(document))).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('the mapping file schema (schemas/bccustomers-mapping.schema.json)', () => {
  it('accepts the fixture mapping and the mapping written for every built-in format', async () => {
    assert.deepEqual(await problems(readFileSync(join(fixtures, 'crm-export.bccustomers-mapping.json'), 'utf8')), []);
    for (const header of [
      ['Email', 'First Name', 'Default Address Address1'],
      ['Email Address', 'First Name', 'Last Name', 'Address Line 1 - 1', 'Address ID - 2'],
      ['billing_email'],
      ['email', '_website', 'firstname', 'lastname'],
    ]) {
      const text = mappingText(detectFormat(header)!.mapping);
      assert.deepEqual(await problems(text), [], text);
      assert.deepEqual(mappingProblems(JSON.parse(text)), []);
    }
  });

  it('flags what the import would refuse, as the import does', async () => {
    const bad = { columns: { A: 'e-mail', B: 'addresses[0].town', C: { field: 'email', convert: 'upper' } }, groups: { X: 1.5 } };
    assert.equal((await problems(JSON.stringify(bad))).length, 4);
    assert.equal(mappingProblems(bad).length, 4);
  });

  it('completes field names, address fields included, with their descriptions', async () => {
    const text = '{ "columns": { "Town": "" } }';
    const document = documentOf(text);
    const list = await service.doComplete(document, { line: 0, character: text.indexOf('""') + 1 }, service.parseJSONDocument(document));
    const labels = list?.items.map((i) => i.label.replace(/"/g, '')) ?? [];
    for (const label of ['email', 'full_name', 'addresses[0].city', 'addresses[1].postal_code'])
      assert.ok(labels.includes(label), `${label} in ${labels.join(', ')}`);
  });

  it('explains a field on hover', async () => {
    const text = '{ "columns": { "Land": "addresses[0].country_code" } }';
    const document = documentOf(text);
    const hover = await service.doHover(document, { line: 0, character: text.indexOf('"columns"') + 2 }, service.parseJSONDocument(document));
    assert.match(JSON.stringify(hover?.contents), /Column name/);
  });
});

describe('store groups in a mapping file', () => {
  it('are offered where a customer_group_id goes, and nowhere else', () => {
    const text = '{ "columns": { "Group": "customer_group_id" }, "constants": { "customer_group_id": 1, "notes": "x" }, "groups": { "Wholesale": 2 } }';
    const at = (marker: string, shift = 0) => text.indexOf(marker) + shift;
    assert.equal(expectsGroupId(text, at('2 }')), true);
    assert.equal(expectsGroupId(text, at('1,')), true);
    assert.equal(expectsGroupId(text, at('"x"', 1)), false);
    assert.equal(expectsGroupId(text, at('"Wholesale"', 1)), false);
    assert.equal(expectsGroupId(text, at('"customer_group_id" }', 1)), false);
  });
});
