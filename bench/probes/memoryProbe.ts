/**
 * Memory of one diagnostics pass, in a fresh process started with
 * `--expose-gc --trace-gc`. Prints `@mark pass-start` / `@mark pass-end`
 * around the pass so the parent can read the GC trace lines in between (V8
 * prints the heap size before each collection: the highest is the peak),
 * then one `@result` line.
 * Usage: node --expose-gc --trace-gc --import tsx memoryProbe.ts <ours|language-service> <customers> <projectRoot>
 */
import { getHeapStatistics } from 'node:v8';
import { analyzeText } from '../../src/core/analyze';
import { createLanguageServicePass } from '../diagnostics/languageServiceBaseline';
import { customersText } from '../payload/generateCustomers';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [which, count, root] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !root) throw new Error('Run with --expose-gc and pass <ours|language-service> <customers> <projectRoot>');
  const languageService = createLanguageServicePass(root);
  const pass = which === 'ours' ? (text: string) => analyzeText(text) : (text: string) => languageService(text);

  // Warm up on a small file so loading and compiling code is not counted as the pass's memory.
  await pass(customersText({ count: 100 }));
  const text = customersText({ count: Number(count) });
  gc();
  gc();
  const before = process.memoryUsage();
  process.stdout.write('@mark pass-start\n');
  const started = performance.now();
  const result = await pass(text);
  const durationMs = performance.now() - started;
  const atEnd = process.memoryUsage();
  process.stdout.write('@mark pass-end\n');
  gc();
  const retained = process.memoryUsage();
  const heap = getHeapStatistics();
  process.stdout.write(
    '@result ' +
      JSON.stringify({
        textMB: Buffer.byteLength(text) / MB,
        durationMs,
        heapBeforeMB: before.heapUsed / MB,
        heapAtEndMB: atEnd.heapUsed / MB,
        heapRetainedMB: (retained.heapUsed - before.heapUsed) / MB,
        totalHeapSizeMB: heap.total_heap_size / MB,
        rssBeforeMB: before.rss / MB,
        rssAtEndMB: atEnd.rss / MB,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        // keeps the result alive until after the measurement above
        problems: Array.isArray(result) ? result.length : result.diagnostics.length,
      }) +
      '\n',
  );
}

void main();
