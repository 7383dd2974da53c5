import { readdirSync, readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
const f = readdirSync('/tmp/prof')[0]!;
const p = JSON.parse(readFileSync('/tmp/prof/' + f, 'utf8'));
const map = new TraceMap(readFileSync('/work/main/dist/cli.js.map', 'utf8'), '/work/main/dist/cli.js.map');
const self = new Map<string, number>();
const byId = new Map<number, string>();
for (const n of p.nodes) {
  const c = n.callFrame;
  const o = c.url.includes('cli.js') ? originalPositionFor(map, { line: c.lineNumber + 1, column: c.columnNumber }) : undefined;
  byId.set(n.id, o?.source ? `${o.source.replace('/work/main/', '')}:${o.line} ${o.name ?? c.functionName}` : `${c.functionName} ${c.url}`);
}
p.samples.forEach((id: number, i: number) => { const k = byId.get(id)!; self.set(k, (self.get(k) ?? 0) + p.timeDeltas[i] / 1000); });
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(ms.toFixed(1), k);
