import type { KeyValueState } from '../../core/host/host';
import { Listeners } from '../../core/host/listeners';
import { type CustomerResult, mergeResults, readStoredResults } from '../../core/results/sendResults';

const key = 'bigcommerceCustomers.sendResults';

/** A file by its URI (VS Code's `Uri` is one). */
type FileUri = { toString(): string };

/**
 * Send results per file, kept in the workspace state so they survive closing the file and
 * restarting VS Code. Nothing secret is stored: emails, customer IDs and the store's words.
 */
export class ResultsStore {
  private readonly changed = new Listeners<string>();
  /** Fired with the file's URI when its results change. */
  readonly onDidChange = this.changed.event;

  /** the stored results as read, until they change: read on every inlay hint request otherwise */
  private cache: Record<string, CustomerResult[]> | undefined;
  private readonly byEmailCache = new Map<string, ReadonlyMap<string, CustomerResult>>();

  constructor(private readonly state: KeyValueState) {}

  get(uri: FileUri): CustomerResult[] {
    return this.all()[uri.toString()] ?? [];
  }

  /** A file's results in one store, by email. */
  byEmail(uri: FileUri, storeHash: string): ReadonlyMap<string, CustomerResult> {
    const key = `${storeHash}\u0000${uri.toString()}`;
    let found = this.byEmailCache.get(key);
    if (!found) {
      found = new Map(this.get(uri).flatMap((r) => (r.storeHash === storeHash ? [[r.email, r] as const] : [])));
      this.byEmailCache.set(key, found);
    }
    return found;
  }

  async add(uri: FileUri, results: readonly CustomerResult[]): Promise<void> {
    await this.set(uri, mergeResults(this.get(uri), results));
  }

  async forget(uri: FileUri, storeHash: string, email?: string): Promise<void> {
    await this.set(
      uri,
      this.get(uri).filter((r) => r.storeHash !== storeHash || (email !== undefined && r.email !== email)),
    );
  }

  private all(): Record<string, CustomerResult[]> {
    this.cache ??= readStoredResults(this.state.get(key));
    return this.cache;
  }

  private async set(uri: FileUri, results: CustomerResult[]): Promise<void> {
    const all = { ...this.all() };
    if (results.length) all[uri.toString()] = results;
    else delete all[uri.toString()];
    this.forgetCache();
    await this.state.update(key, all);
    this.forgetCache(); // a read during the update may have cached the old value
    this.changed.fire(uri.toString());
  }

  private forgetCache(): void {
    this.cache = undefined;
    this.byEmailCache.clear();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
