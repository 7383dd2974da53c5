// Runs the integration tests in a real VS Code extension host without downloading VS Code:
// code-server serves VS Code, headless Chromium opens its workbench (the extension host
// starts only then), a small runner extension runs the suite from out/vscode-suite inside
// the extension host, and then the UI tests drive the workbench. A sandbox store stands in
// for BigCommerce throughout; a second session, with workspace trust on, holds the tests
// of Restricted Mode; a third runs the extension's browser entry in the web worker extension
// host (the user setting "remote.extensionKind" puts it there) and runs the suite and the web
// UI tests again; the last checks look at what the sessions left on disk.
//
//   bash scripts/install-code-server.sh    # once per machine
//   npm run build && node test/vscode/runCodeServer.mjs [--ui-only]
//
// It bundles the suite (test/vscode/build.mjs) and packages the built extension itself.
// Writes out/test-results/code-server.json and activation.json, and exits non-zero on any
// failure. --ui-only skips the extension host suite. BCC_KEEP_TEMP=1 keeps the temporary
// profiles and logs for a look afterwards.
//
// The extension host suite finds the sandbox store in BCC_SANDBOX_URL, BCC_SANDBOX_STORE_HASH
// and BCC_SANDBOX_TOKEN; UI tests get it as `sandbox` (see lib/sandbox.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildSuite } from './build.mjs';
import { firstActivation } from './lib/activation.mjs';
import { launchBrowser, openPage } from './lib/browser.mjs';
import { cleanup, cleanupOnSignals, interrupted, onCleanup, onExit } from './lib/cleanup.mjs';
import { CodeServer, freePort } from './lib/codeServer.mjs';
import { missingPrerequisites, packageExtension } from './lib/extensionPackage.mjs';
import { logExcerpts } from './lib/logs.mjs';
import { codeServerVersion, installCommand, mediaDir, projectRoot, resultsFile, suiteIndex } from './lib/paths.mjs';
import { Report } from './lib/report.mjs';
import { distinctiveToken, sandboxEnvironment, sandboxSettings, startSandbox } from './lib/sandbox.mjs';
import { createSession } from './lib/session.mjs';
import { followSuite } from './lib/suite.mjs';
import * as cancelTest from './ui/cancel.ui.mjs';
import * as credentialsTest from './ui/credentials.ui.mjs';
import * as importCsvTest from './ui/importCsv.ui.mjs';
import * as desktopOnlyTest from './ui/desktopOnly.ui.mjs';
import * as editorFeaturesTest from './ui/editorFeatures.ui.mjs';
import * as quickFixTest from './ui/quickFix.ui.mjs';
import * as reloadResumeTest from './ui/reloadResume.ui.mjs';
import * as resultsSurviveTest from './ui/resultsSurvive.ui.mjs';
import * as sendTest from './ui/send.ui.mjs';
import * as stateFixTest from './ui/stateFix.ui.mjs';
import * as storeAwareTest from './ui/storeAware.ui.mjs';
import * as tokenNeverWrittenTest from './ui/tokenNeverWritten.ui.mjs';
import * as untrustedTest from './ui/untrusted.ui.mjs';
import { waitForWorkbench } from './ui/workbench.mjs';

/** @typedef {import('./lib/uiTest.mjs').UiTest} UiTest */
/** @typedef {import('./lib/uiTest.mjs').Session} Session */

// The quick fix and the editor features, as a person in a browser meets them: the same tests in the web worker host.
/** @type {(test: UiTest) => UiTest} */
const inTheWebHost = (test) => ({ ...test, title: test.title.replace(/^UI: /, 'UI, web worker host: '), phase: 'web' });
const webQuickFixTest = inTheWebHost(quickFixTest);
const webEditorFeaturesTest = inTheWebHost(editorFeaturesTest);
// The CSV import reads and writes through workspace.fs alone, so it runs in the browser too.
const webImportCsvTest = inTheWebHost(importCsvTest);

