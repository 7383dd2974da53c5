import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analyze';
import { computeFix } from '../../../src/core/fixes/computeFix';
import { completionsAt } from '../../../src/core/language/completion';
import { hoverAt } from '../../../src/core/language/hover';
import { address, body, customer, payloadLikeValue } from './helpers';

/** Nothing in the core may throw on any text, and every range must lie inside the text. */
function checkText(text: string): void {
  const { document, diagnostics } = analyzeText(text);
  for (const d of diagnostics) {
    assert.ok(
      d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length,
      `range ${JSON.stringify(d.range)} outside a text of ${text.length}`,
    );
    for (const r of d.related ?? []) assert.ok(r.range.start >= 0 && r.range.end <= text.length);
    const fix = d.fix && computeFix(document, d.fix);
    for (const e of fix?.edits ?? []) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length);
  }
}

const validBody = body(
  customer({ addresses: [address()], attributes: [{ attribute_id: 1, attribute_value: 'x' }], channel_ids: [1] }),
  customer({ email: 'b@example.com' }),
);

describe('properties of the core', () => {
  it('never throws and keeps ranges inside the text for random JSON-like payloads', () => {
    fc.assert(
      fc.property(fc.array(payloadLikeValue, { maxLength: 12 }), (customers) => checkText(JSON.stringify(customers, null, 2))),
      { numRuns: 300 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), checkText), { numRuns: 300 });
  });

  it('never throws on mutated valid payloads (characters inserted, deleted, replaced)', () => {
    const mutation = fc.record({
      at: fc.nat(validBody.length),
      remove: fc.nat(8),
      insert: fc.string({ maxLength: 6, unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '/', '*', ' ', '\n', 'a', '1', '\\') }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let text = validBody;
        for (const m of mutations) {
          const at = Math.min(m.at, text.length);
          text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
        }
        checkText(text);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, and stays inside the text, on the mutated payloads that once failed', () => {
    // jsonc-parser's modify threw "Can not add property to parent of type object" for this one.
    let text = validBody;
    for (const m of [
      { at: 1, remove: 5, insert: '{' },
      { at: 246, remove: 0, insert: '1\n:' },
    ])
      text = text.slice(0, m.at) + m.insert + text.slice(m.at + m.remove);
    checkText(text);
    // An unfinished comment at the very end once had a range one character past the text.
    checkText(`${validBody.slice(0, -2)}/*`);
  });

  it('completion and hover never throw at any offset', () => {
    fc.assert(
      fc.property(fc.nat(validBody.length), fc.nat(20), (offset, cut) => {
        const text = validBody.slice(0, validBody.length - cut);
        const at = Math.min(offset, text.length);
        const { range } = completionsAt(text, at);
        assert.ok(range.start <= range.end && range.end <= text.length);
        hoverAt(text, at);
      }),
      { numRuns: 300 },
    );
  });
});
