// Runs the integration test suite inside this extension host, the way @vscode/test-electron
// would: requires the module named by BCC_TEST_SUITE and calls its run(). code-server hands
// its environment down to the extension host, which is how these paths arrive:
//   BCC_TEST_SUITE    the suite's index.js (exports run(): Promise<void>)
//   BCC_TEST_RESULTS  where the suite writes its results
//   BCC_RUNNER_DONE   written last, once the suite has finished and the editors are closed
const fs = require('node:fs');
const vscode = require('vscode');

function describeError(error) {
  return error instanceof Error ? error.stack || String(error) : String(error);
}

/** When the suite cannot even start, its results file says so instead of never appearing. */
function reportLoadFailure(resultsFile, error) {
  if (fs.existsSync(resultsFile)) return;
  const results = { passed: 0, failed: 1, tests: [{ title: 'loading the test suite', state: 'failed', error: describeError(error) }] };
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
}

/** True for the first caller only, even across extension host restarts. */
function claimRun(doneFile) {
  try {
    fs.closeSync(fs.openSync(`${doneFile}.started`, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** Leaves the window as a person would find it: no editors left over from the tests, and no save prompts. */
async function closeAllEditors() {
  for (let i = 0; i < 500 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (!vscode.window.tabGroups.activeTabGroup.activeTab) {
      await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    }
  }
}

async function runSuite(suiteModule, resultsFile) {
  try {
    await require(suiteModule).run();
  } catch (error) {
    // Failing tests also end up here; they are already in the results file.
    console.error('[suite-runner]', describeError(error));
    reportLoadFailure(resultsFile, error);
  }
}

exports.activate = function activate() {
  const { BCC_TEST_SUITE: suiteModule, BCC_TEST_RESULTS: resultsFile, BCC_RUNNER_DONE: doneFile } = process.env;
  // Only in a test session, and only once: a restarted extension host must not run it again.
  if (!suiteModule || !resultsFile || !doneFile || !claimRun(doneFile)) return;
  void (async () => {
    await runSuite(suiteModule, resultsFile);
    try {
      await closeAllEditors();
    } catch (error) {
      console.error('[suite-runner] could not close the editors:', describeError(error));
    }
    fs.writeFileSync(doneFile, new Date().toISOString());
  })();
};

exports.deactivate = function deactivate() {};
