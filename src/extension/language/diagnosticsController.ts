import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { analyzeEdit, analyzeEditWithinCustomer, type TextEdit } from '../../core/analyzeEdit';
import { analyzeTextInSlices } from '../../core/analyzeInSlices';
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
  /** The edits since each file's published version, so that a check need not compare whole texts to find them. */
  private readonly edits = new Map<string, { version: number; edits: TextEdit[] }[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly published$ = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  /** Fired after each analysis is published, for checks that build on it. */
  readonly onDidPublish = this.published$.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      this.collection,
      this.published$,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.remember(e);
        this.schedule(e.document);
      }),
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

  /**
   * Like analysisOf, for what VS Code asks on its own (code actions follow the cursor): a large
   * file whose check is pending gets `undefined` rather than a check that holds the extension
   * host; VS Code asks again once the new problems are published.
   */
  analysisIfReady(document: vscode.TextDocument): Analysis | undefined {
    const current = this.published.get(document.uri.toString());
    if (current?.version === document.version) return current.analysis;
    const text = document.getText();
    if (text.length < CHECKED_IN_SLICES_ABOVE) return this.run(document);
    // An edit inside one customer is quick to check even in a large file.
    const quick = this.guardedSync(document, () => analyzeEditWithinCustomer(current?.analysis, text, this.editsSince(document, current?.version)));
    if (quick) this.publish(document, document.version, quick);
    return quick;
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
        if (!document.isClosed) void this.check(document);
      }, delay),
    );
  }

  /** The check after an edit: large files that need a full pass are checked a slice at a time. */
  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    if (this.published.get(key)?.version === version) {
      this.resolveWaiters(key); // checked meanwhile, on request
      return;
    }
    const text = document.getText();
    if (text.length < CHECKED_IN_SLICES_ABOVE || text.length > settings().maxFileSize) {
      this.run(document);
      return;
    }
    const analysis = await this.guarded(document, async () => {
      const previous = this.published.get(key);
      const quick = analyzeEditWithinCustomer(previous?.analysis, text, this.editsSince(document, previous?.version));
      if (quick) return quick;
      const started = performance.now();
      const full = await analyzeTextInSlices(text, {
        pause: nextTurn,
        cancelled: () => document.isClosed || document.version !== version || this.published.get(key)?.version === version,
      });
      if (full) this.log.debug(`Checked ${document.uri.fsPath} (${(text.length / 1_048_576).toFixed(1)} MB) in slices, ${Math.round(performance.now() - started)} ms`);
      return full;
    });
    // Undefined: a newer version, or an analysis made meanwhile for this one, took over.
    if (analysis && !document.isClosed && document.version === version) this.publish(document, version, analysis);
  }

  private run(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const text = document.getText();
    // Each run builds on the last one, so an edit inside one customer re-checks only that customer.
    const previous = this.published.get(key);
    const analysis = this.guardedSync(document, () => (text.length > settings().maxFileSize ? tooLarge(text) : analyzeEdit(previous?.analysis, text, this.editsSince(document, previous?.version))));
    this.publish(document, document.version, analysis);
    return analysis;
  }

  private guardedSync<T extends Analysis | undefined>(document: vscode.TextDocument, analyse: () => T): T | Analysis {
    try {
      return analyse();
    } catch (error) {
      return this.failed(document, error);
    }
  }

  private async guarded(document: vscode.TextDocument, analyse: () => Promise<Analysis | undefined>): Promise<Analysis | undefined> {
    try {
      return await analyse();
    } catch (error) {
      return this.failed(document, error);
    }
  }

  /** A bug in a rule must not take the editor down: report it once and show nothing. */
  private failed(document: vscode.TextDocument, error: unknown): Analysis {
    this.log.error(`Checking ${document.uri.fsPath} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return { document: parseJsonDocument(''), diagnostics: [] };
  }

  private remember(event: vscode.TextDocumentChangeEvent): void {
    if (event.document.languageId !== languageId || !event.contentChanges.length) return;
    const key = event.document.uri.toString();
    const list = this.edits.get(key) ?? [];
    list.push({ version: event.document.version, edits: event.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, newLength: c.text.length })) });
    this.edits.set(key, list);
  }

  /** The edits from `version` to the document's current version, when every one of them is known. */
  private editsSince(document: vscode.TextDocument, version: number | undefined): TextEdit[] | undefined {
    const list = this.edits.get(document.uri.toString());
    if (version === undefined || !list) return undefined;
    const since = list.filter((e) => e.version > version);
    const complete = since.length === document.version - version && since.every((e, i) => e.version === version + i + 1);
    return complete ? since.flatMap((e) => e.edits) : undefined;
  }

  private publish(document: vscode.TextDocument, version: number, analysis: Analysis): void {
    const key = document.uri.toString();
    this.published.set(key, { version, analysis });
    const edits = this.edits.get(key)?.filter((e) => e.version > version);
    if (edits?.length) this.edits.set(key, edits);
    else this.edits.delete(key);
    this.collection.set(document.uri, analysis.diagnostics.map((d) => toDiagnostic(document, d)));
    this.resolveWaiters(key);
    this.published$.fire({ document, analysis });
  }

  private resolveWaiters(key: string): void {
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    waiting?.forEach((resolve) => resolve());
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.published.delete(key);
    this.edits.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Lets the extension host's other work run between slices of a check. */
// Node's extension host has setImmediate; a browser's web worker has not, and there a zero timeout gives others their turn.
const nextTurn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Above this many characters (about 250 customers) a full check runs in slices, so that it never holds the extension host for long. */
const CHECKED_IN_SLICES_ABOVE = 200_000;

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

