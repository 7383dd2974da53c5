import type { BcDiagnostic } from '../diagnostics/diagnostic';
import type { Publications } from '../diagnostics/publications';
import type { JsonDocument } from '../document/jsonDocument';
import type { Host } from '../host/host';
import { readSettings } from '../host/settings';
import { customersOf, emailsSentBefore, type CustomerResult } from '../results/sendResults';
import type { Clock } from '../send/clock';
import type { HttpTransport } from '../send/http';
import type { RateLimitPacer } from '../send/rateLimit';
import type { RequestLogEntry } from '../send/storeClient';
import type { StoreTarget } from '../send/storeTarget';
import { CatalogueCache } from './catalogueCache';
import type { StoreCatalogue } from './catalogueTypes';
import { type CheckerTimers, ExistingEmailChecker } from './emailChecker';
import { storeDiagnostics } from './storeRules';

/** The saved stores, as far as the store checks need them. */
export interface ActiveStore {
  active(): { hash: string } | undefined;
  token(hash: string): Promise<string | undefined>;
}

export interface StoreChecksOptions {
  host: Pick<Host, 'settings' | 'clock' | 'isTrusted'>;
  stores: ActiveStore;
  transport: HttpTransport;
  onRequest?: (entry: RequestLogEntry) => void;
  /** Told when the store's data changed, so that every open file is checked again. */
  onChange(): void;
  /** the pacer of a store, to share its quota with the sends to it; default one per store */
  pacerFor?: (storeHash: string) => RateLimitPacer;
}

/** What the store checks found in one version of a file. */
interface StoreCheck {
  version: number;
  diagnostics: readonly BcDiagnostic[];
  /** The store data's generation the check used. */
  generation: number;
}

/**
 * Checks files against the active store's own data — its attributes, customer groups, channels
 * and existing customers — loaded in the background and cached per store, when the settings and
 * Workspace Trust allow it and the store has a token.
 */
export class StoreChecks {
  private readonly tokens = new Map<string, string | undefined>();
  private readonly catalogues: CatalogueCache;
  private readonly emails: ExistingEmailChecker;
  private readonly loads = new Set<Promise<unknown>>();
  private readonly latest = new Map<string, StoreCheck>();
  private dataGeneration = 0;

  constructor(private readonly options: StoreChecksOptions) {
    const { clock } = options.host;
    const onChange = () => {
      this.dataGeneration++;
      options.onChange();
    };
    const now = () => clock.now();
    this.catalogues = new CatalogueCache({ now, loadOptions: { transport: options.transport, clock, ...requestLog(options) }, onChange });
    this.emails = new ExistingEmailChecker({
      transport: options.transport,
      clock,
      timers: timersOf(clock),
      ...requestLog(options),
      onChange,
      ...(options.pacerFor ? { pacerFor: options.pacerFor } : {}),
    });
  }

  /** The saved stores or their tokens changed. */
  storesChanged(): void {
    this.tokens.clear();
  }

  /** The active store, when store checks may run for the document at `scope`: enabled, trusted, with credentials. */
  async target(scope?: string): Promise<StoreTarget | undefined> {
    const store = this.options.stores.active();
    const settings = readSettings(this.options.host.settings, scope);
    if (!store || !settings.storeDataEnabled || !this.options.host.isTrusted()) return undefined;
    if (!this.tokens.has(store.hash)) this.tokens.set(store.hash, await this.options.stores.token(store.hash));
    const token = this.tokens.get(store.hash);
    return token ? { apiBaseUrl: settings.apiBaseUrl, storeHash: store.hash, accessToken: token } : undefined;
  }

  /**
   * The store's problems with a version of the file at `uri`, from what is known of the store
   * now. Loads the store's data when it is missing or older than the setting allows, and asks
   * about the file's emails; `onChange` tells when either arrives.
   */
  check(target: StoreTarget, file: { uri: string; version: number }, document: JsonDocument, earlierResults: readonly CustomerResult[]): BcDiagnostic[] {
    const generation = this.dataGeneration;
    const diagnostics = this.checkAgainst(target, file.uri, document, earlierResults);
    this.latest.set(file.uri, { version: file.version, diagnostics, generation });
    return diagnostics;
  }

