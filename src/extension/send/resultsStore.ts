import * as vscode from 'vscode';
import { type CustomerResult, mergeResults, readStoredResults } from '../../core/results/sendResults';

const key = 'bigcommerceCustomers.sendResults';

/**
 * Send results per file, kept in the workspace state so they survive closing the file and
 * restarting VS Code. Nothing secret is stored: emails, customer IDs and the store's words.
 */
export class ResultsStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get(uri: vscode.Uri): CustomerResult[] {
    return this.all()[uri.toString()] ?? [];
  }

  async add(uri: vscode.Uri, results: readonly CustomerResult[]): Promise<void> {
    await this.set(uri, mergeResults(this.get(uri), results));
  }

  async forget(uri: vscode.Uri, storeHash: string, email?: string): Promise<void> {
    await this.set(uri, this.get(uri).filter((r) => r.storeHash !== storeHash || (email !== undefined && r.email !== email)));
  }

  private all(): Record<string, CustomerResult[]> {
    return readStoredResults(this.state.get<unknown>(key));
  }

  private async set(uri: vscode.Uri, results: CustomerResult[]): Promise<void> {
    const all = { ...this.all() };
    if (results.length) all[uri.toString()] = results;
    else delete all[uri.toString()];
    await this.state.update(key, all);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
