import * as vscode from 'vscode';
import type { BcDiagnostic } from '../../core/diagnostics/diagnostic';
import type { Host } from '../../core/host/host';
import type { HttpTransport } from '../../core/send/http';
import type { StorePacers } from '../../core/send/storePacers';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { StoreChecks } from '../../core/store/storeChecks';
import { toDiagnostic } from '../convert';
import type { DiagnosticsController } from '../language/diagnosticsController';
import type { DiagnosticsPublisher } from '../language/diagnosticsPublisher';
import { describeRequest } from '../send/requestLog';
import { languageId } from '../settings';
import type { ResultsStore } from '../send/resultsStore';
import type { StoreRegistry } from './storeRegistry';

/** Shows the store checks of every open customers file, and runs "Refresh Store Data". */
export class StoreAwareness implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the store data (or its age) changes. */
  readonly onDidChange = this.changed.event;
  private readonly store: StoreChecks;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly publisher: DiagnosticsPublisher,
    registry: StoreRegistry,
    private readonly results: ResultsStore,
    host: Host,
    transport: HttpTransport,
    pacers: StorePacers,
  ) {
    this.store = new StoreChecks({
      host,
      stores: registry,
      transport,
      onRequest: (entry) => host.log.info(describeRequest(entry)),
      onChange: () => this.recheckAll(),
      pacerFor: (storeHash) => pacers.pacerFor(storeHash),
    });
    this.subscriptions.push(
      this.changed,
      diagnostics.onDidPublish(({ document }) => void this.check(document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.store.forget(d.uri.toString())),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.recheckAll()),
      results.onDidChange(() => this.recheckAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bigcommerceCustomers')) this.recheckAll();
      }),
      registry.onDidChange(() => {
        this.store.storesChanged();
        this.recheckAll();
      }),
    );
  }

  /** The store checks of the document's current version, for quick fixes. */
  diagnosticsOf(document: vscode.TextDocument): readonly BcDiagnostic[] {
    return this.store.diagnosticsOf(document.uri.toString(), document.version);
  }

  /** The active store's data, when loaded. */
  catalogue(): StoreCatalogue | undefined {
    return this.store.catalogue();
  }

  /** "loaded 3 min ago", for the status bar. */
  describeAge(): string | undefined {
    return this.store.describeAge();
  }

  /**
   * Resolves with the store's diagnostics of the document's current version once they are
   * published from the store's data as it stands: nothing loading, no lookup pending.
   */
  async whenChecked(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    await this.store.whenSettled(document.uri.toString(), () => document.version, this.publisher.publications);
    return this.publisher.diagnosticsOf(document.uri, 'store');
  }

  /** "BigCommerce: Refresh Store Data". */
  async refresh(): Promise<StoreCatalogue | undefined> {
    const target = await this.store.target(vscode.window.activeTextEditor?.document.uri.toString());
    if (!target) {
      void vscode.window.showWarningMessage('No BigCommerce store is selected (or the workspace is not trusted), so there is no store data to load.');
      return undefined;
    }
    const catalogue = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Loading the data of store ${target.storeHash}…` },
      () => this.store.refresh(target),
    );
    const counts = `${catalogue.attributes?.length ?? '?'} attributes, ${catalogue.customerGroups?.length ?? '?'} customer groups, ${catalogue.channels?.length ?? '?'} channels, ${catalogue.countries?.length ?? '?'} countries`;
    void vscode.window.showInformationMessage(`Store ${target.storeHash}: ${counts}.${catalogue.problems.length ? ' ' + catalogue.problems.join(' ') : ''}`);
    this.changed.fire();
    return catalogue;
  }

  private recheckAll(): void {
    this.changed.fire();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId === languageId) void this.check(document);
    }
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    const target = await this.store.target(uri);
    if (document.isClosed) return;
    if (!target) {
      this.store.checkWithoutStore({ uri, version: document.version });
      this.publisher.publish('store', document, []);
      return;
    }
    // Read after the wait: the editor keeps only the latest analysis of a file. None yet: this runs again when it is published.
    const analysis = this.diagnostics.analysisIfReady(document);
    if (!analysis) return;
    const found = this.store.check(target, { uri, version: document.version }, analysis.document, this.results.get(document.uri));
    this.publisher.publish(
      'store',
      document,
      found.map((d) => {
        const result = toDiagnostic(document, d);
        result.source = `BigCommerce store ${target.storeHash}`;
        if (d.customerId !== undefined) result.code = { value: d.code, target: controlPanelCustomerUri(target.storeHash, d.customerId) };
        return result;
      }),
    );
  }

  dispose(): void {
    this.store.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The customer's page in the store's control panel. */
export function controlPanelCustomerUri(storeHash: string, customerId: number): vscode.Uri {
  return vscode.Uri.parse(`https://store-${storeHash}.mybigcommerce.com/manage/customers/${customerId}/edit`);
}
