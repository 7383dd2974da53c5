import type { Analysis } from './analyze';
import type { Severity } from './diagnostics/diagnostic';
import type { Position } from './text/lineIndex';

/** A diagnostic as scripts see it: positions instead of offsets (the CLI's JSON format). */
export interface ReportedDiagnostic {
  path: string;
  severity: Severity;
  code: string;
  message: string;
  range: { start: Position; end: Position };
}

export function reportDiagnostics({ document, diagnostics }: Analysis): ReportedDiagnostic[] {
  return diagnostics.map((d) => ({
    path: d.path,
    severity: d.severity,
    code: d.code,
    message: d.message,
    range: { start: document.lines.positionAt(d.range.start), end: document.lines.positionAt(d.range.end) },
  }));
}
