import * as vscode from 'vscode';

/**
 * Read-only documents of one URI scheme whose text the extension writes (the send preview, the
 * send summary), shown beside the file they are about.
 */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(readonly scheme: string) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.textOf(uri);
  }

  textOf(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Sets the text of the document at `path` and shows it beside the active editor. */
  async show(path: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: this.scheme, path });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return document;
  }

  /** The provider registered for its scheme, and its own disposal. */
  register(): vscode.Disposable {
    return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(this.scheme, this), this);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
