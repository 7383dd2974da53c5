/**
 * Catalogues by store hash. A store is loaded once at a time: refreshes asked
 * for while one is running share its answer instead of asking the store again.
 */
import type { StoreTarget } from '../send/storeTarget';
import { loadStoreCatalogue, type LoadCatalogueOptions } from './catalogue';
import { CATALOGUE_PARTS, type StoreCatalogue } from './catalogueTypes';
import { skippedChecksSentences } from './skippedChecks';

export type CatalogueLoader = (target: StoreTarget, options: LoadCatalogueOptions) => Promise<StoreCatalogue>;

export interface CatalogueCacheOptions {
  /** clock for ages; default Date.now */
  now?: () => number;
  /** default `loadStoreCatalogue` */
  load?: CatalogueLoader;
  /** passed to every load (pacer, logging, timeouts, page size) */
  loadOptions?: Omit<LoadCatalogueOptions, 'now' | 'signal'>;
  /** told after a catalogue has been stored */
  onChange?(catalogue: StoreCatalogue): void;
}

interface Loading {
  promise: Promise<StoreCatalogue>;
  controller: AbortController;
}

export class CatalogueCache {
  private readonly entries = new Map<string, StoreCatalogue>();
  private readonly loading = new Map<string, Loading>();
  private readonly now: () => number;
  private readonly load: CatalogueLoader;
  private disposed = false;

  constructor(private readonly options: CatalogueCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.load = options.load ?? loadStoreCatalogue;
  }

  get(storeHash: string): StoreCatalogue | undefined {
    return this.entries.get(storeHash);
  }

  /** ms since the store's catalogue was loaded; `undefined` when it never was */
  ageMs(storeHash: string): number | undefined {
    const entry = this.entries.get(storeHash);
    return entry === undefined ? undefined : Math.max(0, this.now() - entry.loadedAt);
  }

  /** true when there is no catalogue, or it is older than `maxAgeMs` */
  isStale(storeHash: string, maxAgeMs: number): boolean {
    const age = this.ageMs(storeHash);
    return age === undefined || age > maxAgeMs;
  }

  isLoading(storeHash: string): boolean {
    return this.loading.has(storeHash);
  }

  /** Loads the store's catalogue now, or joins the load already running for it. Never rejects. */
  refresh(target: StoreTarget): Promise<StoreCatalogue> {
    const running = this.loading.get(target.storeHash);
    if (running) return running.promise;
    const controller = new AbortController();
    const promise = this.load(target, { ...this.options.loadOptions, now: this.now, signal: controller.signal })
      .catch((error: unknown): StoreCatalogue => failedLoad(target.storeHash, this.now(), error))
      .then((catalogue) => {
        // A load that was forgotten (new credentials, or disposed) must not come back.
        if (this.loading.get(target.storeHash)?.promise !== promise) return catalogue;
        this.loading.delete(target.storeHash);
        if (!this.disposed) {
          this.entries.set(target.storeHash, catalogue);
          this.notify(catalogue);
        }
        return catalogue;
      });
    this.loading.set(target.storeHash, { promise, controller });
    return promise;
  }

  /** The cached catalogue when it is fresh enough, otherwise a refresh. */
  async ensure(target: StoreTarget, maxAgeMs: number): Promise<StoreCatalogue> {
    const cached = this.entries.get(target.storeHash);
    if (cached && !this.isStale(target.storeHash, maxAgeMs)) return cached;
    return this.refresh(target);
  }

  /** Drops a store's catalogue and cancels its load, e.g. after its credentials changed. */
  forget(storeHash: string): void {
    this.entries.delete(storeHash);
    this.loading.get(storeHash)?.controller.abort();
    this.loading.delete(storeHash);
  }

  dispose(): void {
    this.disposed = true;
    for (const storeHash of [...this.loading.keys()]) this.forget(storeHash);
    this.entries.clear();
  }

  private notify(catalogue: StoreCatalogue): void {
    try {
      this.options.onChange?.(catalogue);
    } catch {
      // A faulty listener must not lose the catalogue.
    }
  }
}

function failedLoad(storeHash: string, loadedAt: number, error: unknown): StoreCatalogue {
  const cause = `loading stopped unexpectedly (${error instanceof Error ? error.message : String(error)})`;
  const unavailable = Object.fromEntries(CATALOGUE_PARTS.map((part) => [part, cause]));
  return { storeHash, loadedAt, problems: skippedChecksSentences(unavailable, CATALOGUE_PARTS), unavailable };
}
