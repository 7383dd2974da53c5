/** Sizes of what ships: the bundles (raw and gzipped) and the packaged .vsix. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { zipEntries } from './zipEntries';

export interface FileSize {
  path: string;
  bytes: number;
  gzipBytes: number;
  minified: boolean;
}

export interface VsixSize {
  path: string;
  bytes?: number;
  /** built by this run because none existed */
  builtNow: boolean;
  /** whether the .vsix holds the same dist/extension.js as dist/ now (by size) */
  matchesDist?: boolean;
  error?: string;
}

export interface BundleSizes {
  extension: FileSize;
  /** the browser entry, for VS Code's web worker extension host */
  web: FileSize;
  /** the CSV import's code, loaded when the command first runs: on the desktop, and in the browser */
  importCsv: FileSize;
  webImportCsv: FileSize;
  cli: FileSize;
  vsix: VsixSize;
}

const VSIX = join('out', 'bigcommerce-customers.vsix');

export async function measureBundleSizes(root: string): Promise<BundleSizes> {
  const extension = fileSize(root, join('dist', 'extension.js'));
  return {
    extension,
    web: fileSize(root, join('dist', 'web', 'extension.js')),
    importCsv: fileSize(root, join('dist', 'importCsv.js')),
    webImportCsv: fileSize(root, join('dist', 'web', 'importCsv.js')),
    cli: fileSize(root, join('dist', 'cli.js')),
    vsix: await vsixSize(root, extension.bytes),
  };
}

function fileSize(root: string, path: string): FileSize {
  const content = readFileSync(join(root, path));
  return { path, bytes: content.length, gzipBytes: gzipSync(content).length, minified: looksMinified(content.toString('utf8')) };
}

/** A development build has one statement per line; a minified one has very long lines. */
function looksMinified(code: string): boolean {
  const lines = code.split('\n').length;
  return code.length / lines > 500;
}

async function vsixSize(root: string, distExtensionBytes: number): Promise<VsixSize> {
  const path = join(root, VSIX);
  let builtNow = false;
  if (!existsSync(path)) {
    try {
      mkdirSync(join(root, 'out'), { recursive: true });
      await promisify(execFile)(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', VSIX], { cwd: root, timeout: 180_000 });
      builtNow = true;
    } catch (error) {
      return { path: VSIX, builtNow: false, error: `vsce package failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
  }
  const zip = readFileSync(path);
  const packaged = zipEntries(zip).find((e) => e.name === 'extension/dist/extension.js');
  return { path: VSIX, bytes: zip.length, builtNow, matchesDist: packaged?.bytes === distExtensionBytes };
}