  /** No store may be asked about this version of the file: it has no store problems. */
  checkWithoutStore(file: { uri: string; version: number }): void {
    this.latest.set(file.uri, { version: file.version, diagnostics: [], generation: this.dataGeneration });
  }

  /** What the latest check of the file found, if it was of this version. */
  diagnosticsOf(uri: string, version: number): readonly BcDiagnostic[] {
    const latest = this.latest.get(uri);
    return latest?.version === version ? latest.diagnostics : [];
  }

  /** The file was closed. */
  forget(uri: string): void {
    this.latest.delete(uri);
  }

  /**
   * Resolves once the store checks of the file's `version` are published (as `publications`
   * records) from the store's data as it stands: nothing loading, no lookup pending, and no
   * change to the data since.
   */
  async whenSettled(uri: string, version: () => number, publications: Publications): Promise<void> {
    await publications.when(uri, 'store', version());
    for (;;) {
      await this.whenIdle();
      const latest = this.latest.get(uri);
      if (!latest || (latest.version === version() && latest.generation === this.dataGeneration)) return;
      // The data (or the file) changed after that check: another check is on its way.
      await publications.next(uri, 'store');
    }
  }

  private checkAgainst(target: StoreTarget, scope: string, document: JsonDocument, earlierResults: readonly CustomerResult[]): BcDiagnostic[] {
    const { storeHash } = target;
    if (this.catalogues.isStale(storeHash, readSettings(this.options.host.settings, scope).storeDataMaxAgeMs) && !this.catalogues.isLoading(storeHash)) {
      void this.track(this.catalogues.refresh(target));
    }
    const emails = customersOf(document).flatMap((c) => (c.email ? [c.email] : []));
    this.emails.check(target, emails);
    const lookupProblem = this.emails.problem(storeHash);
    // A customer this file created is its own, not one the store already had.
    const sentBefore = emailsSentBefore(earlierResults, storeHash);
    const existing = new Map([...this.emails.existing(storeHash, emails)].filter(([email]) => !sentBefore.has(email)));
    return storeDiagnostics(document, this.catalogues.get(storeHash), existing, storeHash, {
      existingCustomers: this.emails.existingCustomers(storeHash, existing.keys()),
      ...(lookupProblem ? { emailLookupProblem: lookupProblem } : {}),
    });
  }

  /** The active store's data, when loaded. */
  catalogue(): StoreCatalogue | undefined {
    const store = this.options.stores.active();
    return store && this.catalogues.get(store.hash);
  }

  /** "loaded 3 min ago", for the status bar. */
  describeAge(): string | undefined {
    const store = this.options.stores.active();
    const age = store && this.catalogues.ageMs(store.hash);
    if (age === undefined) return store && this.catalogues.isLoading(store.hash) ? 'loading store data…' : undefined;
    const minutes = Math.floor(age / 60_000);
    return minutes < 1 ? 'store data loaded just now' : `store data loaded ${minutes} min ago`;
  }

  /** Loads the store's data again, forgetting what is known of it. */
  refresh(target: StoreTarget): Promise<StoreCatalogue> {
    this.emails.forget(target.storeHash);
    this.catalogues.forget(target.storeHash);
    return this.track(this.catalogues.refresh(target));
  }

  /** Resolves once no store data is loading and no email is waiting for its lookup. */
  async whenIdle(): Promise<void> {
    do {
      await Promise.all([...this.loads]);
      await this.emails.whenIdle();
    } while (this.loads.size);
  }

  dispose(): void {
    this.catalogues.dispose();
    this.emails.dispose();
  }

  private track<T>(load: Promise<T>): Promise<T> {
    this.loads.add(load);
    void load.finally(() => this.loads.delete(load));
    return load;
  }
}

function requestLog(options: StoreChecksOptions): { onRequest?: (entry: RequestLogEntry) => void } {
  return options.onRequest ? { onRequest: options.onRequest } : {};
}

/** The email lookups' pause after typing, on the host's clock. */
function timersOf(clock: Clock): CheckerTimers {
  return {
    setTimeout(callback, ms) {
      const timer = new AbortController();
      void clock.sleep(ms, timer.signal).then((elapsed) => elapsed && callback());
      return timer;
    },
    clearTimeout(handle) {
      (handle as AbortController).abort();
    },
  };
}
