// Undoes what a run started (browser, code-server, temporary folders) however the run ends:
// normally, by an error, or by Ctrl-C / SIGTERM.
/** @type {(() => unknown)[]} */
const asyncTasks = [];
/** @type {(() => void)[]} */
const exitTasks = [];

/**
 * `task` runs at cleanup, the last registered first.
 * @param {() => unknown} task
 */
export function onCleanup(task) {
  asyncTasks.push(task);
}

/**
 * `task` also runs, synchronously, if the process exits without cleanup (a last resort for child processes).
 * @param {() => void} task
 */
export function onExit(task) {
  exitTasks.push(task);
}

/** @type {Promise<void> | undefined} */
let running;

async function runTasks() {
  while (asyncTasks.length > 0) {
    const task = asyncTasks.pop();
    try {
      await task?.();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
}

/** Runs the tasks one after the other; a second caller (a signal during cleanup, say) waits for the same run. */
export function cleanup() {
  running ??= runTasks().finally(() => {
    running = undefined;
  });
  return running;
}

let stopping = false;

/** True once a signal has asked the run to stop: what fails after that is only the stopping. */
export function interrupted() {
  return stopping;
}

/** `what` names what is being stopped, for the message a signal prints. */
export function cleanupOnSignals(what = 'code-server and the browser') {
  /** @type {[NodeJS.Signals, number][]} */
  const signals = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  for (const [signal, code] of signals) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping ${what}`);
      cleanup().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    for (const task of exitTasks) {
      try {
        task();
      } catch {
        // Nothing more can be done while exiting.
      }
    }
  });
}
