import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { type CheckedDocument, DocumentChecker } from '../../core/check/documentChecker';
import type { Host } from '../../core/host/host';
import { readSettings } from '../../core/host/settings';
import { toDiagnostic } from '../convert';
import { languageId } from '../settings';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';

interface EditorDocument extends CheckedDocument {
  readonly document: vscode.TextDocument;
}

/**
 * Feeds the document checker from VS Code's document events and shows what it finds: every
 * open `.bccustomers.json` is checked on open and after edits (the checker decides when and how).
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly checker: DocumentChecker<EditorDocument>;
  /** Each VS Code document has one view for the checker, which reads the document as it is now. */
  private readonly views = new WeakMap<vscode.TextDocument, EditorDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly published$ = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  /** Fired after each analysis is published, for checks that build on it. */
  readonly onDidPublish = this.published$.event;

  constructor(
    host: Host,
    private readonly publisher: DiagnosticsPublisher,
  ) {
    this.checker = new DocumentChecker({
      clock: host.clock,
      nextTurn: () => host.nextTurn(),
      log: host.log,
      maxFileSize: (document) => readSettings(host.settings, document.uri).maxFileSize,
      publish: ({ document }, analysis) => {
        publisher.publish(
          'file',
          document,
          analysis.diagnostics.map((d) => toDiagnostic(document, d)),
        );
        this.published$.fire({ document, analysis });
      },
    });
    const ifCustomers = (document: vscode.TextDocument, run: (checked: EditorDocument) => void) => {
      if (document.languageId === languageId) run(this.checked(document));
    };
    this.subscriptions.push(
      this.published$,
      vscode.workspace.onDidOpenTextDocument((d) => ifCustomers(d, (c) => this.checker.opened(c))),
      vscode.workspace.onDidChangeTextDocument((e) =>
        ifCustomers(e.document, (c) =>
          this.checker.changed(
            c,
            e.contentChanges.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, newLength: change.text.length })),
          ),
        ),
      ),
      vscode.workspace.onDidCloseTextDocument((d) => this.checker.closed(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bigcommerceCustomers')) vscode.workspace.textDocuments.forEach((d) => ifCustomers(d, (c) => this.checker.recheck(c)));
      }),
    );
    vscode.workspace.textDocuments.forEach((d) => ifCustomers(d, (c) => this.checker.opened(c)));
  }

  /** The analysis of the document as it is now (computed on the spot if an edit is pending). */
  analysisOf(document: vscode.TextDocument): Analysis {
    return this.checker.analysisOf(this.checked(document));
  }

  /**
   * Like analysisOf, for what VS Code asks on its own (code actions follow the cursor): a large
   * file whose check is pending gets `undefined`; VS Code asks again once the new problems are published.
   */
  analysisIfReady(document: vscode.TextDocument): Analysis | undefined {
    return this.checker.analysisIfReady(this.checked(document));
  }

  /** Resolves once the diagnostics of the document's current version are published. */
  async whenPublished(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    if (document.languageId !== languageId) return [];
    await this.checker.whenChecked(this.checked(document));
    return this.publisher.diagnosticsOf(document.uri, 'file');
  }

  private checked(document: vscode.TextDocument): EditorDocument {
    let view = this.views.get(document);
    if (!view) {
      view = {
        uri: document.uri.toString(),
        get version() {
          return document.version;
        },
        get isClosed() {
          return document.isClosed;
        },
        getText: () => document.getText(),
        size: () => document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
        document,
      };
      this.views.set(document, view);
    }
    return view;
  }

  dispose(): void {
    this.checker.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
