// The playground: the extension as built now, in a real VS Code (code-server) opened on
// examples/, sending to a local sandbox store. Runs until Ctrl-C.
//
//   npm start
//
// The VS Code profile lives in out/playground/, so settings, open editors and send results
// survive restarts; the sandbox store starts afresh with its demo data every time.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanupOnSignals, interrupted, onCleanup, onExit } from '../test/vscode/lib/cleanup.mjs';
import { CodeServer, freePortFrom } from '../test/vscode/lib/codeServer.mjs';
import { missingPrerequisites, packageExtension } from '../test/vscode/lib/extensionPackage.mjs';
import { tail } from '../test/vscode/lib/logs.mjs';
import { projectRoot } from '../test/vscode/lib/paths.mjs';
import { sandboxSettings, startSandbox } from '../test/vscode/lib/sandbox.mjs';
import { openLastingProfile } from '../test/vscode/lib/session.mjs';

const preferredPort = 8080;
const profileDir = join(projectRoot, 'out', 'playground');
const examplesDir = join(projectRoot, 'examples');
const setupCommand = 'npm run setup';

// Only for a new profile: the user's later changes to these are kept.
const newProfileSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // Straight to the example files, without VS Code's welcome walkthrough.
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // examples/ lies inside the project's repository: no prompt to open it.
  'git.openRepositoryInParentFolders': 'never',
  // There may be no internet: nothing should wait for it.
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
};

/**
 * @param {string} message
 * @param {string} [fix]
 */
function fail(message, fix) {
  console.error(`\n${message}`);
  if (fix) console.error(`To fix it, run: ${fix}`);
  process.exit(1);
}

function checkCodeServer() {
  const missing = missingPrerequisites({ browser: false, installFix: setupCommand }).filter((m) => m.fix === setupCommand);
  if (missing.length) fail(missing.map((m) => m.problem).join('\n'), setupCommand);
}

function buildExtension() {
  console.log('Building the extension…');
  const result = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) fail('The build failed (see above).');
}

async function main() {
  cleanupOnSignals('code-server and the sandbox store');
  checkCodeServer();
  buildExtension();
  console.log('Packaging it…');
  const vsix = packageExtension();

  const sandbox = await startSandbox();
  onCleanup(() => sandbox.close());
  console.log(`Sandbox store ${sandbox.storeHash} at ${sandbox.url}`);

  console.log(`Installing it into the playground profile (${profileDir})…`);
  const profile = openLastingProfile({ dir: profileDir, workspace: examplesDir, vsix, defaults: newProfileSettings, settings: sandboxSettings(sandbox) });
  const codeServer = new CodeServer({
    port: await freePortFrom(preferredPort),
    extensionsDir: profile.extensionsDir,
    userDataDir: profile.userDataDir,
    configFile: profile.configFile,
    workspace: profile.workspace,
    logFile: profile.codeServerLog,
    env: profile.codeServerEnv,
  });
  codeServer.start();
  onCleanup(() => codeServer.stop());
  onExit(() => codeServer.killNow());
  try {
    await codeServer.waitUntilReady(30_000);
  } catch (error) {
    console.error(`--- last lines of ${profile.codeServerLog} ---\n${tail(profile.codeServerLog)}`);
    throw error;
  }

  console.log(`
VS Code (code-server) is ready. Open:

  ${codeServer.workbenchUrl()}

Run 'BigCommerce: Set Store Credentials' with store ${sandbox.storeHash} and token ${sandbox.accessToken}
(then "Test or sandbox store"), open a *.bccustomers.json file and send it.

Press Ctrl-C to stop code-server and the sandbox store.`);

  const exit = await codeServer.exited;
  if (interrupted()) return; // Ctrl-C: the signal handler is stopping everything.
  console.error(`\ncode-server stopped by itself (${exit?.signal ?? `exit code ${exit?.code}`}); its log: ${profile.codeServerLog}`);
  await sandbox.close();
  process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
