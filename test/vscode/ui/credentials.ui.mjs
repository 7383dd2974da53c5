// A new user sets the store's credentials: the command's three steps in the Command
// Palette, and the store in the status bar afterwards.
import { storeHash } from './sending.mjs';
import {
  answerInputBox,
  dismissNotification,
  notification,
  pickQuickItem,
  quickInputTitled,
  quickOpen,
  runCommand,
  statusBarItem,
  step,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'customers.bccustomers.json';

export const title = `UI: "BigCommerce: Set Store Credentials" through its input boxes puts store ${storeHash} in the status bar`;

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { sandbox }) {
  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step('see "No store" in the status bar', () => statusBarItem(page, 'No store').waitFor({ state: 'visible' }));

  await step('run "BigCommerce: Set Store Credentials" from the Command Palette', () => runCommand(page, 'BigCommerce: Set Store Credentials'));
  await step(`type the store hash ${storeHash}`, () => answerInputBox(page, '(1/3)', storeHash));
  await step('type the access token into a password box', async () => {
    const box = await quickInputTitled(page, '(2/3)');
    const type = await box.locator('input.input').getAttribute('type');
    if (type !== 'password') throw new Error(`the token box is of type "${type}", so the token would show on screen`);
    await answerInputBox(page, '(2/3)', sandbox.accessToken);
  });
  await step('pick "Test or sandbox store"', () => pickQuickItem(page, '(3/3)', 'Test or sandbox store'));

  await step(`see ${storeHash} in the status bar`, () => statusBarItem(page, storeHash).waitFor({ state: 'visible' }));
  await step('read the confirmation', async () => {
    const toast = notification(page, `Store ${storeHash} saved and selected`);
    await toast.waitFor({ state: 'visible' });
    await dismissNotification(toast);
  });
}
