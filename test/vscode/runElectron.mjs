// Runs the integration test suite (out/vscode-suite, from test/vscode/build.mjs) in a
// desktop VS Code that @vscode/test-electron downloads, with the extension loaded from this
// folder. For machines that can download VS Code; offline, use runCodeServer.mjs.
//
//   node test/vscode/build.mjs && node test/vscode/runElectron.mjs
//
// VSCODE_VERSION picks the VS Code release (default: the newest stable one). The results
// also go to out/test-results/electron.json.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const resultsFile = join(root, 'out', 'test-results', 'electron.json');
mkdirSync(dirname(resultsFile), { recursive: true });

try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'vscode-suite', 'index.js'),
    extensionTestsEnv: { BCC_TEST_RESULTS: resultsFile },
    // No other extensions, no prompts about trusting the test folder.
    launchArgs: [join(here, 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`VS Code tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
