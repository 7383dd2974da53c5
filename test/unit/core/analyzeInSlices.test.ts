import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Analysis, analyzeText } from '../../../src/core/analyze';
import { analyzeTextInSlices } from '../../../src/core/analyzeInSlices';
import { address, body, customer, payloadLikeValue, plain } from './helpers';

function comparable(analysis: Analysis | undefined): unknown {
  if (!analysis) return undefined;
  const { document, diagnostics } = analysis;
  return { value: document.value, root: plain(document.root), syntax: document.syntaxProblems, comments: document.comments, diagnostics };
}

/** A pause after every customer, counted. */
function everyCustomer() {
  const counter = { pauses: 0 };
  return { counter, options: { sliceMs: 0, pause: async () => void counter.pauses++ } };
}

async function checkSame(text: string): Promise<void> {
  assert.deepEqual(comparable(await analyzeTextInSlices(text, everyCustomer().options)), comparable(analyzeText(text)), `for ${text.slice(0, 300)}`);
}

describe('analyzeTextInSlices', () => {
  it('gives what analyzeText gives, for any body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(payloadLikeValue, fc.constant(customer()), fc.constant(customer({ addresses: [address({ country_code: 'USA' })] }))), {
          maxLength: 14,
        }),
        async (customers) => {
          await checkSame(JSON.stringify(customers, null, 2));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives what analyzeText gives for texts that are not a strict-JSON array', async () => {
    for (const text of [
      '',
      '{"email": "a@b.co"}',
      '[{"email": "a@b.co",}]',
      '// c\n[]',
      '[1 2]',
      '[',
      '[]',
      '[] x',
      body(customer()).replace('"Jane"', '"Jane" /* x */'),
    ])
      await checkSame(text);
  });

  it('pauses between customers, and stops when cancelled', async () => {
    const text = body(...Array.from({ length: 12 }, (_, i) => customer({ email: `c${i}@example.com` })));
    const { counter, options } = everyCustomer();
    assert.ok(await analyzeTextInSlices(text, options));
    assert.equal(counter.pauses, 12);
    assert.equal(await analyzeTextInSlices(text, { ...options, cancelled: () => counter.pauses >= 15 }), undefined);
  });
});
