// With the sandbox store selected, an Australian address whose state_or_province is "NSW"
// shows the problem in the Problems panel, and its Quick Fix writes "New South Wales". The
// Japanese address's "13" is a state only the store's own list knows (Tokyo), which proves
// that the store's geography reached the editor.
import { storeHash } from './sending.mjs';
import {
  closeEditor,
  editorOf,
  findProblem,
  openQuickFixMenu,
  pickMenuItem,
  problemRow,
  problemsOfFile,
  quickFixItems,
  quickOpen,
  runCommand,
  showProblems,
  step,
  waitUntil,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'australia.bccustomers.json';
const nswProblem = 'state_or_province "NSW" is a code';
const storeProblem = `store ${storeHash} names that state "Tokyo"`;

export const title = `UI: with store ${storeHash} selected, "NSW" for an Australian address is fixed to "New South Wales"`;

/**
 * @param {Page} page
 */
export async function run(page) {
  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step('show the Problems panel', () => showProblems(page));
  await step('find the "NSW" problem and the store\'s own "13" problem', () =>
    waitUntil(
      async () => {
        const messages = (await problemsOfFile(page, fileName)).map((p) => p.message);
        return messages.some((m) => m.includes(nswProblem) && m.includes('"New South Wales"')) && messages.some((m) => m.includes(storeProblem));
      },
      { timeout: 45_000, message: async () => `listed: ${(await problemsOfFile(page, fileName)).map((p) => p.message).join(' | ') || 'nothing'}` },
    ),
  );

  await step('put the cursor on "NSW" from its problem', async () => {
    const problem = await findProblem(page, fileName, nswProblem);
    if (!problem) throw new Error(`the Problems panel has no "${nswProblem}"`);
    await problemRow(page, problem).dblclick();
    await editorOf(page, fileName).and(page.locator('.focused')).waitFor({ state: 'visible' });
  });
  const menu = await step('open the Quick Fix menu (Ctrl+.)', () => openQuickFixMenu(page));
  const fix = quickFixItems(menu).filter({ hasText: 'New South Wales' }).first();
  await step('find the fix to "New South Wales"', () =>
    fix.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
      throw new Error(`it offers only: ${(await quickFixItems(menu).allTextContents()).join(' | ') || 'nothing'}`);
    }),
  );
  await step('apply the fix', async () => {
    await pickMenuItem(page, fix);
    await menu.waitFor({ state: 'hidden' });
  });
  await step('see "New South Wales" in the editor and the problem gone', () =>
    waitUntil(
      async () => {
        const text = (await editorOf(page, fileName).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
        return /"state_or_province":\s*"New South Wales"/.test(text) && !(await findProblem(page, fileName, nswProblem));
      },
      { timeout: 30_000, message: 'the editor does not show "New South Wales", or the problem is still listed' },
    ),
  );
  await step('revert and close the file', async () => {
    await runCommand(page, 'File: Revert File');
    await closeEditor(page, fileName);
  });
}
