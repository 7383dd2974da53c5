// With a store's credentials saved, a customers file is checked against that store as it is
// opened: an attribute, a customer group and an email that only the store can judge show in
// the Problems panel, and completion offers the store's own attributes by name. Leaves
// media/screenshot-store.png.
import { join } from 'node:path';
import { storeHash } from './sending.mjs';
import {
  acceptSuggestion,
  closeEditor,
  editorOf,
  findProblem,
  openSuggestions,
  problemRow,
  problemsOfFile,
  quickOpen,
  runCommand,
  showProblems,
  step,
  waitUntil,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'store-check.bccustomers.json';

// The sandbox's demo data has no attribute 42 and no group 9, and already has taken@example.com as customer 57.
const expectedProblems = /** @type {const} */ ([
  `attribute_id 42 is not an attribute of store ${storeHash}`,
  `customer_group_id 9 is not a customer group of store ${storeHash}`,
  `taken@example.com is already a customer of store ${storeHash} (id 57)`,
]);

export const title = `UI: ${fileName} shows the problems only store ${storeHash} can judge, and completion offers its attributes by name`;

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { mediaDir }) {
  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step('show the Problems panel', () => showProblems(page));

  await step('find the unknown attribute, the unknown group and the existing email in the Problems panel', () =>
    waitUntil(
      async () => {
        const messages = (await problemsOfFile(page, fileName)).map((p) => p.message);
        return expectedProblems.every((expected) => messages.some((m) => m.includes(expected)));
      },
      {
        timeout: 45_000,
        message: async () => `listed: ${(await problemsOfFile(page, fileName)).map((p) => p.message).join(' | ') || 'nothing'}`,
      },
    ),
  );
  await step('take the store-aware Problems screenshot', () => page.locator('.part.panel').screenshot({ path: join(mediaDir, 'screenshot-store.png') }));

  // Select the wrong id by double-clicking its problem, delete it, and ask for suggestions there.
  await step('select attribute_id 42 from its problem and delete it', async () => {
    const problem = await findProblem(page, fileName, expectedProblems[0]);
    if (!problem) throw new Error(`the Problems panel has no "${expectedProblems[0]}"`);
    await problemRow(page, problem).dblclick();
    await editorOf(page, fileName).and(page.locator('.focused')).waitFor({ state: 'visible' });
    await page.keyboard.press('Backspace');
  });
  const labels = await step('open the suggestions (Ctrl+Space)', () => openSuggestions(page));
  if (!labels.some((label) => label.includes('1 — Shoe size (number)')))
    throw new Error(`the suggestions do not offer the store's "Shoe size" attribute: ${labels.join(' | ')}`);

  await step('accept "1 — Shoe size (number)"', () => acceptSuggestion(page, 'Shoe size'));
  await step('see the unknown-attribute problem go, and the other two stay', () =>
    waitUntil(
      async () => {
        const messages = (await problemsOfFile(page, fileName)).map((p) => p.message);
        return !messages.some((m) => m.includes('is not an attribute')) && expectedProblems.slice(1).every((e) => messages.some((m) => m.includes(e)));
      },
      { timeout: 30_000, message: async () => `listed: ${(await problemsOfFile(page, fileName)).map((p) => p.message).join(' | ')}` },
    ),
  );

  await step('revert and close the file', async () => {
    await runCommand(page, 'File: Revert File');
    await closeEditor(page, fileName);
  });
}
