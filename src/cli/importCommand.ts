import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type CsvEncoding, csvEncodings, ImportProblem } from '../core/import/decode';
import { type FromOption, fromOptions } from '../core/import/formats';
import { importCustomers } from '../core/import/importCustomers';
import { type ImportMapping, mappingProblems, mappingText } from '../core/import/mapping';
import { CustomersJsonWriter, traceFileName, traceJson } from '../core/import/output';
import { reportLines } from '../core/import/report';
import type { ParsedArgs } from './args';
import type { CliIo } from './validateCommand';

/** `customers.csv` → `customers.bccustomers.json`, next to it. */
function defaultOutput(csvFile: string): string {
  return join(dirname(csvFile), `${basename(csvFile).replace(/\.(csv|txt)$/i, '')}.bccustomers.json`);
}

/** Collects writes into pieces of about 64 KB and waits for the stream to drain, so memory stays flat. */
class BufferedFile {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (text && !this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

function optionText(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * `bccustomers import <file.csv> [--from …] [--addresses <file.csv>] [--mapping <file>] [-o <out>]`:
 * writes the customers file and, next to it, where each customer came from. Exit status 0 when
 * every row became a customer, 1 when some did not (the report says which and why).
 */
export async function importCommand(args: ParsedArgs, format: 'text' | 'json', io: CliIo & { progress?(line: string): void }): Promise<number> {
  const positional = [...args.positional];
  const o = positional.indexOf('-o');
  const output = o >= 0 ? positional.splice(o, 2)[1] : optionText(args, 'output');
  const [file, ...extra] = positional;
  const fail = (message: string) => {
    io.err(`bccustomers import: ${message}`);
    return 2;
  };
  if (!file) return fail('name the CSV file to import');
  if (extra.length) return fail(`one CSV file at a time (also given: ${extra.join(' ')})`);
  const from = (optionText(args, 'from') ?? 'auto') as FromOption;
  if (!fromOptions.includes(from)) return fail(`--from must be one of ${fromOptions.join(', ')}`);
  const encoding = (optionText(args, 'encoding') ?? 'utf-8').toLowerCase() as CsvEncoding;
  if (!csvEncodings.includes(encoding)) return fail(`--encoding must be one of ${csvEncodings.join(', ')}`);
  if (o >= 0 && !output) return fail('-o needs the name of the customers file to write');

  let mapping: ImportMapping | undefined;
  const mappingFile = optionText(args, 'mapping');
  if (mappingFile) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(mappingFile, 'utf8'));
    } catch (error) {
      return fail(
        `${mappingFile}: ${error instanceof SyntaxError ? `not JSON (${error.message})` : `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`}`,
      );
    }
    const problems = mappingProblems(value);
    if (problems.length) return fail(`${mappingFile}:\n  ${problems.join('\n  ')}`);
    mapping = value as ImportMapping;
  }

  const addressesFile = optionText(args, 'addresses');
  const target = output ?? defaultOutput(file);
  const partial = `${target}.partial`;
  const customersOut = new BufferedFile(partial);
  const writer = new CustomersJsonWriter();
  let lastProgress = 0;
  try {
    const result = await importCustomers({
      file: { name: basename(file), chunks: createReadStream(file, { highWaterMark: 256 * 1024 }), encoding },
      addresses: addressesFile ? { name: basename(addressesFile), chunks: createReadStream(addressesFile), encoding } : undefined,
      from,
      mapping,
      onCustomer: (customer) => customersOut.write(writer.customer(customer)),
      onProgress: (rows, customers) => {
        if (!io.progress || Date.now() - lastProgress < 200) return;
        lastProgress = Date.now();
        io.progress(`${rows.toLocaleString('en-US')} rows · ${customers.toLocaleString('en-US')} customers`);
      },
    });
    await customersOut.write(writer.end());
    await customersOut.close();
    await rename(partial, target);
    const trace = traceFileName(target);
    const traceOut = new BufferedFile(trace);
    for (const piece of traceJson(result.report, result.rows)) await traceOut.write(piece);
    await traceOut.close();
    const writeMapping = optionText(args, 'write-mapping');
    if (writeMapping) await writeFile(writeMapping, mappingText(result.mapping));
    if (format === 'json') io.out(JSON.stringify({ output: target, trace, ...(writeMapping ? { mapping: writeMapping } : {}), report: result.report }));
    else {
      for (const line of reportLines(result.report)) io.out(line);
      io.out(
        `wrote ${target} (${result.report.customers.toLocaleString('en-US')} customers) and ${trace}${writeMapping ? `, and the mapping to ${writeMapping}` : ''}`,
      );
    }
    return result.report.skipped.length ? 1 : 0;
  } catch (error) {
    await customersOut.close().catch(() => {});
    await rm(partial, { force: true });
    if (error instanceof ImportProblem) return fail(`${file}: ${error.message}${error.kind === 'not-utf8' ? ' (--encoding windows-1252)' : ''}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return fail(`${(error as NodeJS.ErrnoException).path ?? file}: cannot read or write the file (${code})`);
    throw error;
  }
}
