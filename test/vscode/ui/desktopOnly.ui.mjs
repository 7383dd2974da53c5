// In the browser's web worker extension host the store's commands stay in the Command
// Palette, and each explains that it needs VS Code on the desktop: no token is asked for,
// nothing fails silently. The status bar says the same where the desktop shows the store.
import { closeEditor, dismissNotification, notification, notificationMessage, quickOpen, runCommand, statusBarItem, step } from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'customers.bccustomers.json';
const commands = ['Send Customers', 'Preview Send', 'Test Connection', 'Set Store Credentials'];

export const title =
  'UI, web worker host: Send Customers, Preview Send, Test Connection and Set Store Credentials explain that sending needs VS Code on the desktop';
export const phase = 'web';

/**
 * @param {Page} page
 */
export async function run(page) {
  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step('see "Desktop only" in the status bar', () => statusBarItem(page, 'Desktop only').waitFor({ state: 'visible' }));
  for (const command of commands) {
    await step(`run "BigCommerce: ${command}" and read its explanation`, async () => {
      await runCommand(page, `BigCommerce: ${command}`);
      const toast = notification(page, 'need VS Code on the desktop');
      await toast.waitFor({ state: 'visible' });
      const message = await notificationMessage(toast);
      if (!message.includes('bccustomers CLI')) throw new Error(`it says: ${message}`);
      if (await page.locator('.quick-input-widget').isVisible()) throw new Error('an input box opened');
      await dismissNotification(toast);
    });
  }
  await step('close the file', () => closeEditor(page, fileName));
}
