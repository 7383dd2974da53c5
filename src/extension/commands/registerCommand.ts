import * as vscode from 'vscode';
import type { HostLog } from '../../core/host/host';

/** A command that reports its own failure: nothing may escape into VS Code's log as a crash. */
export function registerCommand(log: HostLog, id: string, run: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    try {
      return await run(...args);
    } catch (error) {
      log.error(`${id} failed: ${error instanceof Error ? error.stack : String(error)}`);
      void vscode.window.showErrorMessage(`BigCommerce Customers: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}
