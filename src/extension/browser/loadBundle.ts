import * as vscode from 'vscode';

/**
 * Loads one of the extension's own CommonJS bundles in the web worker extension host, whose
 * `require` gives `vscode` and nothing else: the file is read through `workspace.fs` and run
 * as that host runs the extension's browser entry, with `vscode` as its one import.
 */
export async function loadBundle<T>(extensionUri: vscode.Uri, path: string): Promise<T> {
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, path)));
  const module = { exports: {} };
  const require = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    throw new Error(`${path} imports ${id}, which the web worker extension host cannot load`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the way the host itself loads an extension's code
  const run = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${extensionUri.toString()}/${path}`) as (
    module: { exports: unknown },
    exports: unknown,
    require: (id: string) => unknown,
  ) => void;
  run(module, module.exports, require);
  return module.exports as T;
}
