/** The editor's cost of a large open file: memory kept per file and one keystroke (see probes/editorProbe.ts). */
import { join } from 'node:path';
import { runProbe } from '../childProcess';
import type { Summary } from '../stats';

export interface EditorResult {
  customers: number;
  textMB: number;
  /** the analysis kept for the file, beyond its text */
  keptMB: number;
  keystroke: Summary;
  problems: number;
}

export async function measureEditor(root: string, customers: number, keystrokes: number): Promise<EditorResult> {
  const probe = join(root, 'out', 'bench-probes', 'editorProbe.js');
  const { result } = await runProbe<EditorResult>(['--expose-gc', probe, String(customers), String(keystrokes)], {
    cwd: root,
    timeoutMs: 300_000,
  });
  return result;
}
