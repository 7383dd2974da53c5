import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { customersText } from '../../../bench/payload/generateCustomers';
import { checkText } from '../../../src/core/check/check';
import { type PositionedDiagnostic, StreamingCheck } from '../../../src/core/check/streamCheck';
import { tolerantReading } from '../../../src/core/document/jsonDocument';
import { reportDiagnostics } from '../../../src/core/report';
import { breakages, brokenBody } from './brokenBodies';

/** What the streaming check reports for `text` pushed in pieces cut at `cuts`, in the order the CLI prints it (and in one fixed order). */
function streamed(text: string, cuts: number[]) {
  const found: ReturnType<typeof reportDiagnostics> = [];
  const reported = ({ diagnostic: d, start, end }: PositionedDiagnostic) => ({
    path: d.path,
    severity: d.severity,
    code: d.code,
    message: d.message,
    range: { start, end },
  });
  const check = new StreamingCheck((d) => found.push(reported(d)));
  let at = 0;
  for (const cut of [...cuts.sort((a, b) => a - b), text.length]) {
    check.push(text.slice(at, cut));
    at = cut;
  }
  const printed = [...check.finish().map(reported), ...found];
  return { printed, found: inOneOrder(printed), needsWholeText: check.needsWholeText };
}

function inOneOrder<T>(list: T[]): T[] {
  return list
    .map((d) => JSON.stringify(d))
    .sort()
    .map((d) => JSON.parse(d) as T);
}

describe('the streaming check', () => {
  it('reports what the check of the whole text does, for bodies broken in several places, whatever the pieces', () => {
    fc.assert(
      fc.property(
        brokenBody(Object.keys(breakages), 4).chain((text) => fc.tuple(fc.constant(text), fc.array(fc.nat(text.length), { maxLength: 6 }))),
        ([text, cuts]) => {
          const { printed, needsWholeText } = streamed(text, cuts);
          assert.equal(needsWholeText, false);
          // In document order as found: the CLI writes them out without sorting.
          assert.deepEqual(printed, reportDiagnostics(checkText(text)), `for ${text.slice(0, 300)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads only the broken stretch of a large file tolerantly, in pieces, with CRLF line ends', () => {
    const text = customersText({ count: 2000, seed: 13, mistakeRate: 0.05 });
    const middle = text.indexOf('\n  {\n', text.length / 2) + 3;
    // A comment in the middle, then twenty customers with a comment inside each: a stretch read across pieces.
    let broken = `${text.slice(0, middle)}// imported\n  ${text.slice(middle)}`;
    for (let at = middle, i = 0; i < 20; i++) {
      at = broken.indexOf('\n  {\n', at) + 4;
      broken = `${broken.slice(0, at)} // checked by hand${broken.slice(at)}`;
    }
    broken = broken.replace(/\n/g, '\r\n');
    // Pieces of 64 KB, and a cut inside the broken stretch.
    const cuts = [...Array.from({ length: Math.floor(broken.length / 65_536) }, (_, i) => (i + 1) * 65_536), broken.indexOf('// imported') + 5_000];
    const before = tolerantReading.characters;
    const { found, needsWholeText } = streamed(broken, cuts);
    const read = tolerantReading.characters - before;
    assert.equal(needsWholeText, false);
    assert.ok(read > 0 && read < broken.length / 20, `read ${read} of ${broken.length} characters`);
    assert.deepEqual(found, inOneOrder(reportDiagnostics(checkText(broken))));
  });
});
