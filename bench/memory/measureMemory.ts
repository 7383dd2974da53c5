/**
 * Peak memory of the diagnostics pass on a large file, for this extension and
 * for VS Code's JSON language service, each in a fresh process.
 */
import { join } from 'node:path';
import { runProbe } from '../childProcess';

interface ProbeResult {
  textMB: number;
  durationMs: number;
  heapBeforeMB: number;
  heapAtEndMB: number;
  heapRetainedMB: number;
  totalHeapSizeMB: number;
  rssBeforeMB: number;
  rssAtEndMB: number;
  maxRssMB: number;
  problems: number;
}

export interface MemoryResult extends ProbeResult {
  pass: 'ours' | 'language-service';
  customers: number;
  /** highest heap use seen during the pass: before any GC in it, or at its end */
  peakHeapMB: number;
  /** peak heap above the heap in use before the pass (which holds the text) */
  peakHeapAddedMB: number;
  garbageCollections: number;
}

export async function measureMemory(root: string, customers: number): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  for (const pass of ['ours', 'language-service'] as const) {
    const probe = join(root, 'out', 'bench-probes', 'memoryProbe.js');
    const { result, stdout } = await runProbe<ProbeResult>(['--expose-gc', '--trace-gc', probe, pass, String(customers), root], {
      cwd: root,
      timeoutMs: 180_000,
    });
    const sizes = heapSizesBeforeCollections(stdout);
    const peakHeapMB = Math.max(result.heapAtEndMB, ...sizes);
    results.push({ pass, customers, ...result, peakHeapMB, peakHeapAddedMB: peakHeapMB - result.heapBeforeMB, garbageCollections: sizes.length });
  }
  return results;
}

/** From `--trace-gc` lines such as "…ms: Scavenge 45.2 (60.1) -> 40.1 (61.0) MB, …", the 45.2s of the pass. */
function heapSizesBeforeCollections(stdout: string): number[] {
  const pass = stdout.split('@mark pass-start')[1]?.split('@mark pass-end')[0] ?? '';
  const sizes: number[] = [];
  for (const match of pass.matchAll(/ms: [^\n]*? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) sizes.push(Number(match[1]));
  return sizes;
}
