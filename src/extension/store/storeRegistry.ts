import * as vscode from 'vscode';

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
 * only in VS Code's SecretStorage (the OS keychain), never in settings, files or logs.
 */
export class StoreRegistry {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  list(): SavedStore[] {
    return this.context.globalState.get<SavedStore[]>(storesKey, []);
  }

  active(): SavedStore | undefined {
    const hash = this.context.globalState.get<string>(activeKey);
    return this.list().find((s) => s.hash === hash);
  }

  token(hash: string): Thenable<string | undefined> {
    return this.context.secrets.get(secretKey(hash));
  }

  async save(store: SavedStore, token: string): Promise<void> {
    await this.context.secrets.store(secretKey(store.hash), token);
    await this.update(store);
    await this.context.globalState.update(activeKey, store.hash);
    this.changed.fire();
  }

  async update(store: SavedStore): Promise<void> {
    const others = this.list().filter((s) => s.hash !== store.hash);
    await this.context.globalState.update(storesKey, [...others, store].sort((a, b) => a.hash.localeCompare(b.hash)));
  }

  async setActive(hash: string): Promise<void> {
    await this.context.globalState.update(activeKey, hash);
    this.changed.fire();
  }

  async remove(hash: string): Promise<void> {
    await this.context.secrets.delete(secretKey(hash));
    await this.context.globalState.update(storesKey, this.list().filter((s) => s.hash !== hash));
    if (this.context.globalState.get(activeKey) === hash) await this.context.globalState.update(activeKey, this.list()[0]?.hash);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
