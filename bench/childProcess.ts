/**
 * Runs a probe in a fresh Node process. Probes print their result as one line
 * `@result {json}`, so other output (such as `--trace-gc` lines) can share stdout.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const RESULT_PREFIX = '@result ';

export interface ProbeOutput<T> {
  result: T;
  stdout: string;
}

export async function runProbe<T>(nodeArgs: readonly string[], options: { cwd: string; timeoutMs?: number }): Promise<ProbeOutput<T>> {
  const { stdout, stderr } = await run(process.execPath, [...nodeArgs], {
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`Probe "${nodeArgs.join(' ')}" printed no result.\n${stdout.slice(-1500)}\n${stderr.slice(-1500)}`);
  return { result: JSON.parse(line.slice(RESULT_PREFIX.length)) as T, stdout };
}
