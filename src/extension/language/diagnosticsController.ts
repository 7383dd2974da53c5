import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { analyzeEdit } from '../../core/analyzeEdit';
import { diagnostic } from '../../core/diagnostics/diagnostic';
import { parseJsonDocument } from '../../core/document/jsonDocument';
import { toDiagnostic } from '../convert';
import { languageId, settings } from '../settings';

interface Published {
  version: number;
  analysis: Analysis;
}

/**
 * Checks every open `.bccustomers.json` on open and after edits, publishes the problems, and
 * keeps the latest analysis so quick fixes work on exactly what the user sees.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bccustomers');
  private readonly published = new Map<string, Published>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly published$ = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  /** Fired after each analysis is published, for checks that build on it. */
  readonly onDidPublish = this.published$.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      this.collection,
      this.published$,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bigcommerceCustomers')) vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0));
      }),
    );
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0));
  }

  /** The analysis of the document as it is now (computed on the spot if an edit is pending). */
  analysisOf(document: vscode.TextDocument): Analysis {
    const current = this.published.get(document.uri.toString());
    if (current?.version === document.version) return current.analysis;
    return this.run(document);
  }

  /** Resolves once the diagnostics of the document's current version are published. */
  whenPublished(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    const key = document.uri.toString();
    if (this.published.get(key)?.version === document.version && !this.timers.has(key)) return Promise.resolve(this.collection.get(document.uri) ?? []);
    if (document.languageId !== languageId) return Promise.resolve([]);
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(() => resolve(this.collection.get(document.uri) ?? []));
      this.waiters.set(key, list);
      if (!this.timers.has(key)) this.schedule(document, 0);
    });
  }

  private schedule(document: vscode.TextDocument, delay = debounceFor(document)): void {
    if (document.languageId !== languageId) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.run(document);
      }, delay),
    );
  }

  private run(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const text = document.getText();
    let analysis: Analysis;
    try {
      // Each run builds on the last one, so an edit inside one customer re-checks only that customer.
      analysis = text.length > settings().maxFileSize ? tooLarge(text) : analyzeEdit(this.published.get(key)?.analysis, text);
    } catch (error) {
      // A bug in a rule must not take the editor down: report it once and show nothing.
      this.log.error(`Checking ${document.uri.fsPath} failed: ${error instanceof Error ? error.stack : String(error)}`);
      analysis = { document: parseJsonDocument(''), diagnostics: [] };
    }
    this.published.set(key, { version: document.version, analysis });
    this.collection.set(document.uri, analysis.diagnostics.map((d) => toDiagnostic(document, d)));
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    waiting?.forEach((resolve) => resolve());
    this.published$.fire({ document, analysis });
    return analysis;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.published.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** Small files are checked almost at once; big ones wait for a pause in typing. */
function debounceFor(document: vscode.TextDocument): number {
  const size = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return size < 100_000 ? 60 : size < 1_000_000 ? 250 : 600;
}

function tooLarge(text: string): Analysis {
  const document = parseJsonDocument('');
  const megabytes = (text.length / 1_048_576).toFixed(1);
  return {
    document,
    diagnostics: [
      diagnostic(
        'file-too-large',
        `This file (${megabytes} MB) is larger than bigcommerceCustomers.validation.maxFileSizeMB, so it is not checked as you type. Run "bccustomers validate" on it, or raise the setting.`,
        { start: 0, end: 0 },
        '',
      ),
    ],
  };
}

