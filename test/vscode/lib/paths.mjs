// Where the code-server test run finds and puts things.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const projectRoot = join(here, '..', '..', '..');
export const testDir = join(projectRoot, 'test', 'vscode');

// Must match scripts/install-code-server.sh.
export const codeServerVersion = '4.100.3';
export const codeServerDir = join(process.env.BCC_CACHE_DIR || join(homedir(), '.cache', 'bccustomers'), `code-server-${codeServerVersion}`);
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const codeServerInstalledStamp = join(codeServerDir, '.installed');
export const chromiumBin = process.env.BCC_CHROMIUM || '/usr/bin/chromium';
export const installCommand = 'bash scripts/install-code-server.sh';

export const builtExtension = join(projectRoot, 'dist', 'extension.js');
export const vsceBin = join(projectRoot, 'node_modules', '.bin', 'vsce');
export const vsixFile = join(projectRoot, 'out', 'bigcommerce-customers.vsix');
export const suiteIndex = join(projectRoot, 'out', 'vscode-suite', 'index.js');
export const resultsFile = join(projectRoot, 'out', 'test-results', 'code-server.json');
export const mediaDir = join(projectRoot, 'media');

export const workspaceFixture = join(testDir, 'workspace');
export const runnerExtensionSource = join(testDir, 'runner-extension');
