// Send results outlive the editor and the window: the IDs shown after a send come back when
// the file is closed and opened again, and after "Developer: Reload Window".
import { idsShown } from './sending.mjs';
import { closeEditor, editorOf, quickOpen, reloadWindow, step, waitUntil } from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

// Sent by the send test, which runs before this one.
const fileName = 'import-25.bccustomers.json';

export const title = `UI: the IDs shown in ${fileName} after sending come back after closing and reopening it, and after reloading the window`;
export const timeoutMs = 150_000;

/** @param {Map<string, number>} ids */
function describe(ids) {
  return [...ids].map(([email, id]) => `${email} #${id}`).join(', ') || 'none';
}

/**
 * Waits until the editor shows exactly `expected` again: the extension may still be starting.
 * @param {Page} page
 * @param {Map<string, number>} expected
 * @param {number} timeout
 */
async function waitForIds(page, expected, timeout) {
  let shown = new Map();
  await waitUntil(
    async () => {
      shown = await idsShown(page, fileName);
      return shown.size === expected.size && [...expected].every(([email, id]) => shown.get(email) === id);
    },
    { timeout, message: () => `the editor shows ${describe(shown)}; before: ${describe(expected)}` },
  );
}

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { timeouts }) {
  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  const before = await step('read the IDs shown after the send', async () => {
    const ids = await idsShown(page, fileName);
    if (ids.size === 0) throw new Error(`${fileName} shows no IDs: the send test, which runs first, did not send it`);
    return ids;
  });

  await step(`close ${fileName} with its tab's close button`, () => closeEditor(page, fileName));
  await step(`open ${fileName} again with Quick Open`, () => quickOpen(page, fileName));
  await step('see the same IDs again', () => waitForIds(page, before, 30_000));

  await step('reload the window ("Developer: Reload Window")', () => reloadWindow(page, timeouts.workbench));
  await step(`open ${fileName} (Quick Open, unless the window restored it)`, async () => {
    // The window restores the open editors, but maybe not before the extension is ready.
    if (!(await editorOf(page, fileName).isVisible())) await quickOpen(page, fileName);
  });
  await step('see the same IDs after the reload', () => waitForIds(page, before, 60_000));
}
