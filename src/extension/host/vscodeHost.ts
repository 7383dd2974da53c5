import * as vscode from 'vscode';
import type { Host, HostSettings, KeyValueState } from '../../core/host/host';
import { systemClock } from '../../core/send/clock';

const section = 'bigcommerceCustomers';

/** The `bigcommerceCustomers.*` settings, read for the resource at `scope` (a URI). */
export const vscodeSettings: HostSettings = {
  get: (key, scope) => vscode.workspace.getConfiguration(section, scope === undefined ? undefined : vscode.Uri.parse(scope)).get(key),
  userValue: (key) => {
    const inspected = vscode.workspace.getConfiguration(section).inspect(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
  },
};

/** The host port on VS Code's own APIs. */
export function vscodeHost(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Host {
  return {
    settings: vscodeSettings,
    secrets: {
      get: (key) => Promise.resolve(context.secrets.get(key)),
      store: (key, value) => Promise.resolve(context.secrets.store(key, value)),
      delete: (key) => Promise.resolve(context.secrets.delete(key)),
    },
    globalState: state(context.globalState),
    workspaceState: state(context.workspaceState),
    log,
    clock: systemClock,
    nextTurn,
    isTrusted: () => vscode.workspace.isTrusted,
  };
}

function state(memento: vscode.Memento): KeyValueState {
  return { get: (key) => memento.get(key), update: (key, value) => Promise.resolve(memento.update(key, value)) };
}

// Node's extension host has setImmediate; a browser's web worker has not, and there a zero timeout gives others their turn.
const nextTurn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
