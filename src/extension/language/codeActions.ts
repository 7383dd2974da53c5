import * as vscode from 'vscode';
import type { BcDiagnostic } from '../../core/diagnostics/diagnostic';
import { computeFix } from '../../core/fixes/computeFix';
import { fixAllEdits } from '../../core/fixes/fixAll';
import { commandIds } from '../commandIds';
import { toRange, toTextEdits } from '../convert';
import type { DiagnosticsController } from './diagnosticsController';

export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('bccustomers');

/** Quick fixes for each problem, and "fix all" for every certain one at once. */
export class CustomersCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, fixAllKind],
  };

  /** `extra` gives the diagnostics of other checks (the store's) for the same text. */
  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly extra: (document: vscode.TextDocument) => readonly BcDiagnostic[] = () => [],
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.diagnostics.analysisIfReady(document);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(context.only)) {
      const seen = new Set<string>();
      for (const d of [...analysis.diagnostics, ...this.extra(document)]) {
        const diagnosticRange = toRange(document, d.range);
        if (!diagnosticRange.intersection(range)) continue;
        const open = d.code === 'email-exists-in-store' && openCustomerAction(d.customerId, context);
        if (open) actions.push(open);
        if (!d.fix) continue;
        const action = this.quickFix(document, analysis.document, d, diagnosticRange, context);
        // Several problems can share one fix (e.g. "Add first_name and last_name").
        if (action && !seen.has(action.title)) {
          seen.add(action.title);
          actions.push(action);
        }
      }
    }
    if (context.only && (fixAllKind.contains(context.only) || context.only.contains(fixAllKind))) {
      if (fixAllEdits(analysis.document, analysis.diagnostics).length) {
        // A command rather than an edit: it re-checks the document version when it runs.
        const action = new vscode.CodeAction('Fix all BigCommerce customer problems that have a certain fix', fixAllKind);
        action.command = { title: action.title, command: commandIds.fixAll, arguments: [document.uri, document.version] };
        actions.push(action);
      }
    }
    return actions;
  }

  private quickFix(
    document: vscode.TextDocument,
    parsed: Parameters<typeof computeFix>[0],
    d: BcDiagnostic,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction | undefined {
    const fix = computeFix(parsed, d.fix!);
    if (!fix) return undefined;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = context.diagnostics.filter((v) => v.code === d.code && v.range.isEqual(range));
    action.isPreferred = fix.preferred;
    if (fix.reopenWithEncoding) {
      action.command = { title: fix.title, command: 'workbench.action.editor.changeEncoding' };
      return action;
    }
    if (fix.split) {
      action.command = { title: fix.title, command: commandIds.splitFile, arguments: [document.uri, fix.split.size] };
      return action;
    }
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(
      document.uri,
      fix.snippet
        ? fix.edits.map((e) => {
            const range = toRange(document, { start: e.offset, end: e.offset + e.length });
            return new vscode.SnippetTextEdit(range, new vscode.SnippetString(relativeIndentation(document, range.start, e.newText)));
          })
        : toTextEdits(document, fix.edits),
    );
    return action;
  }
}

/**
 * VS Code indents every inserted snippet line by the indentation of the line it starts on;
 * the core's text is already indented for the file, so that part is taken off first.
 */
function relativeIndentation(document: vscode.TextDocument, start: vscode.Position, snippet: string): string {
  const indent = /^[ \t]*/.exec(document.lineAt(start.line).text)![0];
  if (!indent) return snippet;
  return snippet
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

/** The store diagnostic's code links to the customer's page in the control panel. */
function openCustomerAction(customerId: number | undefined, context: vscode.CodeActionContext): vscode.CodeAction | undefined {
  const diagnostic = context.diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'email-exists-in-store');
  if (customerId === undefined || typeof diagnostic?.code !== 'object') return undefined;
  const action = new vscode.CodeAction(`Open existing customer #${customerId} in the BigCommerce control panel`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { title: action.title, command: 'vscode.open', arguments: [diagnostic.code.target] };
  return action;
}
