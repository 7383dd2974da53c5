import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { languageId } from '../settings';
import { storeCommandIds } from '../commandIds';

const desktopOnlyMessage =
  "Sending customers and checking them against a store need VS Code on the desktop (or the bccustomers CLI), because a browser cannot call BigCommerce's API.";

/**
 * In the browser the store's commands stay where users look for them, and each says in one
 * sentence why it does nothing here; no token is ever asked for. The status bar item that
 * shows the store on the desktop says the same.
 */
export function desktopOnlyFeatures(log: vscode.LogOutputChannel): vscode.Disposable[] {
  const explain = () => {
    log.info(desktopOnlyMessage);
    void vscode.window.showInformationMessage(desktopOnlyMessage);
  };
  const item = vscode.window.createStatusBarItem('bigcommerceCustomers.store', vscode.StatusBarAlignment.Right, 100);
  item.name = 'BigCommerce Store';
  item.text = '$(cloud-upload) Desktop only';
  item.tooltip = desktopOnlyMessage;
  item.command = storeCommandIds.selectStore;
  const update = () => (vscode.window.activeTextEditor?.document.languageId === languageId ? item.show() : item.hide());
  update();
  return [item, vscode.window.onDidChangeActiveTextEditor(update), ...Object.values(storeCommandIds).map((id) => registerCommand(log, id, explain))];
}
