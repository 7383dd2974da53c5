import { parseArgs } from './args';
import { DEFAULT_MAX_STORE_WAIT_MS, type StorePorts } from '../core/send/storeClient';
import { storeTarget } from './storeOptions';
import { usage } from './usage';
import { validateCommand, type CliIo } from './validateCommand';

/**
 * `env` holds the access token; `ports` carry requests and time (tests pass a fake clock).
 * What only sending, importing or a store needs is loaded when the command needs it, so
 * that `validate` starts without Node's HTTP modules, the journal or the CSV parser.
 */
export async function main(argv: string[], io: CliIo, ports?: StorePorts, env: Record<string, string | undefined> = process.env): Promise<number> {
  const storePorts = async (): Promise<StorePorts> => ports ?? { transport: (await import('../node/nodeTransport.js')).nodeTransport };
  const args = parseArgs(argv, new Set(['help', 'version']));
  if (args.options.has('help') || !args.command || args.command === 'help') {
    io.out(usage);
    return args.command || args.options.has('help') ? 0 : 2;
  }
  const format = args.options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`bccustomers: --format must be text or json, not ${String(format)}`);
    return 2;
  }
  switch (args.command) {
    case 'validate': {
      const store = args.options.get('store');
      if (store === undefined) return validateCommand(args.positional, format, io);
      const target = storeTarget(store, args.options.get('api-base-url'), env, io, 'validate');
      return target ? validateCommand(args.positional, format, io, target, await storePorts()) : 2;
    }
    case 'send': {
      const target = storeTarget(args.options.get('store'), args.options.get('api-base-url'), env, io, 'send');
      const maxWait = args.options.get('max-store-wait-seconds');
      const maxWaitSeconds = maxWait === undefined ? DEFAULT_MAX_STORE_WAIT_MS / 1000 : Number(maxWait);
      if (!Number.isFinite(maxWaitSeconds) || maxWaitSeconds < 0) {
        io.err(`bccustomers send: --max-store-wait-seconds must be a number of seconds, not ${String(maxWait)}`);
        return 2;
      }
      if (!target) return 2;
      const [{ journalArgs }, { sendFileCommand }] = await Promise.all([import('./journalOptions.js'), import('./sendCommand.js')]);
      const paths = journalArgs(args.options);
      return sendFileCommand({ files: args.positional, target, format, maxStoreWaitMs: maxWaitSeconds * 1000, ...paths }, io, await storePorts());
    }
    case 'import':
      return (await import('./importCommand.js')).importCommand(args, format, io);
    default:
      io.err(`bccustomers: unknown command ${args.command}\n\n${usage}`);
      return 2;
  }
}

if (require.main === module) {
  // The progress line is redrawn in place, and only on a terminal.
  const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;
  const io = {
    out: (line: string) => process.stdout.write(line + '\n'),
    write: (text: string) => process.stdout.write(text),
    err: (line: string) => process.stderr.write((progress ? '\r\x1b[K' : '') + line + '\n'),
    progress,
  };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error) => {
      io.err(`bccustomers: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
