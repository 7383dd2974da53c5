import * as vscode from 'vscode';
import { type DiagnosticSource, diagnosticSources, Publications } from '../../core/diagnostics/publications';

const collectionNames: Record<DiagnosticSource, string> = { file: 'bccustomers', store: 'bccustomers-store', send: 'bccustomers-send' };

/**
 * Owns every diagnostic collection of the extension (the file's own checks, the store's, and
 * the results of sending) and records each publication, so that one signal tells when a
 * document version's diagnostics of any source are shown.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  readonly publications = new Publications();
  private readonly collections = new Map(diagnosticSources.map((source) => [source, vscode.languages.createDiagnosticCollection(collectionNames[source])]));
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri));

  /** Shows `diagnostics` as everything `source` finds in this version of the document (none: clears them). */
  publish(source: DiagnosticSource, document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): void {
    this.collection(source).set(document.uri, diagnostics);
    this.publications.record({ uri: document.uri.toString(), version: document.version, source });
  }

  diagnosticsOf(uri: vscode.Uri, source: DiagnosticSource): readonly vscode.Diagnostic[] {
    return this.collection(source).get(uri) ?? [];
  }

  /** Resolves with `source`'s diagnostics once it has published those of the document's current version. */
  async whenPublished(document: vscode.TextDocument, source: DiagnosticSource): Promise<readonly vscode.Diagnostic[]> {
    await this.publications.when(document.uri.toString(), source, document.version);
    return this.diagnosticsOf(document.uri, source);
  }

  private collection(source: DiagnosticSource): vscode.DiagnosticCollection {
    return this.collections.get(source)!;
  }

  private forget(uri: vscode.Uri): void {
    for (const collection of this.collections.values()) collection.delete(uri);
    this.publications.forget(uri.toString());
  }

  dispose(): void {
    this.closing.dispose();
    for (const collection of this.collections.values()) collection.dispose();
  }
}
