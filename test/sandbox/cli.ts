/**
 * Runs a sandbox store with demo data until interrupted:
 *   node --import tsx test/sandbox/cli.ts [--port 4010] [--quota N] [--window-ms N] [--latency-ms N]
 */
import { parseArgs } from 'node:util';
import { startSandboxStore, type SandboxOptions } from './store.js';

function numberOption(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a non-negative number, got "${raw}"`);
  return value;
}

function readOptions(args: string[]): SandboxOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      quota: { type: 'string' },
      'window-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const options: SandboxOptions = {};
  const port = numberOption(values, 'port');
  const quota = numberOption(values, 'quota');
  const windowMs = numberOption(values, 'window-ms');
  const latencyMs = numberOption(values, 'latency-ms');
  const seed = numberOption(values, 'seed');
  if (port !== undefined) options.port = port;
  if (quota !== undefined) options.quota = quota;
  if (windowMs !== undefined) options.windowMs = windowMs;
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  if (seed !== undefined) options.seed = seed;
  return options;
}

async function main(): Promise<void> {
  let options: SandboxOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const store = await startSandboxStore(options);
  console.log(`sandbox store at ${store.url}, store ${store.storeHash}, token ${store.accessToken}`);
  const stop = (): void => {
    void store.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
