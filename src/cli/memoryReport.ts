import { getHeapStatistics } from 'node:v8';

/** Set (by the bench) to have `validate` tell, after each file read a piece at a time, where its memory went. */
export const MEMORY_REPORT_VARIABLE = 'BCCUSTOMERS_MEMORY_REPORT';

/**
 * The highest heap V8 reserved and the highest memory held outside it (typed arrays, read
 * buffers), sampled after each piece read; at the end, a `@memory {…}` line for stderr with
 * the bytes the emails take and the live heap after a full collection (when the process may
 * start one: `--expose-gc`). Undefined unless asked for.
 */
export function memoryWatch(): { sample(): void; report(check: { customers: number; emailBytes: number }): string } | undefined {
  if (!process.env[MEMORY_REPORT_VARIABLE]) return undefined;
  let peakHeapTotalBytes = 0;
  let peakExternalBytes = 0;
  const sample = () => {
    const { total_heap_size, external_memory } = getHeapStatistics();
    peakHeapTotalBytes = Math.max(peakHeapTotalBytes, total_heap_size);
    peakExternalBytes = Math.max(peakExternalBytes, external_memory);
  };
  return {
    sample,
    report({ customers, emailBytes }) {
      sample();
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const heapBytes = getHeapStatistics().used_heap_size;
      return `@memory ${JSON.stringify({ customers, emailBytes, heapBytes, afterFullGc: gc !== undefined, peakHeapTotalBytes, peakExternalBytes })}`;
    },
  };
}
