/**
 * How long checking a large file holds the thread at a stretch. The extension
 * checks files over 200,000 characters with `analyzeTextInSlices`, which
 * pauses (setImmediate) whenever a slice has run 15 ms; here every slice is
 * timed, from the moment the work resumes to its next pause. The one-go pass
 * (`analyzeText`) holds the thread for its whole duration.
 */
import { analyzeText } from '../../src/core/analyze';
import { analyzeTextInSlices } from '../../src/core/analyzeInSlices';
import { customersText } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';

export interface SlicesResult {
  customers: number;
  bytes: number;
  /** analyzeText: one block as long as the pass */
  oneGo: Summary;
  /** analyzeTextInSlices: the longest slice of each run */
  longestSlice: Summary;
  /** analyzeTextInSlices: start to finish, pauses included */
  total: Summary;
  slicesPerRun: number;
}

export async function measureSlices(customers: number, runs: number): Promise<SlicesResult> {
  const text = customersText({ count: customers });
  const oneGo: number[] = [];
  const longest: number[] = [];
  const totals: number[] = [];
  let slicesPerRun = 0;
  for (let run = -1; run < runs; run++) {
    const started = performance.now();
    analyzeText(text);
    const oneGoMs = performance.now() - started;

    const begin = performance.now();
    const slices = await sliceTimes(text);
    if (run < 0) continue; // warm-up
    oneGo.push(oneGoMs);
    longest.push(Math.max(...slices));
    totals.push(performance.now() - begin);
    slicesPerRun = slices.length;
  }
  return { customers, bytes: Buffer.byteLength(text), oneGo: summarize(oneGo), longestSlice: summarize(longest), total: summarize(totals), slicesPerRun };
}

/** Each slice of a check in slices, from the moment the work resumes to its next pause. */
export async function sliceTimes(text: string): Promise<number[]> {
  const slices: number[] = [];
  let resumed = performance.now();
  await analyzeTextInSlices(text, {
    pause: async () => {
      slices.push(performance.now() - resumed);
      await new Promise((resolve) => setImmediate(resolve));
      resumed = performance.now();
    },
  });
  slices.push(performance.now() - resumed);
  return slices;
}