// In order; each test's `phase` says where it runs: 'workbench' (the default: the main
// session's window, after the suite), 'restricted' (a session whose folder is not trusted),
// 'web' (a session whose extension runs in the web worker host) or 'after-run' (once every
// session has stopped).
/** @type {UiTest[]} */
const uiTests = [
  quickFixTest,
  importCsvTest,
  editorFeaturesTest,
  credentialsTest,
  storeAwareTest,
  stateFixTest,
  sendTest,
  cancelTest,
  resultsSurviveTest,
  reloadResumeTest,
  untrustedTest,
  webQuickFixTest,
  webImportCsvTest,
  webEditorFeaturesTest,
  desktopOnlyTest,
  tokenNeverWrittenTest,
];
const timeouts = {
  // Generous: a wait only ends early when something is wrong, and shared CI machines are slow.
  codeServerReady: 60_000,
  workbench: 120_000,
  suite: Number(process.env.BCC_SUITE_TIMEOUT_MS) || 300_000,
  uiTest: 120_000,
};
const activationFile = join(dirname(resultsFile), 'activation.json');
const { publisher, name: extensionName } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
// The screenshots of the web host's run stay with the results; media/ has the desktop's.
const webMediaDir = join(dirname(resultsFile), 'web-worker-host');
const uiOnly = process.argv.includes('--ui-only');

