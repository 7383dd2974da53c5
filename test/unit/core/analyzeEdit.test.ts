import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Analysis, analyzeText } from '../../../src/core/analyze';
import { analyzeEdit } from '../../../src/core/analyzeEdit';
import { address, body, customer, plain } from './helpers';

function comparable({ document, diagnostics }: Analysis): unknown {
  return { text: document.text, value: document.value, root: plain(document.root), syntax: document.syntaxProblems, diagnostics };
}

/** analyzeEdit must give exactly what a full analysis gives. */
function checkEdit(before: string, after: string): void {
  assert.deepEqual(comparable(analyzeEdit(analyzeText(before), after)), comparable(analyzeText(after)), `edit from\n${before}\nto\n${after}`);
}

const customers = [
  customer({
    addresses: [address(), address({ country_code: 'USA', state_or_province: 'TX' })],
    attributes: [
      { attribute_id: 1, attribute_value: 2 },
      { attribute_id: 1, attribute_value: 'x' },
    ],
  }),
  customer({ email: 'b@example.com', id: 7, firstname: 'B', authentication: { new_password: 'abc' } }),
  customer({ email: 'JANE.DOE@example.com', channel_ids: [] }),
  customer({ email: 'c@example.com', last_name: undefined, phone: 12 }),
  customer({ email: ' d@example.com ', addresses: [address({ address_type: 'house' })] }),
];
const payload = body(...customers);
const bigPayload = body(...Array.from({ length: 12 }, (_, i) => customer({ email: `p${i}@example.com` })));

const snippet = fc.string({
  maxLength: 8,
  unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', ' ', '\n', 'a', '1', '\\', 'e', '@', '.', 'US', '"email"', '"id": 3', 'null'),
});

describe('analyzeEdit', () => {
  it('gives what a full analysis gives after any small edit', () => {
    fc.assert(
      fc.property(fc.constantFrom(payload, bigPayload), fc.nat(), fc.nat(6), snippet, (text, at, remove, insert) => {
        const start = at % (text.length + 1);
        checkEdit(text, text.slice(0, start) + insert + text.slice(start + remove));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives what a full analysis gives after typing a value into any field, one key at a time', () => {
    const valueStarts = [...payload.matchAll(/": "/g)].map((m) => m.index + 4);
    fc.assert(
      fc.property(fc.constantFrom(...valueStarts), fc.string({ minLength: 1, maxLength: 6 }), (at, typed) => {
        let text = payload;
        for (let i = 1; i <= typed.length; i++) {
          const next = payload.slice(0, at) + JSON.stringify(typed.slice(0, i)).slice(1, -1) + payload.slice(at);
          checkEdit(text, next);
          text = next;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reparses only the customer the edit is in', () => {
    const previous = analyzeText(payload);
    const [first, second, third] = previous.document.root!.children!;
    const at = payload.indexOf('"Doe"', payload.indexOf('b@example.com'));
    const next = analyzeEdit(previous, payload.slice(0, at) + '"Doh"' + payload.slice(at + 5));
    const children = next.document.root!.children!;
    assert.equal(children[0], first);
    assert.notEqual(children[1], second);
    assert.equal(children[1]?.parent, next.document.root);
    assert.equal(children[2], third, 'moved, not copied');
  });

  it('keeps track over a long series of edits in different customers', () => {
    let text = bigPayload;
    let analysis = analyzeText(text);
    for (let i = 0; i < 12; i++) {
      const at = text.indexOf(`p${i}@`);
      text = `${text.slice(0, at)}new-${text.slice(at)}`;
      analysis = analyzeEdit(analysis, text);
    }
    assert.deepEqual(comparable(analysis), comparable(analyzeText(text)));
  });

  it('falls back to a full analysis for edits across customers, of the brackets, or from a text with errors', () => {
    checkEdit(payload, body(...customers.slice(1)));
    checkEdit(payload, payload.replace(/^\[/, '[\n'));
    checkEdit(payload, `${payload.slice(0, -1)},]`);
    checkEdit(`${payload.slice(0, -1)},]`, payload);
    checkEdit(payload, payload);
    checkEdit('', payload);
  });
});
