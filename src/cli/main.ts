import { parseArgs } from './args';
import { DEFAULT_MAX_STORE_WAIT_MS, type StorePorts } from '../core/send/storeClient';
import { checkStoreTarget, DEFAULT_API_BASE_URL, type StoreTarget } from '../core/send/storeTarget';
import { nodeTransport } from '../node/nodeTransport';
import { importCommand } from './importCommand';
import { journalArgs, journalHelp } from './journalOptions';
import { sendFileCommand, tokenVariable } from './sendCommand';
import { STORE_CHECKS_DID_NOT_RUN, validateCommand, type CliIo } from './validateCommand';

const usage = `Usage:
  bccustomers validate <file…> [--format text|json] [--store <store hash> [--api-base-url URL]]
  bccustomers send <file…> --store <store hash> [--api-base-url URL] [--format text|json]
                   [--max-store-wait-seconds N] [--journal <path>] [--results <file.csv|file.json>]
  bccustomers import <file.csv> [--from auto|shopify|bigcommerce|woocommerce|magento|mapping]
                     [--addresses <file.csv>] [--mapping <file>] [-o <out.bccustomers.json>]
                     [--encoding utf-8|windows-1252] [--write-mapping <file>] [--format text|json]

validate  checks BigCommerce Create Customers payloads (*.bccustomers.json) with the same
          rules as the VS Code extension; with --store, also against that store's attributes,
          customer groups, channels and existing customers. Exit status: 0 no errors, 1 errors,
          ${STORE_CHECKS_DID_NOT_RUN} no errors found but the store could not be reached, so its checks did not run.
send      creates each file's customers in the store (each file its own send and summary), in
          requests of at most 10, paced to the store's rate limit, never creating a customer
          twice. The access token is read from the environment variable ${tokenVariable}.
          A wait the store asks for is cut to --max-store-wait-seconds (default ${DEFAULT_MAX_STORE_WAIT_MS / 1000}), and
          sending stops after it. Waits are reported on stderr. Exit status: 0 when every
          customer was created or already existed, 1 otherwise.
import    converts a customer export (Shopify, BigCommerce, WooCommerce, Magento 2 with
          --addresses, or any CSV with a *.bccustomers-mapping.json) into a customers file
          (default: <file>.bccustomers.json) and <name>.bccustomers-import.json, which names
          each customer's row and holds the report. Every row that is not imported is
          reported with its reason. Exit status: 0 every row imported, 1 some were not.
Exit status 2: the command could not run.

send options:
${journalHelp}`;

/** `env` holds the access token; `ports` carry requests and time (tests pass a fake clock). */
export async function main(
  argv: string[],
  io: CliIo,
  ports: StorePorts = { transport: nodeTransport },
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
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
      return target ? validateCommand(args.positional, format, io, target, ports) : 2;
    }
    case 'send': {
      const target = storeTarget(args.options.get('store'), args.options.get('api-base-url'), env, io, 'send');
      const maxWait = args.options.get('max-store-wait-seconds');
      const maxWaitSeconds = maxWait === undefined ? DEFAULT_MAX_STORE_WAIT_MS / 1000 : Number(maxWait);
      if (!Number.isFinite(maxWaitSeconds) || maxWaitSeconds < 0) {
        io.err(`bccustomers send: --max-store-wait-seconds must be a number of seconds, not ${String(maxWait)}`);
        return 2;
      }
      const paths = journalArgs(args.options);
      return target ? sendFileCommand({ files: args.positional, target, format, maxStoreWaitMs: maxWaitSeconds * 1000, ...paths }, io, ports) : 2;
    }
    case 'import':
      return importCommand(args, format, io);
    default:
      io.err(`bccustomers: unknown command ${args.command}\n\n${usage}`);
      return 2;
  }
}

/** The store named by --store and --api-base-url, with the token from the environment; or a message why not. */
function storeTarget(
  store: string | true | undefined,
  baseUrl: string | true | undefined,
  env: Record<string, string | undefined>,
  io: CliIo,
  command: string,
): StoreTarget | undefined {
  const target = {
    storeHash: typeof store === 'string' ? store.trim() : '',
    apiBaseUrl: typeof baseUrl === 'string' ? baseUrl : DEFAULT_API_BASE_URL,
    accessToken: env[tokenVariable]?.trim() ?? '',
  };
  const problem = !target.storeHash
    ? 'name the store with --store <store hash>'
    : !target.accessToken
      ? `set the environment variable ${tokenVariable} to the store's access token`
      : checkStoreTarget(target);
  if (problem) io.err(`bccustomers ${command}: ${problem}`);
  return problem ? undefined : target;
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