const seconds = (/** @type {number} */ start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;
const testsOf = (/** @type {string} */ phase) => uiTests.filter((test) => (test.phase ?? 'workbench') === phase);

/**
 * @param {string} message
 * @param {string} [hint]
 * @returns {never}
 */
function exitWith(message, hint) {
  console.error(message);
  if (hint) console.error(`run: ${hint}`);
  process.exit(1);
}

function checkPrerequisites() {
  const [missing] = missingPrerequisites({ installFix: installCommand });
  if (missing) exitWith(missing.problem, missing.fix);
}

/**
 * Starts code-server on `session`; it is stopped at cleanup, or killed if the run dies first.
 * @param {Session} session
 * @param {{ env?: NodeJS.ProcessEnv; workspaceTrust?: boolean }} [options]
 */
async function startCodeServer(session, { env = {}, workspaceTrust = false } = {}) {
  const codeServer = new CodeServer({
    port: await freePort(),
    extensionsDir: session.extensionsDir,
    userDataDir: session.userDataDir,
    configFile: session.configFile,
    workspace: session.workspace,
    logFile: session.codeServerLog,
    env: { ...session.codeServerEnv, ...env },
    workspaceTrust,
  });
  codeServer.start();
  onCleanup(() => codeServer.stop());
  onExit(() => codeServer.killNow());
  await codeServer.waitUntilReady(timeouts.codeServerReady);
  return codeServer;
}

/**
 * A window of its own (a fresh browser profile: no editors, state or secrets) on `codeServer`'s workbench.
 * @param {import('playwright-core').Browser} browser
 * @param {import('./lib/uiTest.mjs').Session} session
 * @param {CodeServer} codeServer
 */
async function openWorkbench(browser, session, codeServer) {
  const page = await openPage(browser, session.browserLog);
  await page.goto(codeServer.workbenchUrl());
  await waitForWorkbench(page, timeouts.workbench);
  return page;
}

/**
 * @param {import('./lib/uiTest.mjs').Session} session
 */
function keepOrRemove(session) {
  onCleanup(() => (process.env.BCC_KEEP_TEMP ? console.log(`kept ${session.dir}`) : session.remove()));
}

/**
 * @param {string} title
 */
function slug(title) {
  return title
    .replace(/^UI: /, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * @param {import('playwright-core').Page} page
 * @param {Pick<Report, 'add'>} report
 * @param {import('./lib/uiTest.mjs').UiTest[]} tests
 * @param {import('./lib/uiTest.mjs').UiContext} context
 */
async function runUiTests(page, report, tests, context) {
  mkdirSync(context.mediaDir, { recursive: true });
  for (const test of tests) {
    const timeoutMs = test.timeoutMs ?? timeouts.uiTest;
    const started = Date.now();
    const running = test.run(page, context);
    running.catch(() => {}); // After a timeout its own failure no longer matters.
    try {
      await Promise.race([
        running,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs).unref()),
      ]);
      report.add({ title: test.title, state: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      const failureShot = join(dirname(resultsFile), `ui-failure-${slug(test.title)}.png`);
      const shot = await page.screenshot({ path: failureShot, timeout: 15_000 }).then(
        () => `\n(screenshot: ${relative(projectRoot, failureShot)})`,
        () => '',
      );
      report.add({ title: test.title, state: 'failed', error: `${error instanceof Error ? error.message : error}${shot}`, durationMs: Date.now() - started });
    }
  }
}

/**
 * out/test-results/activation.json, from the extension's own log line in the first extension host.
 * @param {import('./lib/uiTest.mjs').Session} session
 * @param {Pick<Report, 'add'>} report
 */
function writeActivationTime(session, report) {
  const found = firstActivation(session.userDataDir);
  if (!found) {
    report.add({
      title: 'the extension logs its activation time',
      state: 'failed',
      error: `no "Activated in N ms" line under ${join(session.userDataDir, 'logs')}`,
    });
    return;
  }
  writeFileSync(
    activationFile,
    `${JSON.stringify({ activationMs: found.activationMs, source: `code-server ${codeServerVersion} extension host` }, null, 2)}\n`,
  );
  console.log(`activation: ${found.activationMs} ms (${relative(session.userDataDir, found.file)}) → ${relative(projectRoot, activationFile)}`);
}

/**
 * What the runner extension needs to run the suite in `session` (nothing with --ui-only).
 * @param {import('./lib/uiTest.mjs').Session} session
 */
function suiteEnvironment(session) {
  return {
    BCC_TEST_SUITE: uiOnly ? '' : suiteIndex,
    BCC_TEST_RESULTS: session.suiteResults,
    BCC_TEST_PROGRESS: session.suiteProgress,
    BCC_RUNNER_DONE: session.runnerDone,
  };
}

/**
 * Follows the suite in `session`, whose window `page` shows; then closes that window.
 * @param {{ session: Session; codeServer: CodeServer; page: import('playwright-core').Page; report: Pick<Report, 'add'> }} run
 */
async function runSuite({ session, codeServer, page, report }) {
  try {
    const suite = await followSuite({
      session,
      report,
      timeoutMs: timeouts.suite,
      failure: () => (codeServer.running ? undefined : 'code-server exited during the tests'),
    });
    if (suite.passed + suite.failed === 0) {
      report.add({ title: 'the extension host test suite', state: 'failed', error: 'it ran no tests' });
    }
  } finally {
    // The UI tests get a window of their own, as a person opening the folder would: no
    // editors, problems or notifications left over from the suite.
    await page.context().close();
  }
}

async function main() {
  const started = Date.now();
  cleanupOnSignals();
  checkPrerequisites();

  await buildSuite();
  console.log('Packaging the extension…');
  let vsix;
  try {
    vsix = packageExtension();
  } catch (error) {
    exitWith(error instanceof Error ? error.message : String(error));
  }

  // A token found nowhere else, so that the after-run check can search for it.
  const sandbox = await startSandbox({ accessToken: distinctiveToken() });
  onCleanup(() => sandbox.close());
  console.log(`sandbox store ${sandbox.storeHash} at ${sandbox.url}`);

  /** @type {Session[]} */
  const sessions = [];
  const session = createSession({ vsix, settings: sandboxSettings(sandbox) });
  sessions.push(session);
  keepOrRemove(session);

  const report = new Report();
  /** @type {CodeServer[]} */
  const codeServers = [];
  const log = (/** @type {string} */ line) => console.log(`    ${line}`);
  /** @type {string | undefined} */
  let harnessError;

  try {
    const codeServer = await startCodeServer(session, {
      env: { ...suiteEnvironment(session), ...sandboxEnvironment(sandbox) },
    });
    codeServers.push(codeServer);
    console.log(`code-server ${codeServer.url} ready after ${seconds(started)}`);

    const browser = await launchBrowser();
    onCleanup(() => browser.close());

    if (!uiOnly) {
      const suitePage = await openWorkbench(browser, session, codeServer);
      console.log(`workbench open after ${seconds(started)}; extension host tests:`);
      await runSuite({ session, codeServer, page: suitePage, report });
    }

    const uiPage = await openWorkbench(browser, session, codeServer);
    const context = { mediaDir, sandbox, timeouts, log, sessions };
    console.log(`UI tests (after ${seconds(started)}):`);
    await runUiTests(uiPage, report, testsOf('workbench'), context);

    if (testsOf('restricted').length) {
      const restricted = createSession({
        vsix,
        name: 'restricted',
        withRunner: false,
        settings: { ...sandboxSettings(sandbox), 'security.workspace.trust.enabled': true },
      });
      sessions.push(restricted);
      keepOrRemove(restricted);
      const restrictedServer = await startCodeServer(restricted, { workspaceTrust: true });
      codeServers.push(restrictedServer);
      console.log(`UI tests in Restricted Mode, code-server ${restrictedServer.url} (after ${seconds(started)}):`);
      const restrictedPage = await openWorkbench(browser, restricted, restrictedServer);
      await runUiTests(restrictedPage, report, testsOf('restricted'), context);
      await restrictedPage.context().close();
    }

    // The same extension, its browser entry in the web worker host; the suite still runs
    // in the Node.js host and reaches it through VS Code, as another extension would.
    const web = createSession({
      vsix,
      name: 'web',
      settings: { ...sandboxSettings(sandbox), 'remote.extensionKind': { [`${publisher}.${extensionName}`]: ['web'] } },
    });
    sessions.push(web);
    keepOrRemove(web);
    const webServer = await startCodeServer(web, { env: { ...suiteEnvironment(web), BCC_EXTENSION_HOST: 'web' } });
    codeServers.push(webServer);
    /** @type {Pick<Report, 'add'>} */
    const webReport = { add: (result) => report.add({ ...result, title: `web worker host: ${result.title}` }) };
    if (!uiOnly) {
      console.log(`extension host tests with the extension in the web worker host, code-server ${webServer.url} (after ${seconds(started)}):`);
      await runSuite({ session: web, codeServer: webServer, page: await openWorkbench(browser, web, webServer), report: webReport });
    }
    console.log(`UI tests in the web worker host (after ${seconds(started)}):`);
    const webPage = await openWorkbench(browser, web, webServer);
    await runUiTests(webPage, report, testsOf('web'), { ...context, mediaDir: webMediaDir });
    await webPage.context().close();

    // What the sessions wrote is complete only once code-server has stopped; the browser,
    // which holds the secret store, stays open for these checks.
    await Promise.all(codeServers.map((server) => server.stop()));
    console.log(`after the sessions (after ${seconds(started)}):`);
    await runUiTests(uiPage, report, testsOf('after-run'), context);
    writeActivationTime(session, report);
  } catch (error) {
    if (interrupted()) return; // The signal handler cleans up and exits.
    harnessError = error instanceof Error ? error.message : String(error);
    report.add({ title: 'the code-server test run', state: 'failed', error: harnessError });
  }

  if (harnessError || report.failed > 0) {
    report.printFailures();
    for (const failed of sessions) console.log(`\n${logExcerpts(failed)}`);
  }
  await cleanup();
  report.write(resultsFile);
  console.log(`\nresults: ${relative(projectRoot, resultsFile)}; took ${seconds(started)}`);
  console.log(`${report.passed} passed, ${report.failed} failed`);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
