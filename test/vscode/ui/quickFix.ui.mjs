// End to end through the workbench, as a person would: a customers file with a
// three-letter country code shows the problem in the Problems panel, and the Quick Fix
// menu on it repairs the file. Leaves screenshots of both in media/.
import { join } from 'node:path';
import {
  closeEditor,
  cursorPosition,
  editorOf,
  findProblem,
  openQuickFixMenu,
  pickMenuItem,
  problemRow,
  quickFixItems,
  quickOpen,
  runCommand,
  showProblems,
  step,
  waitUntil,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'wrong.bccustomers.json';

export const title = 'UI: the "country_code" problem in the Problems panel is fixed with its Quick Fix';

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { mediaDir }) {
  await step(`open ${fileName} with Quick Open (Ctrl+P)`, () => quickOpen(page, fileName));
  await step('show the Problems panel (Ctrl+Shift+M)', () => showProblems(page));

  const problem = await step(`find the country_code problem of ${fileName} in the Problems panel`, () =>
    waitUntil(() => findProblem(page, fileName, 'country_code'), {
      timeout: 30_000,
      message: `no problem mentioning country_code under ${fileName}`,
    }),
  );
  if (!problem.message.includes('"US"')) throw new Error(`the problem does not suggest "US": ${problem.message}`);
  await step('take the Problems panel screenshot', () => page.locator('.part.panel').screenshot({ path: join(mediaDir, 'screenshot-problems.png') }));

  // Double-clicking a problem opens its file with the problem selected and the cursor on it.
  await step('put the cursor on the problem', async () => {
    await problemRow(page, problem).dblclick();
    await editorOf(page, fileName).and(page.locator('.focused')).waitFor({ state: 'visible' });
    const expectedLine = Number(/Ln (\d+)/.exec(problem.location)?.[1]);
    await waitUntil(async () => (await cursorPosition(page))?.line === expectedLine, {
      message: `the cursor is not on line ${expectedLine} (${problem.location})`,
    });
  });

  const menu = await step('open the Quick Fix menu (Ctrl+.)', () => openQuickFixMenu(page));
  const fix = quickFixItems(menu).filter({ hasText: '"US"' }).first();
  await step('find the fix to "US" in the Quick Fix menu', async () => {
    await fix.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
      const offered = await quickFixItems(menu).allTextContents();
      throw new Error(`it offers only: ${offered.join(' | ') || 'nothing'}`);
    });
  });
  await step('take the Quick Fix screenshot', () => page.screenshot({ path: join(mediaDir, 'screenshot-quick-fix.png') }));

  await step('apply the fix', async () => {
    await pickMenuItem(page, fix);
    await menu.waitFor({ state: 'hidden' });
  });
  await step('see the problem leave the Problems panel', () =>
    waitUntil(async () => !(await findProblem(page, fileName, 'country_code')), {
      timeout: 30_000,
      message: 'the country_code problem is still listed',
    }),
  );
  await step('see "US" in the editor', () =>
    waitUntil(async () => /"country_code":\s*"US"/.test((await editorOf(page, fileName).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ')), {
      message: 'the editor does not show "country_code": "US"',
    }),
  );
  await step('revert and close the file, for the tests after this one', async () => {
    await runCommand(page, 'File: Revert File');
    await closeEditor(page, fileName);
  });
}
