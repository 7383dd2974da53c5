// What the sending UI tests share: the fixtures' customers, the IDs the editor shows next to
// them, what the sandbox store holds, and a send confirmed in its dialog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceFixture } from '../lib/paths.mjs';
import { allEditorLines, answerDialog, codeLens, dismissNotification, notification, notificationMessage, quickOpen, step, waitUntil } from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

export const storeHash = 'demo123';

/**
 * The customers of a workspace fixture with where their email value starts (1-based line
 * and column, as the Problems panel counts). The fixtures put one customer on each line.
 * @param {string} fileName
 */
export function fixtureCustomers(fileName) {
  const text = readFileSync(join(workspaceFixture, fileName), 'utf8');
  const lines = text.split('\n');
  /** @type {{ email: string }[]} */
  const fixture = JSON.parse(text);
  const customers = fixture.map(({ email }) => {
    const index = lines.findIndex((line) => line.includes(`"email": "${email}"`));
    if (index < 0) throw new Error(`${fileName} does not have ${email} on a line of its own`);
    return { email, line: index + 1, column: (lines[index] ?? '').indexOf(`"${email}"`) + 1 };
  });
  return { customers, lastLine: lines.length - (text.endsWith('\n') ? 1 : 0) };
}

/**
 * email → the customer ID the editor shows after its `{` (" ✓ #142 "), for every customer of the file.
 * @param {Page} page
 * @param {string} fileName
 */
export async function idsShown(page, fileName) {
  const { lastLine } = fixtureCustomers(fileName);
  const ids = new Map();
  for (const text of (await allEditorLines(page, fileName, lastLine)).values()) {
    const email = /"email": "([^"]+)"/.exec(text)?.[1];
    const id = /✓ #(\d+)/.exec(text)?.[1];
    if (email && id) ids.set(email, Number(id));
  }
  return ids;
}

/**
 * email → ID of every customer the store holds whose email is one of `emails`; fails on duplicates.
 * @param {import('../lib/sandbox.mjs').SandboxStore} sandbox
 * @param {string[]} emails
 */
export function storeIds(sandbox, emails) {
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  const ids = new Map();
  for (const customer of sandbox.customers()) {
    const email = customer.email.toLowerCase();
    if (!wanted.has(email)) continue;
    if (ids.has(email)) throw new Error(`the store holds ${email} twice (#${ids.get(email)} and #${customer.id})`);
    ids.set(email, customer.id);
  }
  return ids;
}

/**
 * Fails unless the editor shows exactly `expected` (email → ID).
 * @param {Map<string, number>} shown
 * @param {Map<string, number>} expected
 */
export function checkIdsShown(shown, expected) {
  const wrong = [];
  for (const [email, id] of expected)
    if (shown.get(email) !== id) wrong.push(`${email}: store #${id}, editor ${shown.has(email) ? `#${shown.get(email)}` : 'nothing'}`);
  for (const [email, id] of shown) if (!expected.has(email)) wrong.push(`${email}: editor #${id}, but the store did not create it in this send`);
  if (wrong.length) throw new Error(`the IDs shown differ from the store's: ${wrong.join('; ')}`);
}

/**
 * Confirms the send dialog with "Send"; returns its text ("Create N customers in store demo123? …").
 * @param {Page} page
 */
export function confirmSend(page) {
  return answerDialog(page, `in store ${storeHash}?`, 'Send');
}

/**
 * Waits for the notification that ends a send (its summary, matching `pattern`), reads it and closes it.
 * @param {Page} page
 * @param {string | RegExp} pattern
 * @param {number} [timeout]
 */
export async function sendSummary(page, pattern, timeout = 60_000) {
  const toast = notification(page, pattern);
  await toast.waitFor({ state: 'visible', timeout }).catch(async () => {
    const shown = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
    throw new Error(`no notification matching ${pattern} (shown: ${shown.join(' | ') || 'none'})`);
  });
  const message = await notificationMessage(toast);
  await dismissNotification(toast);
  return message;
}

/**
 * Opens `fileName`, starts sending its `total` customers with the code lens, confirms, and waits
 * until the progress notification counts the first created customers; gives that notification.
 * @param {Page} page
 * @param {string} fileName
 * @param {number} total
 * @param {number} timeout
 */
export async function startSendingUntilFirstCreated(page, fileName, total, timeout) {
  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step(`start sending with the "Send ${total} customers" code lens`, async () => {
    await codeLens(page, fileName, `Send ${total} customers to store ${storeHash}`).click();
    await confirmSend(page);
  });
  const progress = notification(page, `Sending customers to store ${storeHash}`);
  await step('wait for the progress notification to count the first created customers', () =>
    waitUntil(async () => Number(/ (\d+) created/.exec(await notificationMessage(progress).catch(() => ''))?.[1]) > 0, {
      timeout,
      message: async () => `the progress notification shows: ${await notificationMessage(progress).catch(() => 'nothing')}`,
    }),
  );
  return progress;
}
