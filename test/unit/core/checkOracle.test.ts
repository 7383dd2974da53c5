import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, checkTextInSlices } from '../../../src/core/check/check';
import { checkEdit } from '../../../src/core/check/checkEdit';
import type { BcDiagnostic } from '../../../src/core/diagnostics/diagnostic';
import { regionsRead } from '../../../src/core/check/brokenRegion';
import { parseJsonDocument } from '../../../src/core/document/jsonDocument';
import { computeFix } from '../../../src/core/fixes/computeFix';
import { customersText } from '../../../bench/payload/generateCustomers';
import { breakages, brokenBody, endOnly } from './brokenBodies';
import { address, body, customer, payloadLikeValue, plain } from './helpers';
import { wholeTextDiagnostics } from './oracle/wholeTextAnalysis';

/** Codes the whole-text analysis never had: what the text hides from JSON.parse. */
const newCodes = new Set(['duplicate-key', 'invalid-utf8', 'lone-surrogate']);

function withoutNewCodes(diagnostics: BcDiagnostic[]): BcDiagnostic[] {
  return diagnostics.filter((d) => !newCodes.has(d.code));
}

/** The check gives exactly the whole-text analysis's diagnostics: code, message, severity, range, path, related, fix. */
function assertSameAsOracle(text: string): void {
  assert.deepEqual(withoutNewCodes(checkText(text).diagnostics), wholeTextDiagnostics(text), `for ${text.slice(0, 400)}`);
}

const validBody = body(
  customer({
    addresses: [address(), address({ country_code: 'USA', state_or_province: 'TX' })],
    attributes: [
      { attribute_id: 1, attribute_value: 2 },
      { attribute_id: 1, attribute_value: 'x' },
    ],
    channel_ids: [1],
  }),
  customer({ email: 'b@example.com', id: 7, firstname: 'B', authentication: { new_password: 'abc' } }),
  customer({ email: 'JANE.DOE@example.com', channel_ids: [] }),
  customer({ email: 'c@example.com', last_name: undefined, phone: 12 }),
);

const mutation = fc.record({
  at: fc.nat(validBody.length),
  remove: fc.nat(8),
  insert: fc.string({
    maxLength: 6,
    unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '/', '*', ' ', '\n', 'a', '1', '\\', '"id": 1', '"email": "b@example.com"', '//', ',]'),
  }),
});

function mutate(text: string, mutations: { at: number; remove: number; insert: string }[]): string {
  for (const m of mutations) {
    const at = Math.min(m.at, text.length);
    text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
  }
  return text;
}

describe('the check against the whole-text analysis', () => {
  it('gives identical diagnostics for random payloads, strict JSON', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(payloadLikeValue, fc.constant(customer()), fc.constant(customer({ addresses: [address({ country_code: 'USA' })] }))), {
          maxLength: 14,
        }),
        fc.constantFrom(0, 2),
        (customers, indent) => {
          assertSameAsOracle(JSON.stringify(customers, null, indent));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives identical diagnostics for mutated payloads, strict or broken', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => assertSameAsOracle(mutate(validBody, mutations))),
      { numRuns: 600 },
    );
  });

  for (const kind of Object.keys(breakages)) {
    it(`gives identical diagnostics for bodies broken by: ${kind}`, () => {
      const before = { ...regionsRead };
      fc.assert(fc.property(brokenBody([kind], 1), assertSameAsOracle), { numRuns: 60 });
      // The broken text was read a stretch at a time, and where strict JSON follows, strict reading took over again.
      assert.ok(regionsRead.regions > before.regions, 'read as broken stretches');
      if (!endOnly.has(kind)) assert.ok(regionsRead.endedEarly > before.endedEarly, 'strict reading resumed');
    });
  }

  it('gives identical diagnostics, in one go and in slices, and the same whole tree, for bodies broken in several places', async () => {
    await fc.assert(
      fc.asyncProperty(brokenBody(Object.keys(breakages), 4), async (text) => {
        assertSameAsOracle(text);
        const analysis = checkText(text);
        const sliced = await checkTextInSlices(text, { sliceMs: 0, pause: async () => {} });
        assert.deepEqual(sliced!.diagnostics, analysis.diagnostics);
        const whole = parseJsonDocument(text);
        assert.deepEqual(plain(analysis.document.root), plain(whole.root));
        assert.deepEqual(analysis.document.value, whole.value);
      }),
      { numRuns: 300 },
    );
  });

  it('gives identical diagnostics for random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: fc.constantFrom('[', ']', '{', '}', '"', ',', ':', ' ', 'a', '1', '/', '*', 'e', 'email') }),
        assertSameAsOracle,
      ),
      { numRuns: 400 },
    );
  });

  it('gives identical diagnostics for realistic files with planted mistakes', () => {
    for (const seed of [1, 2, 3]) assertSameAsOracle(customersText({ count: 300, seed, mistakeRate: 0.3 }));
  });

  it('computes the same fixes from one customer as from the whole text', () => {
    const text = customersText({ count: 200, seed: 5, mistakeRate: 0.5 });
    const { document, diagnostics } = checkText(text);
    const whole = parseJsonDocument(text);
    const fixes = diagnostics.filter((d) => d.fix);
    assert.ok(fixes.length > 20);
    for (const d of fixes) assert.deepEqual(computeFix(document, d.fix!), computeFix(whole, d.fix!), d.message);
  });

  it('gives identical diagnostics in slices and after edits', async () => {
    const text = customersText({ count: 40, seed: 7, mistakeRate: 0.3 });
    const sliced = await checkTextInSlices(text, { sliceMs: 0, pause: async () => {} });
    assert.deepEqual(withoutNewCodes(sliced!.diagnostics), wholeTextDiagnostics(text));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(text.length), remove: fc.nat(4), insert: fc.constantFrom('x', '"', '1', 'ID', 'USA', '@', ' ') }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          let current = text;
          let analysis = checkText(current);
          let told = checkText(current);
          for (let i = 0; i < edits.length; i += 2) {
            // Two edits at a time, as an editor reports them: the quick path told what changed gives the same.
            const replaced = edits.slice(i, i + 2).map(({ at, remove, insert }) => {
              const offset = Math.min(at, current.length);
              const length = Math.min(remove, current.length - offset);
              current = current.slice(0, offset) + insert + current.slice(offset + length);
              return { offset, length, newLength: insert.length };
            });
            analysis = checkEdit(analysis, current);
            told = checkEdit(told, current, replaced);
            assert.deepEqual(withoutNewCodes(analysis.diagnostics), wholeTextDiagnostics(current));
            assert.deepEqual(told.diagnostics, analysis.diagnostics);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
