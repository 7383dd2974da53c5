// Runs in a fresh process: `import` through the bundled CLI (dist/cli.js), or the CSV through
// papaparse alone, and prints `@result {json}` with the wall time and the peak resident memory.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

const [mode, root, file, output] = process.argv.slice(2);
if (!root || !file) throw new Error('Usage: node importProbe.mjs <cli|papaparse> <projectRoot> <file.csv> [output]');
const require = createRequire(`${root}/package.json`);
const started = performance.now();
let rows = 0;
if (mode === 'cli') {
  const { main } = require(`${root}/dist/cli.js`);
  /** @type {string[]} */
  const lines = [];
  /** @param {string} line */
  const keep = (line) => lines.push(line);
  const code = await main(['import', file, '-o', output, '--format', 'json'], { out: keep, err: keep });
  if (code === 2) throw new Error(lines.join('\n'));
  rows = JSON.parse(lines[0] ?? '').report.rows;
} else {
  const Papa = require('papaparse');
  await new Promise((resolve, reject) => Papa.parse(createReadStream(file), { step: () => void rows++, complete: resolve, error: reject }));
  rows--; // the header
}
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
console.log(`@result ${JSON.stringify({ rows, seconds, cpuSeconds: (user + system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024 })}`);
