// Runs the integration tests in a real VS Code extension host without downloading VS Code:
// code-server serves VS Code, headless Chromium opens its workbench (the extension host
// starts only then), a small runner extension runs the suite from out/vscode-suite inside
// the extension host, and then the UI tests drive the workbench.
//
//   bash scripts/install-code-server.sh    # once per machine
//   npm run build && node test/vscode/runCodeServer.mjs
//
// It bundles the suite (test/vscode/build.mjs) and packages the built extension itself.
// Writes out/test-results/code-server.json and exits non-zero on any failure.
// BCC_KEEP_TEMP=1 keeps the temporary profile and logs for a look afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSuite } from './build.mjs';
import { launchBrowser, openPage } from './lib/browser.mjs';
import { cleanup, cleanupOnSignals, interrupted, onCleanup, onExit } from './lib/cleanup.mjs';
import { CodeServer, freePort } from './lib/codeServer.mjs';
import { logExcerpts } from './lib/logs.mjs';
import {
  builtExtension,
  chromiumBin,
  codeServerBin,
  codeServerInstalledStamp,
  installCommand,
  mediaDir,
  projectRoot,
  resultsFile,
  suiteIndex,
  vsceBin,
  vsixFile,
} from './lib/paths.mjs';
import { Report } from './lib/report.mjs';
import { createSession } from './lib/session.mjs';
import { followSuite } from './lib/suite.mjs';
import * as quickFixTest from './ui/quickFix.ui.mjs';
import { waitForWorkbench } from './ui/workbench.mjs';

const uiTests = [quickFixTest];
const timeouts = {
  codeServerReady: 30_000,
  workbench: 60_000,
  suite: Number(process.env.BCC_SUITE_TIMEOUT_MS) || 120_000,
  uiTest: 60_000,
};

const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

function exitWith(message, hint) {
  console.error(message);
  if (hint) console.error(`run: ${hint}`);
  process.exit(1);
}

function checkPrerequisites() {
  if (!existsSync(codeServerInstalledStamp) || !existsSync(codeServerBin)) {
    exitWith(`code-server is not installed (expected ${codeServerBin})`, installCommand);
  }
  if (!existsSync(chromiumBin)) exitWith(`Chromium is not installed (expected ${chromiumBin})`, installCommand);
  if (!existsSync(builtExtension)) exitWith(`the extension is not built (${relative(projectRoot, builtExtension)} is missing)`, 'npm run build');
}

/** The .vsix exactly as users would install it. */
function packageExtension() {
  mkdirSync(join(projectRoot, 'out'), { recursive: true });
  const result = spawnSync(vsceBin, ['package', '--no-dependencies', '-o', vsixFile], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    exitWith(`vsce package failed:\n${result.stdout}${result.stderr}`);
  }
}

async function runUiTests(page, report) {
  mkdirSync(mediaDir, { recursive: true });
  for (const test of uiTests) {
    const running = test.run(page, { mediaDir });
    running.catch(() => {}); // After a timeout its own failure no longer matters.
    try {
      await Promise.race([
        running,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeouts.uiTest / 1000} s`)), timeouts.uiTest).unref()),
      ]);
      report.add({ title: test.title, state: 'passed' });
    } catch (error) {
      const failureShot = join(projectRoot, 'out', 'test-results', 'ui-failure.png');
      await page.screenshot({ path: failureShot }).catch(() => {});
      report.add({ title: test.title, state: 'failed', error: `${error instanceof Error ? error.message : error}\n(screenshot: ${relative(projectRoot, failureShot)})` });
    }
  }
}

async function main() {
  const started = Date.now();
  cleanupOnSignals();
  checkPrerequisites();

  await buildSuite();
  console.log('Packaging the extension…');
  packageExtension();

  const session = createSession({ vsix: vsixFile });
  onCleanup(() => (process.env.BCC_KEEP_TEMP ? console.log(`kept ${session.dir}`) : session.remove()));

  const codeServer = new CodeServer({
    port: await freePort(),
    extensionsDir: session.extensionsDir,
    userDataDir: session.userDataDir,
    configFile: session.configFile,
    workspace: session.workspace,
    logFile: session.codeServerLog,
    env: {
      ...session.codeServerEnv,
      BCC_TEST_SUITE: suiteIndex,
      BCC_TEST_RESULTS: session.suiteResults,
      BCC_TEST_PROGRESS: session.suiteProgress,
      BCC_RUNNER_DONE: session.runnerDone,
    },
  });
  const report = new Report();
  let harnessError;

  try {
    codeServer.start();
    onCleanup(() => codeServer.stop());
    onExit(() => codeServer.killNow());
    await codeServer.waitUntilReady(timeouts.codeServerReady);
    console.log(`code-server ${codeServer.url} ready after ${seconds(started)}`);

    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    const openWorkbench = async () => {
      const page = await openPage(browser, session.browserLog);
      await page.goto(codeServer.workbenchUrl());
      await waitForWorkbench(page, timeouts.workbench);
      return page;
    };
    const suitePage = await openWorkbench();
    console.log(`workbench open after ${seconds(started)}; extension host tests:`);

    const suite = await followSuite({
      session,
      report,
      timeoutMs: timeouts.suite,
      failure: () => (codeServer.running ? undefined : 'code-server exited during the tests'),
    });
    if (suite.passed + suite.failed === 0) {
      report.add({ title: 'the extension host test suite', state: 'failed', error: 'it ran no tests' });
    }

    // The UI tests get a window of their own, as a person opening the folder would: no
    // editors, problems or notifications left over from the suite.
    await suitePage.context().close();
    const uiPage = await openWorkbench();
    console.log(`UI tests (after ${seconds(started)}):`);
    await runUiTests(uiPage, report);
  } catch (error) {
    if (interrupted()) return; // The signal handler cleans up and exits.
    harnessError = error instanceof Error ? error.message : String(error);
    report.add({ title: 'the code-server test run', state: 'failed', error: harnessError });
  }

  if (harnessError || report.failed > 0) {
    report.printFailures();
    console.log(`\n${logExcerpts(session)}`);
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
