// VS Code profiles for code-server: a throw-away one per test session (extensions, user
// settings, and a copy of the test workspace, so the tests can never change the fixtures
// in the repository), or a lasting one for the playground.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { installExtension } from './codeServer.mjs';
import { largeFileName, largeFileText } from './largeCustomersFile.mjs';
import { runnerExtensionSource, workspaceFixture } from './paths.mjs';

// Nothing on screen but the tests' own doing: no trust prompt, welcome page, tips,
// update or telemetry traffic, and no auto-save that would write into the workspace.
const testUserSettings = {
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

/**
 * Where code-server keeps what, inside a profile folder.
 * @param {string} dir
 */
function layout(dir) {
  return {
    dir,
    extensionsDir: join(dir, 'extensions'),
    userDataDir: join(dir, 'user-data'),
    userSettingsFile: join(dir, 'user-data', 'User', 'settings.json'),
    configFile: join(dir, 'code-server.yaml'),
    codeServerLog: join(dir, 'code-server.log'),
    browserLog: join(dir, 'browser-console.log'),
    // code-server keeps logs and a heartbeat file under the XDG folders, and the tests make
    // their temporary files in TMPDIR: all of it stays inside the profile folder.
    codeServerEnv: { XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config'), TMPDIR: join(dir, 'tmp') },
  };
}

/** @param {string} extensionsDir */
function installRunnerExtension(extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(runnerExtensionSource, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  cpSync(runnerExtensionSource, target, { recursive: true });
}

/** @param {ReturnType<typeof layout>} profile */
function prepareFolders(profile) {
  mkdirSync(profile.extensionsDir, { recursive: true });
  mkdirSync(profile.codeServerEnv.TMPDIR, { recursive: true });
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  // code-server reads ~/.config/code-server/config.yaml unless given its own; command-line flags say the rest.
  writeFileSync(profile.configFile, 'auth: none\n');
}

/**
 * A fresh test session: `settings` go on top of the test settings; `withRunner` adds the
 * extension that runs the test suite in the extension host.
 * @param {{ vsix: string; settings?: Record<string, unknown>; withRunner?: boolean; name?: string }} options
 */
export function createSession({ vsix, settings = {}, withRunner = true, name = 'code-server' }) {
  const dir = mkdtempSync(join(tmpdir(), `bccustomers-${name}-`));
  const session = {
    ...layout(dir),
    workspace: join(dir, 'workspace'),
    suiteResults: join(dir, 'suite-results.json'),
    suiteProgress: join(dir, 'suite-progress.jsonl'),
    runnerDone: join(dir, 'runner-done'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  try {
    prepareFolders(session);
    writeFileSync(session.userSettingsFile, JSON.stringify({ ...testUserSettings, ...settings }, null, 2));
    cpSync(workspaceFixture, session.workspace, { recursive: true });
    writeFileSync(join(session.workspace, largeFileName), largeFileText());
    writeFileSync(session.suiteProgress, '');
    // The runner goes in first: code-server registers folders already present when it creates extensions.json.
    if (withRunner) installRunnerExtension(session.extensionsDir);
    installExtension({ vsix, extensionsDir: session.extensionsDir, userDataDir: session.userDataDir, env: session.codeServerEnv });
  } catch (error) {
    session.remove();
    throw error;
  }
  return session;
}

/**
 * Sets `settings` in a settings.json that may already hold the user's own (with comments),
 * leaving everything else as it is.
 * @param {string} file
 * @param {Record<string, unknown>} settings
 */
function mergeUserSettings(file, settings) {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '{}';
  if (!text.trim()) text = '{}';
  for (const [key, value] of Object.entries(settings)) {
    text = applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  writeFileSync(file, text);
}

/**
 * A profile that lasts across runs (the playground): `defaults` are written only into a new
 * profile, `settings` every time; the extension is installed again, as the newest build.
 * @param {{ dir: string; workspace: string; vsix: string; defaults?: Record<string, unknown>; settings?: Record<string, unknown> }} options
 */
export function openLastingProfile({ dir, workspace, vsix, defaults = {}, settings = {} }) {
  const profile = { ...layout(dir), workspace };
  const isNew = !existsSync(profile.userSettingsFile);
  prepareFolders(profile);
  if (isNew) writeFileSync(profile.userSettingsFile, JSON.stringify(defaults, null, 2));
  mergeUserSettings(profile.userSettingsFile, settings);
  installExtension({ vsix, extensionsDir: profile.extensionsDir, userDataDir: profile.userDataDir, env: profile.codeServerEnv });
  return profile;
}
