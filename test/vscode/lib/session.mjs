// A fresh, throw-away VS Code profile for one test run: extensions (the packaged extension
// plus the suite runner), user settings, and a copy of the test workspace, so the tests
// can never change the fixtures in the repository.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension } from './codeServer.mjs';
import { runnerExtensionSource, workspaceFixture } from './paths.mjs';

// Nothing on screen but the tests' own doing: no trust prompt, welcome page, tips,
// update or telemetry traffic, and no auto-save that would write into the workspace.
const userSettings = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'problems.defaultViewMode': 'tree',
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  // Steady screenshots.
  'editor.cursorBlinking': 'solid',
  'editor.lightbulb.enabled': 'on',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function installRunnerExtension(extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(runnerExtensionSource, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  cpSync(runnerExtensionSource, target, { recursive: true });
}

export function createSession({ vsix }) {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-code-server-'));
  const session = {
    dir,
    extensionsDir: join(dir, 'extensions'),
    userDataDir: join(dir, 'user-data'),
    workspace: join(dir, 'workspace'),
    configFile: join(dir, 'code-server.yaml'),
    codeServerLog: join(dir, 'code-server.log'),
    browserLog: join(dir, 'browser-console.log'),
    suiteResults: join(dir, 'suite-results.json'),
    suiteProgress: join(dir, 'suite-progress.jsonl'),
    runnerDone: join(dir, 'runner-done'),
    // code-server keeps logs and a heartbeat file under the XDG folders, and the tests make
    // their temporary files in TMPDIR: all of it goes when the session does.
    codeServerEnv: { XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config'), TMPDIR: join(dir, 'tmp') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  try {
    fillSession(session, vsix);
  } catch (error) {
    session.remove();
    throw error;
  }
  return session;
}

function fillSession(session, vsix) {
  mkdirSync(session.extensionsDir);
  mkdirSync(session.codeServerEnv.TMPDIR);
  mkdirSync(join(session.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(session.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  // code-server reads ~/.config/code-server/config.yaml unless given its own; command-line flags say the rest.
  writeFileSync(session.configFile, 'auth: none\n');
  cpSync(workspaceFixture, session.workspace, { recursive: true });
  writeFileSync(session.suiteProgress, '');
  // The runner goes in first: code-server registers folders already present when it creates extensions.json.
  installRunnerExtension(session.extensionsDir);
  installExtension({ vsix, extensionsDir: session.extensionsDir, userDataDir: session.userDataDir, env: session.codeServerEnv });
}
