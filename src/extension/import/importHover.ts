import * as vscode from 'vscode';
import type { ImportTrace } from '../../core/import/output';
import { traceFileName } from '../../core/import/output';
import { importOriginAt, parseTrace } from '../../core/import/trace';
import { toRange } from '../convert';

/** Hovering a customer of an imported file names the CSV file and row it came from. */
export class ImportOriginHover implements vscode.HoverProvider {
  private readonly traces = new Map<string, { mtime: number; trace: ImportTrace | undefined }>();

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const trace = await this.traceOf(document.uri);
    const origin = trace && importOriginAt(document.getText(), document.offsetAt(position), trace);
    return origin ? new vscode.Hover(new vscode.MarkdownString(origin.contents), toRange(document, origin.range)) : undefined;
  }

  /** The trace file next to the customers file, read again only when it changes. */
  private async traceOf(uri: vscode.Uri): Promise<ImportTrace | undefined> {
    if (uri.scheme === 'untitled') return undefined;
    const traceUri = uri.with({ path: traceFileName(uri.path) });
    let mtime: number;
    try {
      mtime = (await vscode.workspace.fs.stat(traceUri)).mtime;
    } catch {
      return undefined;
    }
    const cached = this.traces.get(traceUri.toString());
    if (cached?.mtime === mtime) return cached.trace;
    const trace = parseTrace(new TextDecoder().decode(await vscode.workspace.fs.readFile(traceUri)));
    this.traces.set(traceUri.toString(), { mtime, trace });
    return trace;
  }
}
