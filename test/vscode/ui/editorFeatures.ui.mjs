// What a JSON file has in VS Code, on a customers file of 5,000 customers, through the
// workbench as a person would use it: Go to Symbol in Editor (`@` and an email in Quick Open),
// Expand Selection out to the customer, the breadcrumbs, the Outline view, Format Document,
// and Fold All. runCodeServer.mjs runs it in both extension hosts.
import { largeFileCount, largeFileCustomers, largeFileName, largeFileText } from '../lib/largeCustomersFile.mjs';
import {
  closeEditor,
  cursorPosition,
  editorOf,
  editorTab,
  pressUntilVisible,
  quickOpen,
  renderedLines,
  runCommand,
  scrollToTop,
  step,
  waitUntil,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = largeFileName;
const customers = largeFileCustomers();
/** @param {number} index */
function customerAt(index) {
  const customer = customers[index];
  if (!customer) throw new Error(`${largeFileName} has no customer ${index + 1}`);
  return customer;
}
const first = customerAt(0);
const sought = customerAt(4320);

export const title = `UI: in a file of ${largeFileCount.toLocaleString('en-US')} customers, @ and an email in Quick Open go to that customer, Expand Selection reaches the customer, the breadcrumbs and the Outline list customers, Format Document lays the file out and Fold All folds it`;
export const timeoutMs = 180_000;

/**
 * @param {Page} page
 */
async function selectedCharacters(page) {
  const text = (await page.locator('[id="status.editor.selection"]').textContent()) ?? '';
  return Number(/\((\d+) selected\)/.exec(text)?.[1] ?? 0);
}

/**
 * @param {Page} page
 */
export async function run(page) {
  try {
    await scenario(page);
  } finally {
    // The tests after this one find the file as it is in the workspace, and the Explorer as it was.
    await closeOutline(page).catch(() => {});
    if (await editorTab(page, fileName).isVisible()) {
      await runCommand(page, 'File: Revert File');
      await closeEditor(page, fileName);
    }
  }
}

const outlineRows = (/** @type {Page} */ page) => page.locator('.outline-pane .monaco-list-row');

/**
 * @param {Page} page
 */
async function closeOutline(page) {
  if (await outlineRows(page).first().isVisible()) await page.locator('.pane-header', { hasText: 'Outline' }).click();
}

/**
 * @param {Page} page
 */
async function scenario(page) {
  const lines = largeFileText().split('\n');
  const email = sought.email;
  const line = lines.findIndex((l) => l.includes(`"${email}"`)) + 1;
  const customer = (lines[line - 1] ?? '').trim().replace(/,$/, '');

  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step(`go to ${email} (line ${line}) by typing @${email} in Quick Open`, async () => {
    const widget = page.locator('.quick-input-widget');
    await pressUntilVisible(page, 'Control+P', widget);
    await page.keyboard.type(`@${email}`);
    await widget.locator('.monaco-list-row', { hasText: email }).first().click();
    await widget.waitFor({ state: 'hidden' });
    await waitUntil(async () => (await cursorPosition(page))?.line === line, {
      message: async () => `the cursor is on line ${(await cursorPosition(page))?.line}, not on line ${line}, the line of ${email}`,
    });
  });
  await step(`see ${email} in the breadcrumbs`, () => page.locator('.breadcrumbs-control', { hasText: email }).first().waitFor({ state: 'visible' }));
  await step(`expand the selection until it holds the whole customer (${customer.length} characters)`, async () => {
    /** @type {number[]} */
    const sizes = [];
    for (let i = 0; i < 8 && sizes.at(-1) !== customer.length; i++) {
      await runCommand(page, 'Expand Selection');
      const before = sizes.at(-1) ?? 0;
      sizes.push(
        await waitUntil(
          async () => {
            const n = await selectedCharacters(page);
            return n > before && n;
          },
          { timeout: 15_000, message: `the selection does not grow past ${before} characters` },
        ),
      );
    }
    if (sizes.at(-1) !== customer.length) throw new Error(`the selection grew ${sizes.join(' → ')} characters, never exactly the customer`);
  });
  await step('see the customers by email and name in the Outline view, and find one by typing its email', async () => {
    await runCommand(page, 'Explorer: Focus on Outline View');
    await outlineRows(page).filter({ hasText: '@example.com' }).first().waitFor({ state: 'visible' });
    // Typing in a list goes to the first row that starts with what was typed.
    await page.keyboard.type(email);
    await outlineRows(page)
      .filter({ hasText: email })
      .filter({ hasText: `${sought.first_name} ${sought.last_name}` })
      .first()
      .waitFor({ state: 'visible' });
    await closeOutline(page);
  });
  await step('run Format Document and see one field per line, indented', async () => {
    await editorOf(page, fileName).click();
    // From the top: formatting puts each customer on several lines, far from where the cursor was.
    await page.keyboard.press('Control+Home');
    await runCommand(page, 'Format Document');
    await scrollToTop(page, fileName);
    await waitUntil(
      async () => {
        const shown = await renderedLines(page, fileName);
        return shown[1]?.text === '  {' && shown[2]?.text === `    "email": "${first.email}",`;
      },
      {
        message: async () =>
          `the top of the file reads: ${(await renderedLines(page, fileName))
            .slice(0, 4)
            .map((l) => l.text)
            .join(' ⏎ ')}`,
      },
    );
  });
  await step('run Fold All and see only the first and the last line', async () => {
    await runCommand(page, 'Fold All');
    await waitUntil(
      async () => {
        const shown = await renderedLines(page, fileName);
        return shown.length === 2 && shown[0]?.line === 1 && shown[1]?.text.trim() === ']';
      },
      { message: async () => `the editor shows lines ${(await renderedLines(page, fileName)).map((l) => l.line).join(', ')}` },
    );
    await runCommand(page, 'Unfold All');
  });
}
