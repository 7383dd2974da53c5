export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--flag`; everything else is positional, as is everything after `--`. */
export function parseArgs(argv: string[], flags: ReadonlySet<string>): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options.set(name, inline);
    else if (flags.has(name)) options.set(name, true);
    else if (i + 1 < rest.length) options.set(name, rest[++i]!);
    else options.set(name, '');
  }
  return { command, positional, options };
}
