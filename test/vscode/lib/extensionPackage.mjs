// What a code-server run needs before it starts, and the extension packaged as users get it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { builtExtension, chromiumBin, codeServerBin, codeServerInstalledStamp, projectRoot, vsceBin, vsixFile } from './paths.mjs';

/**
 * What is missing, each with the command that fixes it: code-server (`installFix` installs
 * it), Chromium when `browser` is wanted, and the built extension.
 * @param {{ browser?: boolean; installFix: string; buildFix?: string }} options
 */
export function missingPrerequisites({ browser = true, installFix, buildFix = 'npm run build' }) {
  const missing = [];
  if (!existsSync(codeServerInstalledStamp) || !existsSync(codeServerBin)) {
    missing.push({ problem: `code-server is not installed (expected ${codeServerBin})`, fix: installFix });
  }
  if (browser && !existsSync(chromiumBin)) missing.push({ problem: `Chromium is not installed (expected ${chromiumBin})`, fix: installFix });
  if (!existsSync(builtExtension)) missing.push({ problem: `the extension is not built (${relative(projectRoot, builtExtension)} is missing)`, fix: buildFix });
  return missing;
}

/** The .vsix exactly as users would install it; throws with vsce's output when packaging fails. */
export function packageExtension() {
  mkdirSync(dirname(vsixFile), { recursive: true });
  const result = spawnSync(vsceBin, ['package', '--no-dependencies', '-o', vsixFile], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  return vsixFile;
}
