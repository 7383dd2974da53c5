/**
 * What the editor keeps and spends on a large open file, in a fresh process started with
 * `--expose-gc`: the analysis it keeps per file (beyond the text, which VS Code holds anyway),
 * and the check after one keystroke (`analyzeEdit` on the previous analysis, told what changed, as
 * the editor tells it from VS Code's change event). The new text is made flat before each timing,
 * as VS Code's `getText()` hands it over.
 * Usage: node --expose-gc --import tsx editorProbe.ts <customers> <keystrokes>
 */
import type { Analysis } from '../../src/core/analyze';
import { analyzeEdit } from '../../src/core/analyzeEdit';
import { checkText } from '../../src/core/check/check';
import { customersText } from '../payload/generateCustomers';
import { summarize } from '../stats';

const MB = 1024 * 1024;

function main(): void {
  const [count = 0, keystrokes = 0] = process.argv.slice(2).map(Number);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !count) throw new Error('Run with --expose-gc and pass <customers> <keystrokes>');
  checkText(customersText({ count: 200 }));
  const text = customersText({ count });
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  let analysis: Analysis = checkText(text);
  gc();
  gc();
  const keptMB = (process.memoryUsage().heapUsed - before) / MB;

  const marker = '"last_name": "';
  const at = text.indexOf(marker, Math.floor(text.length / 2)) + marker.length + 1;
  const samples: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    const next = text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at + 1);
    next.indexOf('\u0000'); // flattens the string, as getText() gives it
    const started = performance.now();
    analysis = analyzeEdit(analysis, next, [{ offset: at, length: 1, newLength: 1 }]);
    samples.push(performance.now() - started);
  }
  const textMB = Buffer.byteLength(text) / MB;
  process.stdout.write(
    `@result ${JSON.stringify({ customers: count, textMB, keptMB, keystroke: summarize(samples.slice(2)), problems: analysis.diagnostics.length })}\n`,
  );
}

main();
