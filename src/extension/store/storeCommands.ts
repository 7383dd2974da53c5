import * as vscode from 'vscode';
import { testConnection } from '../../core/send/connection';
import type { HttpTransport } from '../../core/send/http';
import { checkAccessToken, checkStoreHash } from '../../core/send/storeTarget';
import { describeRequest } from '../send/requestLog';
import { apiBaseUrl } from '../settings';
import type { StoreRegistry } from './storeRegistry';

/** "BigCommerce: Set Store Credentials": the store hash, then the token (kept in SecretStorage). */
export async function setStoreCredentials(registry: StoreRegistry): Promise<string | undefined> {
  const hash = await vscode.window.showInputBox({
    title: 'BigCommerce store credentials (1/3)',
    prompt: 'Store hash: the part after /stores/ in the API path of your store-level API account, e.g. abc123',
    placeHolder: 'abc123',
    ignoreFocusOut: true,
    validateInput: (value) => checkStoreHash(value.trim()),
  });
  if (hash === undefined) return undefined;
  const token = await vscode.window.showInputBox({
    title: `BigCommerce store credentials (2/3): store ${hash.trim()}`,
    prompt: 'Access token of a store-level API account with the Customers "modify" scope. It is kept in VS Code\'s secret storage only.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? checkAccessToken(value.trim()) : 'Paste the access token'),
  });
  if (token === undefined) return undefined;
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Test or sandbox store', production: false },
      { label: 'Production store', description: 'asks for confirmation before every send', production: true },
    ],
    { title: `BigCommerce store credentials (3/3): store ${hash.trim()}`, placeHolder: 'What kind of store is it?', ignoreFocusOut: true },
  );
  if (!kind) return undefined;
  await registry.save({ hash: hash.trim(), production: kind.production }, token.trim());
  void vscode.window.showInformationMessage(`Store ${hash.trim()} saved and selected. Its token is kept in VS Code's secret storage.`);
  return hash.trim();
}

/** "BigCommerce: Select Store". */
export async function selectStore(registry: StoreRegistry): Promise<string | undefined> {
  const stores = registry.list();
  if (!stores.length) return setStoreCredentials(registry);
  const active = registry.active()?.hash;
  const picked = await vscode.window.showQuickPick(
    stores.map((s) => ({ label: s.hash, description: [s.production ? 'production' : 'test', s.hash === active ? 'active' : ''].filter(Boolean).join(' · ') })),
    { title: 'Select the BigCommerce store to send to' },
  );
  if (picked) await registry.setActive(picked.label);
  return picked?.label;
}

/** "BigCommerce: Clear Store Credentials". */
export async function clearStoreCredentials(registry: StoreRegistry): Promise<string | undefined> {
  const stores = registry.list();
  const [only, ...others] = stores;
  if (!only) {
    void vscode.window.showInformationMessage('No BigCommerce store credentials are saved.');
    return undefined;
  }
  const picked = !others.length
    ? { label: only.hash }
    : await vscode.window.showQuickPick(
        stores.map((s) => ({ label: s.hash })),
        { title: 'Remove the credentials of which store?' },
      );
  if (!picked) return undefined;
  await registry.remove(picked.label);
  void vscode.window.showInformationMessage(`The credentials of store ${picked.label} were removed.`);
  return picked.label;
}

/** "BigCommerce: Test Connection": one cheap read, and a probe that creates nothing. */
export async function testStoreConnection(registry: StoreRegistry, log: vscode.LogOutputChannel, transport: HttpTransport): Promise<boolean> {
  const store = registry.active();
  const token = store && (await registry.token(store.hash));
  if (!store || !token) {
    void vscode.window.showWarningMessage('No BigCommerce store is selected. Run "BigCommerce: Set Store Credentials" first.');
    return false;
  }
  const check = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Testing the connection to store ${store.hash}…` },
    () =>
      testConnection(
        { apiBaseUrl: apiBaseUrl(), storeHash: store.hash, accessToken: token },
        { transport, onRequest: (entry) => log.info(describeRequest(entry)) },
      ),
  );
  log.info(`Connection check of store ${store.hash}: ${check.message}`);
  if (check.ok) void vscode.window.showInformationMessage(check.message);
  else void vscode.window.showErrorMessage(check.message);
  return check.ok;
}
