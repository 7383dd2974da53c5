import type { Host } from '../../core/host/host';
import { Listeners } from '../../core/host/listeners';

export interface SavedStore {
  hash: string;
  /** Sending to a production store asks for confirmation every time. */
  production: boolean;
  /** The user chose not to be asked again before sending to this (non-production) store. */
  skipConfirmation?: boolean;
}

const storesKey = 'bigcommerceCustomers.stores';
const activeKey = 'bigcommerceCustomers.activeStore';
const secretKey = (hash: string) => `bigcommerceCustomers.accessToken.${hash}`;

/**
 * The saved stores. Their hashes and flags live in the global state; their access tokens
 * only in the host's secret storage (the OS keychain), never in settings, files or logs.
 */
export class StoreRegistry {
  private readonly changed = new Listeners();
  readonly onDidChange = this.changed.event;

  constructor(private readonly host: Pick<Host, 'globalState' | 'secrets'>) {}

  list(): SavedStore[] {
    const stored = this.host.globalState.get(storesKey);
    return Array.isArray(stored) ? stored.filter(isSavedStore) : [];
  }

  active(): SavedStore | undefined {
    const hash = this.host.globalState.get(activeKey);
    return this.list().find((s) => s.hash === hash);
  }

  token(hash: string): Promise<string | undefined> {
    return this.host.secrets.get(secretKey(hash));
  }

  async save(store: SavedStore, token: string): Promise<void> {
    await this.host.secrets.store(secretKey(store.hash), token);
    await this.update(store);
    await this.host.globalState.update(activeKey, store.hash);
    this.changed.fire();
  }

  async update(store: SavedStore): Promise<void> {
    const others = this.list().filter((s) => s.hash !== store.hash);
    await this.host.globalState.update(
      storesKey,
      [...others, store].sort((a, b) => a.hash.localeCompare(b.hash)),
    );
  }

  async setActive(hash: string): Promise<void> {
    await this.host.globalState.update(activeKey, hash);
    this.changed.fire();
  }

  async remove(hash: string): Promise<void> {
    await this.host.secrets.delete(secretKey(hash));
    await this.host.globalState.update(
      storesKey,
      this.list().filter((s) => s.hash !== hash),
    );
    if (this.host.globalState.get(activeKey) === hash) await this.host.globalState.update(activeKey, this.list()[0]?.hash);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function isSavedStore(value: unknown): value is SavedStore {
  return typeof value === 'object' && value !== null && typeof (value as { hash?: unknown }).hash === 'string';
}
