import * as vscode from 'vscode';
import type { BcDiagnostic } from '../../core/diagnostics/diagnostic';
import { customersOf, emailsSentBefore } from '../../core/results/sendResults';
import type { HttpTransport } from '../../core/send/http';
import type { StorePacers } from '../../core/send/storePacers';
import type { StoreTarget } from '../../core/send/storeTarget';
import { CatalogueCache } from '../../core/store/catalogueCache';
import type { StoreCatalogue } from '../../core/store/catalogueTypes';
import { ExistingEmailChecker } from '../../core/store/emailChecker';
import { storeDiagnostics } from '../../core/store/storeRules';
import { toDiagnostic } from '../convert';
import type { DiagnosticsController } from '../language/diagnosticsController';
import { describeRequest } from '../send/requestLog';
import { apiBaseUrl, languageId, storeDataMaxAgeMs } from '../settings';
import type { ResultsStore } from '../send/resultsStore';
import type { StoreRegistry } from './storeRegistry';

interface StoreChecks {
  version: number;
  diagnostics: BcDiagnostic[];
}

/**
 * Checks a file against the active store's own data — its attributes, customer groups,
 * channels and existing customers — loaded in the background and cached per store.
 */
export class StoreAwareness implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bccustomers-store');
  private readonly checks = new Map<string, StoreChecks>();
  private readonly tokens = new Map<string, string | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the store data (or its age) changes. */
  readonly onDidChange = this.changed.event;
  private readonly catalogues: CatalogueCache;
  private readonly emails: ExistingEmailChecker;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly registry: StoreRegistry,
    private readonly results: ResultsStore,
    log: vscode.LogOutputChannel,
    transport: HttpTransport,
    pacers: StorePacers,
  ) {
    const onRequest = (entry: Parameters<typeof describeRequest>[0]) => log.info(describeRequest(entry));
    this.catalogues = new CatalogueCache({ loadOptions: { transport, onRequest }, onChange: () => this.recheckAll() });
    this.emails = new ExistingEmailChecker({ transport, onRequest, onChange: () => this.recheckAll(), pacerFor: (storeHash) => pacers.pacerFor(storeHash) });
    this.subscriptions.push(
      this.collection,
      this.changed,
      diagnostics.onDidPublish(({ document }) => void this.check(document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        this.checks.delete(d.uri.toString());
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.recheckAll()),
      results.onDidChange(() => this.recheckAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bigcommerceCustomers')) this.recheckAll();
      }),
      registry.onDidChange(() => {
        this.tokens.clear();
        this.recheckAll();
      }),
    );
  }

  /** The store checks of the document's current version, for quick fixes. */
  diagnosticsOf(document: vscode.TextDocument): readonly BcDiagnostic[] {
    const checks = this.checks.get(document.uri.toString());
    return checks?.version === document.version ? checks.diagnostics : [];
  }

  /** The active store's data, when loaded. */
  catalogue(): StoreCatalogue | undefined {
    const store = this.registry.active();
    return store && this.catalogues.get(store.hash);
  }

  /** "loaded 3 min ago", for the status bar. */
  describeAge(): string | undefined {
    const store = this.registry.active();
    const age = store && this.catalogues.ageMs(store.hash);
    if (age === undefined) return store && this.catalogues.isLoading(store.hash) ? 'loading store data…' : undefined;
    const minutes = Math.floor(age / 60_000);
    return minutes < 1 ? 'store data loaded just now' : `store data loaded ${minutes} min ago`;
  }

  /** "BigCommerce: Refresh Store Data". */
  async refresh(): Promise<StoreCatalogue | undefined> {
    const target = await this.target();
    if (!target) {
      void vscode.window.showWarningMessage('No BigCommerce store is selected (or the workspace is not trusted), so there is no store data to load.');
      return undefined;
    }
    this.emails.forget(target.storeHash);
    this.catalogues.forget(target.storeHash);
    const catalogue = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Loading the data of store ${target.storeHash}…` }, () => this.catalogues.refresh(target));
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
    const target = await this.target();
    if (document.isClosed) return;
    if (!target) {
      this.collection.delete(document.uri);
      this.checks.delete(document.uri.toString());
      return;
    }
    if (this.catalogues.isStale(target.storeHash, storeDataMaxAgeMs()) && !this.catalogues.isLoading(target.storeHash)) {
      void this.catalogues.refresh(target).then(() => this.changed.fire());
    }
    // Read after the wait: the editor keeps only the latest analysis of a file. None yet: this runs again when it is published.
    const analysis = this.diagnostics.analysisIfReady(document);
    if (!analysis) return;
    const emails = customersOf(analysis.document).flatMap((c) => (c.email ? [c.email] : []));
    this.emails.check(target, emails);
    const lookupProblem = this.emails.problem(target.storeHash);
    const sentBefore = emailsSentBefore(this.results.get(document.uri), target.storeHash);
    const existing = new Map([...this.emails.existing(target.storeHash, emails)].filter(([email]) => !sentBefore.has(email)));
    const found = storeDiagnostics(analysis.document, this.catalogues.get(target.storeHash), existing, target.storeHash, {
      existingCustomers: this.emails.existingCustomers(target.storeHash, existing.keys()),
      ...(lookupProblem ? { emailLookupProblem: lookupProblem } : {}),
    });
    this.checks.set(document.uri.toString(), { version: document.version, diagnostics: found });
    this.collection.set(
      document.uri,
      found.map((d) => {
        const result = toDiagnostic(document, d);
        result.source = `BigCommerce store ${target.storeHash}`;
        if (d.customerId !== undefined) result.code = { value: d.code, target: controlPanelCustomerUri(target.storeHash, d.customerId) };
        return result;
      }),
    );
  }

  /** The active store, when store checks may run: enabled, trusted, with credentials. */
  private async target(): Promise<StoreTarget | undefined> {
    const store = this.registry.active();
    const enabled = vscode.workspace.getConfiguration('bigcommerceCustomers').get<boolean>('storeData.enable', true);
    if (!store || !enabled || !vscode.workspace.isTrusted) return undefined;
    if (!this.tokens.has(store.hash)) this.tokens.set(store.hash, await this.registry.token(store.hash));
    const token = this.tokens.get(store.hash);
    return token ? { apiBaseUrl: apiBaseUrl(), storeHash: store.hash, accessToken: token } : undefined;
  }

  dispose(): void {
    this.catalogues.dispose();
    this.emails.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The customer's page in the store's control panel. */
export function controlPanelCustomerUri(storeHash: string, customerId: number): vscode.Uri {
  return vscode.Uri.parse(`https://store-${storeHash}.mybigcommerce.com/manage/customers/${customerId}/edit`);
}
