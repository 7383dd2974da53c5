import { parseArgs } from './args';
import { validateCommand, type CliIo } from './validateCommand';

const usage = `Usage:
  bccustomers validate <file…> [--format text|json]

Checks BigCommerce Create Customers payloads (*.bccustomers.json) with the same rules as the
VS Code extension. Exit status: 0 no errors, 1 errors found, 2 the command could not run.`;

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
    default:
      io.err(`bccustomers: unknown command ${args.command}\n\n${usage}`);
      return 2;
  }
}

if (require.main === module) {
  const io: CliIo = { out: (line) => process.stdout.write(line + '\n'), err: (line) => process.stderr.write(line + '\n') };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error) => {
      io.err(`bccustomers: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
