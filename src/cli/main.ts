import { parseArgs } from './args';
import { checkApiBaseUrl, checkStoreHash, type StoreTarget } from '../core/send/storeTarget';
import { defaultApiBaseUrl, sendFileCommand, tokenVariable } from './sendCommand';
import { journalHelp } from './journalOptions';
import { validateCommand, type CliIo } from './validateCommand';

const usage = `Usage:
  bccustomers validate <file…> [--format text|json] [--store <store hash> [--api-base-url URL]]
  bccustomers send <file> --store <store hash> [--api-base-url URL] [--format text|json]
                   [--journal <path>] [--results <file.csv|file.json>]

validate  checks BigCommerce Create Customers payloads (*.bccustomers.json) with the same
          rules as the VS Code extension; with --store, also against that store's attributes,
          customer groups, channels and existing customers. Exit status: 0 no errors, 1 errors.
send      creates the file's customers in the store, in requests of at most 10, paced to the
          store's rate limit, never creating a customer twice. The access token is read from
          the environment variable ${tokenVariable}. Exit status: 0 when every customer
          was created or already existed, 1 otherwise.
Exit status 2: the command could not run.

send options:
${journalHelp}`;

export async function main(argv: string[], io: CliIo): Promise<number> {
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
      const target = storeTarget(store, args.options.get('api-base-url'), io, 'validate');
      return target ? validateCommand(args.positional, format, io, target) : 2;
    }
    case 'send': {
      const target = storeTarget(args.options.get('store'), args.options.get('api-base-url'), io, 'send');
      const journal = args.options.get('journal');
      const results = args.options.get('results');
      const paths = { ...(journal !== undefined ? { journal: journal === true ? '' : journal } : {}), ...(results !== undefined ? { results: results === true ? '' : results } : {}) };
      return target ? sendFileCommand({ file: args.positional[0], target, format, ...paths }, io) : 2;
    }
    default:
      io.err(`bccustomers: unknown command ${args.command}\n\n${usage}`);
      return 2;
  }
}

/** The store named by --store and --api-base-url, with the token from the environment; or a message why not. */
function storeTarget(store: string | true | undefined, baseUrl: string | true | undefined, io: CliIo, command: string): StoreTarget | undefined {
  const target = { storeHash: typeof store === 'string' ? store.trim() : '', apiBaseUrl: typeof baseUrl === 'string' ? baseUrl : defaultApiBaseUrl, accessToken: process.env[tokenVariable]?.trim() ?? '' };
  const problem = !target.storeHash ? 'name the store with --store <store hash>' : checkStoreHash(target.storeHash) ?? checkApiBaseUrl(target.apiBaseUrl) ?? (target.accessToken ? undefined : `set the environment variable ${tokenVariable} to the store's access token`);
  if (problem) io.err(`bccustomers ${command}: ${problem}`);
  return problem ? undefined : target;
}

if (require.main === module) {
  // The progress line is redrawn in place, and only on a terminal.
  const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;
  const io = {
    out: (line: string) => process.stdout.write(line + '\n'),
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
