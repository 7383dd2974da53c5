/**
 * Checking a large file pauses between slices with `setImmediate`, which a web worker does
 * not have; a zero timeout gives other work its turn the same way.
 */
export function provideSetImmediate(): void {
  if (typeof globalThis.setImmediate === 'function') return;
  (globalThis as { setImmediate?: unknown }).setImmediate = (callback: () => void) => setTimeout(callback, 0);
}
