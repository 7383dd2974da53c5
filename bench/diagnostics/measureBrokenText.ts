/**
 * A large file that is not strict JSON in one place: one comment between two customers in the
 * middle. The check reads only the stretch around it with the tolerant parser and the rest a
 * customer at a time, as it reads a strict file. Measured in process, interleaved with the same
 * file without the comment: the whole check in one go (`analyzeText`), and in slices as the
 * extension runs it (`analyzeTextInSlices`, a pause through setImmediate whenever a slice has run
 * 15 ms), its longest slice.
 */
import { analyzeText } from '../../src/core/analyze';
import { sliceTimes } from './measureSlices';
import { customersText } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';

export interface BrokenTextResult {
  customers: number;
  bytes: number;
  strict: TextMeasures;
  oneComment: TextMeasures;
}

interface TextMeasures {
  /** analyzeText: start to finish, holding the thread throughout */
  oneGo: Summary;
  /** analyzeTextInSlices: the longest slice of each run */
  longestSlice: Summary;
  slicesPerRun: number;
}

export async function measureBrokenText(customers: number, runs: number): Promise<BrokenTextResult> {
  const strict = customersText({ count: customers });
  const middle = strict.indexOf('\n  {\n', Math.floor(strict.length / 2)) + 3;
  const oneComment = `${strict.slice(0, middle)}// imported from the old shop\n  ${strict.slice(middle)}`;
  const texts = { strict, oneComment };
  const measured = {
    strict: { oneGo: [] as number[], longest: [] as number[], slices: 0 },
    oneComment: { oneGo: [] as number[], longest: [] as number[], slices: 0 },
  };
  for (let run = -1; run < runs; run++) {
    // Interleaved, the order turned each run: machine noise hits both alike.
    const order = run % 2 ? (['strict', 'oneComment'] as const) : (['oneComment', 'strict'] as const);
    for (const which of order) {
      const text = texts[which];
      const started = performance.now();
      analyzeText(text);
      const oneGoMs = performance.now() - started;
      const slices = await sliceTimes(text);
      if (run < 0) continue; // warm-up
      measured[which].oneGo.push(oneGoMs);
      measured[which].longest.push(Math.max(...slices));
      measured[which].slices = slices.length;
    }
  }
  const measures = (m: (typeof measured)['strict']): TextMeasures => ({
    oneGo: summarize(m.oneGo),
    longestSlice: summarize(m.longest),
    slicesPerRun: m.slices,
  });
  return { customers, bytes: Buffer.byteLength(oneComment), strict: measures(measured.strict), oneComment: measures(measured.oneComment) };
}
