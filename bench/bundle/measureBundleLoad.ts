/**
 * Bundle load time: `require('dist/extension.js')` in fresh Node processes
 * with a stub `vscode` module. Not activation in VS Code — the module-level
 * cost of the bundle only, which activation includes.
 */
import { join } from 'node:path';
import { runProbe } from '../childProcess';
import { summarize, type Summary } from '../stats';

interface LoadRun {
  requireMs: number;
  hasActivate: boolean;
}

export async function measureBundleLoad(root: string, processes: number): Promise<Summary> {
  const probe = join(root, 'bench', 'probes', 'loadBundleProbe.cjs');
  const samples: number[] = [];
  for (let i = 0; i < processes; i++) {
    const { result } = await runProbe<LoadRun>([probe, join(root, 'dist', 'extension.js')], { cwd: root });
    if (!result.hasActivate) throw new Error('dist/extension.js loaded but exports no activate()');
    samples.push(result.requireMs);
  }
  return summarize(samples);
}
