// A folder opened in Restricted Mode (not trusted): the extension still checks files, but
// nothing reaches the store. Runs in a session of its own, with workspace trust turned on.
import { storeHash } from './sending.mjs';
import {
  answerDialog,
  answerInputBox,
  codeLens,
  commandRow,
  dialog,
  dismissNotification,
  editorTitleButton,
  findProblem,
  notification,
  notificationMessage,
  openCommandPalette,
  pickQuickItem,
  quickOpen,
  runCommand,
  showProblems,
  statusBarItem,
  step,
  waitUntil,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

export const title = 'UI: in an untrusted folder (Restricted Mode) files are still checked, but "BigCommerce: Send Customers" sends no customer';
export const phase = 'restricted';
export const timeoutMs = 150_000;

const restrictedWarning = 'Sending customers is disabled in Restricted Mode';

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { sandbox, log }) {
  const requestsBefore = sandbox.requests().length;

  await step('answer the trust prompt with "No, I don\'t trust the authors"', async () => {
    const prompt = dialog(page, 'Do you trust the authors');
    await prompt.waitFor({ state: 'visible', timeout: 30_000 });
    await answerDialog(page, 'Do you trust the authors', "No, I don't trust the authors");
  });
  await step('see "Restricted Mode" in the status bar', () => statusBarItem(page, 'Restricted Mode').waitFor({ state: 'visible' }));

  await step('open wrong.bccustomers.json and find its country_code problem in the Problems panel', async () => {
    await quickOpen(page, 'wrong.bccustomers.json');
    await showProblems(page);
    await waitUntil(() => findProblem(page, 'wrong.bccustomers.json', 'country_code'), { timeout: 30_000, message: 'no country_code problem is listed' });
  });

  // With credentials set, only the missing trust stands between the file and the store.
  await step(`set the credentials of store ${storeHash}`, async () => {
    await runCommand(page, 'BigCommerce: Set Store Credentials');
    await answerInputBox(page, '(1/3)', storeHash);
    await answerInputBox(page, '(2/3)', sandbox.accessToken);
    await pickQuickItem(page, '(3/3)', 'Test or sandbox store');
    await dismissNotification(notification(page, `Store ${storeHash} saved and selected`));
  });

  const fileName = 'customers.bccustomers.json';
  await step(`open ${fileName}, which has no problems`, () => quickOpen(page, fileName));
  await step('find "BigCommerce: Send Customers" missing from the Command Palette, or refusing', async () => {
    await openCommandPalette(page, 'BigCommerce: Send Customers');
    const offered = await commandRow(page, 'BigCommerce: Send Customers').isVisible();
    if (!offered) {
      await page.keyboard.press('Escape');
      return;
    }
    await commandRow(page, 'BigCommerce: Send Customers').click();
    const warning = notification(page, restrictedWarning);
    await warning.waitFor({ state: 'visible' });
    await dismissNotification(warning);
  });
  await step('find the editor title\'s "Send Customers" button disabled', async () => {
    const button = editorTitleButton(page, 'Send Customers');
    await button.waitFor({ state: 'visible' });
    if ((await button.getAttribute('aria-disabled')) !== 'true') throw new Error('the button is enabled');
  });
  await step(`click the "Send 1 customer to store ${storeHash}" code lens and read the Restricted Mode warning`, async () => {
    await codeLens(page, fileName, `Send 1 customer to store ${storeHash}`).click();
    const warning = notification(page, restrictedWarning);
    await warning.waitFor({ state: 'visible' });
    const message = await notificationMessage(warning);
    if (!message.includes('Trust this workspace to send')) throw new Error(`it says: ${message}`);
    await dismissNotification(warning);
  });

  await step('find that the store received no customers (no POST)', () => {
    const requests = sandbox.requests().slice(requestsBefore);
    const posts = requests.filter((r) => r.method === 'POST');
    if (posts.length)
      throw new Error(`the store received ${posts.map((r) => `POST ${r.path} → ${r.status}, ${r.customersStored} customers stored`).join('; ')}`);
    log(`requests the store received from this session: ${requests.map((r) => `${r.method} ${r.path}?${r.query} → ${r.status}`).join(', ') || 'none'}`);
  });
}
