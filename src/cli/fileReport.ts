import type { ReportedDiagnostic } from '../core/report';
import { TextSpill } from './textSpill';

/**
 * One file's problems as `validate` prints them (a line each, or one JSON object for the file),
 * written out at the end. They wait formatted in a spill, not as objects: a file with a million
 * customers may have hundreds of thousands, and only the counts stay in memory.
 */
export class FileReport {
  errors = 0;
  private found = 0;
  /** the problems that come before all the others (the body's own, known last) */
  private first: string[] = [];
  private readonly rest = new TextSpill();

  constructor(
    private readonly file: string,
    private readonly format: 'text' | 'json',
  ) {}

  /** The next problem, in document order. */
  add(d: ReportedDiagnostic): void {
    this.counted(d);
    this.rest.add(this.format === 'json' && !this.rest.empty ? `,${this.formatted(d)}` : this.formatted(d));
  }

  addAll(found: readonly ReportedDiagnostic[]): void {
    for (const d of found) this.add(d);
  }

  /** Problems that come before all those added so far. */
  addFirst(found: readonly ReportedDiagnostic[]): void {
    for (const d of found) {
      this.counted(d);
      this.first.push(this.formatted(d));
    }
  }

  /** Forgets every problem added. */
  discard(): void {
    this.rest.dispose();
    this.first = [];
    this.errors = 0;
    this.found = 0;
  }

  writeTo(write: (text: string) => void): void {
    if (this.format === 'json') {
      write(`{"file":${JSON.stringify(this.file)},"diagnostics":[${this.first.join(',')}${this.first.length && !this.rest.empty ? ',' : ''}`);
      for (const piece of this.rest.drain()) write(piece);
      write(']}\n');
    } else {
      write(this.first.join(''));
      for (const piece of this.rest.drain()) write(piece);
      if (!this.found) write(printable(`${this.file}: no problems`) + '\n');
    }
    this.discard();
  }

  private counted(d: ReportedDiagnostic): void {
    this.found++;
    if (d.severity === 'error') this.errors++;
  }

  /** A problem as printed: a JSON object, or a line of text. */
  private formatted(d: ReportedDiagnostic): string {
    if (this.format === 'json') return JSON.stringify(d);
    return (
      printable(`${this.file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity.padEnd(11)} ${d.code.padEnd(26)} ${d.message}`) + '\n'
    );
  }
}

/** Control characters (and line separators, and bidirectional overrides) written as escapes: a key or value cannot forge output lines or colour the terminal. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is this function's job
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
