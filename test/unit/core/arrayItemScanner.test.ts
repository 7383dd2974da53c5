import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { ArrayItemScanner, ItemFlags, type ScannedItem } from '../../../src/core/text/arrayItemScanner';

interface Scan {
  ok: boolean;
  items: ScannedItem[];
  failure: ArrayItemScanner['failure'];
}

/** The text scanned in the pieces given by `cuts` (offsets, in any order). */
function scanInPieces(text: string, cuts: number[] = []): Scan {
  const scanner = new ArrayItemScanner();
  const items: ScannedItem[] = [];
  const collect = (item: ScannedItem) => void items.push({ ...item });
  const bounds = [...new Set([0, ...cuts.map((cut) => Math.min(cut, text.length)), text.length])].sort((a, b) => a - b);
  let ok = true;
  for (let i = 0; ok && i + 1 < bounds.length; i++) ok = scanner.push(text.slice(bounds[i], bounds[i + 1]), collect);
  if (ok) ok = scanner.finish(collect);
  return { ok, items, failure: scanner.failure };
}

/** What the scanner should report of an item of strict JSON, worked out by jsonc-parser's tokenizer. */
function expectedFacts(itemText: string): Pick<ScannedItem, 'flags' | 'colons'> {
  let colons = 0;
  let flags = ItemFlags.None;
  const tokens = createScanner(itemText, true);
  for (let kind = tokens.scan(); kind !== SyntaxKind.EOF; kind = tokens.scan()) {
    if (kind === SyntaxKind.ColonToken) colons++;
    if (kind !== SyntaxKind.StringLiteral) continue;
    const raw = itemText.slice(tokens.getTokenOffset(), tokens.getTokenOffset() + tokens.getTokenLength());
    if (/\\|[\uD800-\uDFFF]/.test(raw)) flags |= ItemFlags.Escapes;
    if (raw.includes('\uFFFD')) flags |= ItemFlags.Replacement;
  }
  return { flags, colons };
}

const awkwardString = fc.string({ maxLength: 8, unit: fc.constantFrom('a', ' ', '"', '\\', ':', '{', ']', '\uFFFD', '\uD83D', '\uDE00', 'é', '\n') });
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, awkwardString, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(awkwardString, tie('value'), { maxKeys: 4 }),
})).value;

describe('ArrayItemScanner', () => {
  it('finds the same items, flags and colons whatever pieces the text comes in', () => {
    fc.assert(
      fc.property(fc.array(jsonish, { maxLength: 6 }), fc.constantFrom(0, 2), fc.array(fc.nat(400), { maxLength: 12 }), (items, indent, cuts) => {
        const text = JSON.stringify(items, null, indent);
        const whole = scanInPieces(text);
        assert.equal(whole.ok, true);
        assert.deepEqual(scanInPieces(text, cuts), whole);
        assert.equal(whole.items.length, items.length);
        for (const item of whole.items) {
          assert.deepEqual({ flags: item.flags, colons: item.colons }, expectedFacts(text.slice(item.start, item.end)));
          JSON.parse(text.slice(item.start, item.end));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same verdict on broken text whatever the pieces', () => {
    const broken = fc.string({ maxLength: 40, unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', ' ', '1', 'a', '\uFFFD', '\uD83D') });
    fc.assert(
      fc.property(broken, fc.array(fc.nat(40), { maxLength: 6 }), (text, cuts) => {
        assert.deepEqual(scanInPieces(text, cuts), scanInPieces(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('sees a backslash that ends one piece and escapes the quote that starts the next', () => {
    const text = '[{"a":"x\\"y"}]';
    const cut = text.indexOf('\\') + 1;
    const scan = scanInPieces(text, [cut]);
    assert.equal(scan.ok, true);
    assert.deepEqual(scan.items, [{ start: 1, end: text.length - 1, flags: ItemFlags.Escapes, colons: 1 }]);
  });
});
