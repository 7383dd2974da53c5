import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analyze';
import { closestName } from '../../../src/core/rules/suggest';
import { decodePayload, PayloadDecoder } from '../../../src/core/text/decodeBytes';
import { body, customer, diagnosticsOf, textAt } from './helpers';

describe('hostile input', () => {
  it('warns about a key written twice, on the dropped one, and points the other problems at the kept one', () => {
    const text = '[{"email": "a@b.co", "first_name": "A", "last_name": "B", "first_name": ""}]';
    const [duplicate] = diagnosticsOf(text, 'duplicate-key');
    assert.ok(duplicate);
    assert.equal(duplicate.severity, 'warning');
    assert.equal(duplicate.range.start, text.indexOf('"first_name"'));
    assert.equal(duplicate.related?.[0]?.range.start, text.lastIndexOf('"first_name"'));
    const [empty] = diagnosticsOf(text, 'too-short');
    assert.ok(empty);
    assert.equal(textAt(text, empty), '""');
  });

  it('words a number too large to store', () => {
    const [d] = diagnosticsOf('[{"email": "a@b.co", "first_name": "A", "last_name": "B", "customer_group_id": 1e400}]', 'wrong-type');
    assert.equal(d?.message, 'customer_group_id must be a whole number, not a number too large to be stored');
  });

  it('reports lone surrogates in values and keys', () => {
    const text = '[{"email": "a@b.co", "first_name": "\\udc00A", "last_name": "B", "x\\ud800": 1}]';
    assert.deepEqual(
      diagnosticsOf(text, 'lone-surrogate').map((d) => textAt(text, d)),
      ['"\\udc00A"', '"x\\ud800"'],
    );
  });

  it('suggests no name for a huge key, and compares only names of similar length', () => {
    assert.equal(closestName(`first_name${' '.repeat(70)}`, ['first_name']), undefined);
    assert.equal(closestName('x'.repeat(1_000_000), ['first_name', 'last_name']), undefined);
    assert.equal(closestName('firstname', ['first_name', 'last_name']), 'first_name');
  });

  it('never throws and keeps ranges inside the text on deep nesting, huge keys and strings, and random bytes', () => {
    const texts = ['['.repeat(100_000), `[${'{"a":['.repeat(30_000)}`, body(customer({ ['k'.repeat(2_000_000)]: 'v'.repeat(2_000_000) }))];
    for (const text of texts) for (const d of analyzeText(text).diagnostics) assert.ok(d.range.end <= text.length);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { text } = decodePayload(bytes);
        for (const d of analyzeText(text).diagnostics) assert.ok(d.range.start <= d.range.end && d.range.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decoding a payload file', () => {
  const encoder = new TextEncoder();

  it('finds the first byte that is not UTF-8, in whichever piece it comes', () => {
    const bytes = new Uint8Array([...encoder.encode('[{"first_name": "Zoë '), 0xe9, ...encoder.encode('"}]')]);
    for (const cut of [1, 5, 19, 20, 21, 22, bytes.length - 1]) {
      const decoder = new PayloadDecoder();
      const text = decoder.decode(bytes.subarray(0, cut)) + decoder.decode(bytes.subarray(cut), true);
      assert.equal(text, '[{"first_name": "Zoë \uFFFD"}]', `cut at ${cut}`);
      assert.deepEqual(decoder.invalid, { byteOffset: 22, offset: 21, value: 0xe9 }, `cut at ${cut}`);
    }
  });

  it('decodes characters split between pieces, drops a byte-order mark and reads UTF-16 with its mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('["😀é"]')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new PayloadDecoder();
      assert.equal(decoder.decode(bytes.subarray(0, cut)) + decoder.decode(bytes.subarray(cut), true), '["😀é"]');
      assert.equal(decoder.invalid, undefined);
    }
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('["é"]').flatMap((c) => [c.charCodeAt(0), 0])]);
    assert.deepEqual(decodePayload(utf16), { text: '["é"]' });
  });
});
