import { readFile } from 'node:fs/promises';
import { analyzeText } from '../core/analyze';
import { reportDiagnostics } from '../core/report';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** `bccustomers validate <files…> [--format json]`: exit 1 when any file has an Error. */
export async function validateCommand(files: string[], format: 'text' | 'json', io: CliIo): Promise<number> {
  if (!files.length) {
    io.err('bccustomers validate: name at least one .bccustomers.json file');
    return 2;
  }
  let errors = 0;
  let unreadable = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      unreadable++;
      continue;
    }
    const diagnostics = reportDiagnostics(analyzeText(text.replace(/^\uFEFF/, '')));
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.out(JSON.stringify({ file, diagnostics }));
      continue;
    }
    for (const d of diagnostics) {
      io.out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity.padEnd(11)} ${d.code.padEnd(26)} ${d.message}`);
    }
    if (!diagnostics.length) io.out(`${file}: no problems`);
  }
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}
