import * as vscode from 'vscode';
import { bodyArrayOffset, nodeAt, rangeOf } from '../../core/document/jsonDocument';
import { attachResults, customersInRange, customersOf } from '../../core/results/sendResults';
import { maxCustomersPerRequest } from '../../core/schema/customerSchema';
import { toRange } from '../convert';
import type { DiagnosticsController } from '../language/diagnosticsController';
import type { DiagnosticsPublisher } from '../language/diagnosticsPublisher';
import { codeLensPerCreatedCustomer, languageId } from '../settings';
import type { StoreRegistry } from '../store/storeRegistry';
import type { ResultsStore } from './resultsStore';
import { storeCommandIds } from '../commandIds';

export const forgetResultCommand = storeCommandIds.forgetResult;
export const sendRejectedCode = 'store-rejected';

/**
 * Shows send results in the editor: "✓ #142" after each created customer (an inlay hint),
 * the store's refusals as diagnostics on the field at fault, and code lenses to send.
 */
export class ResultsView implements vscode.InlayHintsProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly hintsChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.hintsChanged.event;
  readonly onDidChangeCodeLenses = this.hintsChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly publisher: DiagnosticsPublisher,
    private readonly results: ResultsStore,
    private readonly registry: StoreRegistry,
  ) {
    const refresh = () => this.refreshAll();
    this.subscriptions.push(
      this.hintsChanged,
      results.onDidChange(refresh),
      registry.onDidChange(refresh),
      // After each check, so that refusals, IDs and lenses follow the customers as they move.
      diagnostics.onDidPublish(({ document }) => {
        this.refresh(document);
        this.hintsChanged.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('bigcommerceCustomers.results.codeLensPerCustomer') && this.hintsChanged.fire()),
    );
    this.refreshAll();
  }

  private refreshAll(): void {
    vscode.workspace.textDocuments.forEach((d) => this.refresh(d));
    this.hintsChanged.fire();
  }

  /** The store's refusals, re-attached to their customers in the current text. */
  private refresh(document: vscode.TextDocument): void {
    if (document.languageId !== languageId) return;
    const store = this.registry.active();
    const stored = this.results.get(document.uri);
    if (!store || !stored.length) {
      this.publisher.publish('send', document, []);
      return;
    }
    const parsed = this.diagnostics.analysisIfReady(document)?.document;
    if (!parsed) return; // refreshed again once the document's check is published
    const found: vscode.Diagnostic[] = [];
    for (const { index, node, result } of attachResults(parsed, stored, store.hash)) {
      if (result.outcome !== 'failed') continue;
      for (const problem of result.problems ?? []) {
        const target = nodeAt(parsed, `/${index}${problem.path}`) ?? node;
        const diagnostic = new vscode.Diagnostic(
          toRange(document, rangeOf(target)),
          `Store ${store.hash}: ${problem.message}`,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'BigCommerce store';
        diagnostic.code = sendRejectedCode;
        found.push(diagnostic);
      }
    }
    this.publisher.publish('send', document, found);
  }

  /** Hints for the customers in the range the editor shows, found without walking the rest of the file. */
  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const store = this.registry.active();
    if (!store) return [];
    const parsed = this.diagnostics.analysisIfReady(document)?.document;
    if (!parsed) return [];
    const results = this.results.byEmail(document.uri, store.hash);
    if (results.size === 0) return [];
    const hints: vscode.InlayHint[] = [];
    for (const { node, email } of customersInRange(parsed, document.offsetAt(range.start), document.offsetAt(range.end))) {
      const result = email === undefined ? undefined : results.get(email);
      if (result?.outcome !== 'created') continue;
      const hint = new vscode.InlayHint(document.positionAt(node.offset + 1), ` ✓ #${result.id} `, vscode.InlayHintKind.Type);
      hint.tooltip = `Created in store ${store.hash} as customer #${result.id} (${new Date(result.at).toLocaleString()}). The next send skips it.`;
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const parsed = this.diagnostics.analysisIfReady(document)?.document;
    const arrayStart = parsed && bodyArrayOffset(parsed);
    if (!parsed || arrayStart === undefined) return [];
    const store = this.registry.active();
    const count = customersOf(parsed).length;
    const top = toRange(document, { start: arrayStart, end: arrayStart });
    const requests = Math.ceil(count / maxCustomersPerRequest());
    const lenses = [
      new vscode.CodeLens(top, {
        title: store ? `$(cloud-upload) Send ${count} customer${count === 1 ? '' : 's'} to store ${store.hash}` : '$(cloud-upload) Send customers…',
        tooltip: `${requests} request${requests === 1 ? '' : 's'} of at most ${maxCustomersPerRequest()}`,
        command: storeCommandIds.send,
        arguments: [document.uri],
      }),
      new vscode.CodeLens(top, { title: 'Preview send', command: storeCommandIds.previewSend, arguments: [document.uri] }),
    ];
    if (store) {
      const attached = attachResults(parsed, this.results.get(document.uri), store.hash);
      const created = attached.filter(({ result }) => result.outcome === 'created').length;
      if (attached.length > 0) {
        // One summary for the file; the IDs themselves are inlay hints, drawn only where the editor looks.
        const title = `${created.toLocaleString('en-US')} created · ${(attached.length - created).toLocaleString('en-US')} refused · Export results`;
        lenses.push(
          new vscode.CodeLens(top, {
            title,
            tooltip: `Save every customer's result in store ${store.hash} as CSV or JSON`,
            command: storeCommandIds.exportResults,
            arguments: [document.uri],
          }),
        );
        lenses.push(
          new vscode.CodeLens(top, {
            title: 'Summary',
            tooltip: 'The refusals grouped by the store’s reason, each with a link to its customer',
            command: storeCommandIds.showSendSummary,
            arguments: [document.uri],
          }),
        );
      }
      const perCustomer = codeLensPerCreatedCustomer(document.uri.toString()) ? attached : attached.filter(({ result }) => result.outcome !== 'created');
      for (const { node, result } of perCustomer) {
        const range = toRange(document, { start: node.offset, end: node.offset });
        const title = result.outcome === 'created' ? `✓ Created #${result.id} in ${store.hash} · forget` : `✗ Refused by ${store.hash} · forget`;
        lenses.push(
          new vscode.CodeLens(range, {
            title,
            tooltip: 'Forget this result, so that the next send sends this customer again',
            command: forgetResultCommand,
            arguments: [document.uri, result.email],
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
