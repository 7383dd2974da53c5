import * as vscode from 'vscode';
import { storeCommandIds } from '../commandIds';
import { languageId } from '../settings';
import type { StoreAwareness } from './storeAwareness';
import type { StoreRegistry } from './storeRegistry';

/** The active store, shown while a customers file is open; a click selects another. */
export function storeStatusBar(registry: StoreRegistry, awareness: StoreAwareness): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bigcommerceCustomers.store', vscode.StatusBarAlignment.Right, 100);
  item.name = 'BigCommerce Store';
  item.command = storeCommandIds.selectStore;
  const update = () => {
    const store = registry.active();
    item.text = store ? `$(cloud-upload) ${store.hash}${store.production ? ' (production)' : ''}` : '$(cloud-upload) No store';
    const age = awareness.describeAge();
    item.tooltip = store
      ? `BigCommerce store ${store.hash}: customers are sent here${age ? ` (${age})` : ''}. Click to select another store.`
      : 'No BigCommerce store selected: click to set credentials';
    if (vscode.window.activeTextEditor?.document.languageId === languageId) item.show();
    else item.hide();
  };
  update();
  return vscode.Disposable.from(item, registry.onDidChange(update), awareness.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
}
