import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customersText } from '../../../bench/payload/generateCustomers';
import { checkText, checkTextInSlices } from '../../../src/core/check/check';
import { tolerantReading } from '../../../src/core/document/jsonDocument';
import { wholeTextDiagnostics } from './oracle/wholeTextAnalysis';

/** Where customer `index` of a generated body starts (its "{"). */
function customerStart(text: string, index: number): number {
  let at = 0;
  for (let i = 0; i <= index; i++) at = text.indexOf('\n  {\n', at) + 1;
  return at + 2;
}

function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

const newCodes = new Set(['duplicate-key', 'invalid-utf8', 'lone-surrogate']);

/** The check, and how many characters the tolerant parser read for it. */
function checkCounted(text: string) {
  const before = tolerantReading.characters;
  const analysis = checkText(text);
  return { analysis, read: tolerantReading.characters - before };
}

describe('text that is not strict JSON in one place', () => {
  const strict = customersText({ count: 2000, seed: 11, mistakeRate: 0.05 });
  const middle = customerStart(strict, 1000);

  // Twenty customers in a row with a comment inside each: a stretch longer than the first window read.
  let twentyCommented = strict;
  for (let i = 1019; i >= 1000; i--) twentyCommented = insertAt(twentyCommented, customerStart(twentyCommented, i) + 1, ' // checked by hand');

  for (const [what, broken, fraction] of [
    ['a comment between customers', insertAt(strict, middle, '// imported from the old shop\n  '), 100],
    ['a half-typed customer', insertAt(strict, middle, '{\n    "email": "new.customer@exam\n  },\n  '), 100],
    ['twenty customers with comments', twentyCommented, 20],
  ] as const) {
    it(`is read tolerantly only around ${what}, with the whole-text diagnostics`, () => {
      const { analysis, read } = checkCounted(broken);
      // The customers around the mistakes, of 2,000 (the stretch read in windows that double).
      assert.ok(read > 0 && read < broken.length / fraction, `read ${read} of ${broken.length} characters`);
      assert.deepEqual(
        analysis.diagnostics.filter((d) => !newCodes.has(d.code)),
        wholeTextDiagnostics(broken),
      );
      assert.ok(analysis.diagnostics.some((d) => d.code.startsWith('json-')));
    });
  }

  it('is checked in slices, pausing between customers after the broken one', async () => {
    const text = customersText({ count: 20_000, seed: 12, mistakeRate: 0.05 });
    const broken = insertAt(text, customerStart(text, 10_000), '/* imported */ ');
    let pauses = 0;
    let pausesAfterTolerantRead = 0;
    const before = tolerantReading.characters;
    const sliced = await checkTextInSlices(broken, {
      sliceMs: 0,
      pause: async () => {
        pauses++;
        if (tolerantReading.characters > before) pausesAfterTolerantRead++;
      },
    });
    // One pause per customer at least, on both sides of the comment.
    assert.ok(pauses >= 20_000, `${pauses} pauses`);
    assert.ok(pausesAfterTolerantRead >= 9_000, `${pausesAfterTolerantRead} pauses after the broken stretch`);
    assert.deepEqual(sliced!.diagnostics, checkText(broken).diagnostics);
  });
});
