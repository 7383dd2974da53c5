import * as vscode from 'vscode';
import type { BcDiagnostic, Severity } from '../core/diagnostics/diagnostic';
import type { TextRange } from '../core/document/jsonDocument';
import type { TextEdit } from '../core/fixes/fixSpec';

/** Conversions between the core's offsets and VS Code's positions. */
export function toRange(document: vscode.TextDocument, range: TextRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export const diagnosticSource = 'BigCommerce';

export function toDiagnostic(document: vscode.TextDocument, d: BcDiagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(document, d.range), d.message, severities[d.severity]);
  result.source = diagnosticSource;
  result.code = d.code;
  if (d.related) {
    result.relatedInformation = d.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, r.range)), r.message),
    );
  }
  return result;
}

export function toTextEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map((e) => vscode.TextEdit.replace(toRange(document, { start: e.offset, end: e.offset + e.length }), e.newText));
}
