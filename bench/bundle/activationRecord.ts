/** Activation time in a real VS Code host, as recorded by the end-to-end run (if it ran). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ActivationRecord {
  activationMs?: number;
  source?: string;
  recordedAt?: string;
  /** why there is no number */
  note?: string;
}

const RECORD = join('out', 'test-results', 'activation.json');

export function readActivationRecord(root: string): ActivationRecord {
  const path = join(root, RECORD);
  if (!existsSync(path)) return { note: `not measured in this run (no ${RECORD})` };
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as { activationMs?: unknown; source?: unknown };
    if (typeof record.activationMs !== 'number') return { note: `${RECORD} has no numeric activationMs` };
    return {
      activationMs: record.activationMs,
      ...(typeof record.source === 'string' ? { source: record.source } : {}),
      recordedAt: statSync(path).mtime.toISOString(),
    };
  } catch (error) {
    return { note: `${RECORD} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
