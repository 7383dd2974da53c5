import { getHeapStatistics } from 'node:v8';

/** Set (by the bench) to have `validate` tell, after each file read a piece at a time, how much of the live heap its emails take. */
export const MEMORY_REPORT_VARIABLE = 'BCCUSTOMERS_MEMORY_REPORT';

/** One `@memory {…}` line for stderr, or undefined unless asked for; after a full collection when the process may start one (`--expose-gc`). */
export function memoryReport(check: { customers: number; emailBytes: number }): string | undefined {
  if (!process.env[MEMORY_REPORT_VARIABLE]) return undefined;
  (globalThis as { gc?: () => void }).gc?.();
  const { used_heap_size: heapBytes, total_heap_size: heapTotalBytes } = getHeapStatistics();
  return `@memory ${JSON.stringify({ customers: check.customers, emailBytes: check.emailBytes, heapBytes, heapTotalBytes, afterFullGc: typeof (globalThis as { gc?: unknown }).gc === 'function' })}`;
}
