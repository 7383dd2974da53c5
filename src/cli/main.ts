import { parseArgs } from './args';
import { defaultApiBaseUrl, sendFileCommand, tokenVariable } from './sendCommand';
import { validateCommand, type CliIo } from './validateCommand';

const usage = `Usage:
  bccustomers validate <file…> [--format text|json]
  bccustomers send <file> --store <store hash> [--api-base-url URL] [--format text|json]

validate  checks BigCommerce Create Customers payloads (*.bccustomers.json) with the same
          rules as the VS Code extension. Exit status: 0 no errors, 1 errors found.
send      creates the file's customers in the store, in requests of at most 10, paced to the
          store's rate limit, never creating a customer twice. The access token is read from
          the environment variable ${tokenVariable}. Exit status: 0 when every customer
          was created or already existed, 1 otherwise.
Exit status 2: the command could not run.`;

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
    case 'validate':
      return validateCommand(args.positional, format, io);
    case 'send': {
      const apiBaseUrl = args.options.get('api-base-url');
      const store = args.options.get('store');
      return sendFileCommand({ file: args.positional[0], store: typeof store === 'string' ? store : undefined, apiBaseUrl: typeof apiBaseUrl === 'string' ? apiBaseUrl : defaultApiBaseUrl, format }, io);
    }
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
