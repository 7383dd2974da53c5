// Sending a file of 25 customers, two of whom the store already has: 23 are created, each
// shows its new ID in the editor, the two refusals show on their email values in the
// Problems panel and together in the send summary, and sending again sends nothing.
// Leaves media/screenshot-send.png.
import { join } from 'node:path';
import { checkIdsShown, confirmSend, fixtureCustomers, idsShown, sendSummary, storeHash, storeIds } from './sending.mjs';
import {
  closeEditor,
  codeLens,
  editorTitleButton,
  problemsOfFile,
  quickOpen,
  renderedLines,
  runCommand,
  scrollToTop,
  showProblems,
  step,
  waitUntil,
} from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'import-25.bccustomers.json';
// Customers of the sandbox's demo data, and so refused.
const alreadyInStore = ['taken@example.com', 'jane.doe@example.com'];
const summaryPattern = new RegExp(`^Store ${storeHash}: \\d+ created`);

const summaryName = `import-25.bccustomers.${storeHash}.send-summary.md`;

export const title = `UI: sending ${fileName} creates its 23 new customers once, shows their IDs inline, the 2 refusals on their emails and grouped in the send summary; sending again sends nothing`;
export const timeoutMs = 150_000;

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { sandbox, mediaDir }) {
  const { customers } = fixtureCustomers(fileName);
  const emails = customers.map((c) => c.email);
  const newEmails = emails.filter((e) => !alreadyInStore.includes(e));
  sandbox.reset();
  const demoIds = new Set(sandbox.customers().map((c) => c.id));

  await step(`open ${fileName} with Quick Open`, () => quickOpen(page, fileName));
  await step('run "BigCommerce: Send Customers" from the Command Palette', () => runCommand(page, 'BigCommerce: Send Customers'));
  await step('confirm "Create 25 customers" with "Send"', async () => {
    const text = await confirmSend(page);
    if (!text.includes(`Create 25 customers in store ${storeHash}?`)) throw new Error(`the dialog asks: ${text}`);
  });
  await step('read the summary', async () => {
    const summary = await sendSummary(page, summaryPattern);
    if (!summary.startsWith(`Store ${storeHash}: 23 created, 2 refused`)) throw new Error(`the summary says: ${summary}`);
  });

  const created = await step('find exactly the 23 new customers in the store, once each', () => {
    const added = sandbox.customers().filter((c) => !demoIds.has(c.id));
    if (added.length !== 23) throw new Error(`the store gained ${added.length} customers: ${added.map((c) => c.email).join(', ')}`);
    const ids = storeIds(sandbox, newEmails);
    const missing = newEmails.filter((e) => !ids.has(e));
    if (missing.length) throw new Error(`not in the store: ${missing.join(', ')}`);
    return ids;
  });
  await step('see each new customer\'s ID inline ("✓ #id"), and none on the refused ones', async () => {
    checkIdsShown(await idsShown(page, fileName), created);
  });

  await step('show the Problems panel', () => showProblems(page));
  for (const email of alreadyInStore) {
    const found = customers.find((c) => c.email === email);
    if (!found) throw new Error(`${fileName} has no customer ${email}`);
    const { line, column } = found;
    await step(`find the refusal of ${email} on its email value (Ln ${line}, Col ${column}) in the Problems panel`, async () => {
      const refusal = await waitUntil(
        async () =>
          (await problemsOfFile(page, fileName)).find((p) => p.message.startsWith(`Store ${storeHash}: `) && p.location.includes(`Ln ${line}, Col ${column}`)),
        {
          timeout: 30_000,
          message: async () =>
            `no problem from the store at Ln ${line}, Col ${column}; listed: ${(await problemsOfFile(page, fileName)).map((p) => `${p.location} ${p.message}`).join(' | ')}`,
        },
      );
      if (!/already (exists|in use)/.test(refusal.message)) throw new Error(`it says: ${refusal.message}`);
    });
  }

  await step('see no "already a customer" warning repeat what the refusals say, nor mark the created customers', () =>
    waitUntil(async () => !(await problemsOfFile(page, fileName)).some((p) => p.message.includes(`is already a customer of store ${storeHash}`)), {
      timeout: 30_000,
      message: async () => `still listed: ${(await problemsOfFile(page, fileName)).map((p) => p.message).join(' | ')}`,
    }),
  );

  await step('take the screenshot of the IDs and the refusals', async () => {
    await scrollToTop(page, fileName);
    await page.screenshot({ path: join(mediaDir, 'screenshot-send.png') });
  });

  await step('open the send summary with the "Summary" code lens at the top', () => codeLens(page, fileName, 'Summary').click());
  try {
    await step('read the two refusals grouped under one reason in the summary, each a link to its customer', async () => {
      // The Markdown editor beside wraps long lines: each line is told by the start of its first row.
      const expected = [
        '**23 created · 2 refused',
        '### A customer with this email',
        ...alreadyInStore.map((email) => `- [customer ${emails.indexOf(email) + 1} · ${email}]`),
      ];
      const shown = async () => (await renderedLines(page, summaryName).catch(() => [])).map((l) => l.text);
      await waitUntil(
        async () => {
          const lines = await shown();
          return expected.every((start) => lines.some((line) => line.startsWith(start))) && lines.filter((line) => line.startsWith('- [customer')).length === 2;
        },
        { timeout: 30_000, message: async () => `the summary shows: ${(await shown()).join(' | ') || 'nothing'}` },
      );
    });
  } finally {
    // Left open, the summary's editor group would take the files the next tests open.
    await step('close the summary', () => closeEditor(page, summaryName)).catch(() => undefined);
  }

  const before = sandbox.customers().length;
  await step('send again with the "Send Customers" button of the editor\'s title bar', () => editorTitleButton(page, 'Send Customers').click());
  await step('read that nothing is to be sent: the 23 created and the 2 the store has are skipped', async () => {
    const summary = await sendSummary(page, 'Nothing to send');
    if (!summary.includes('25 already in this store are skipped')) throw new Error(`it says: ${summary}`);
  });
  await step('find no new customer in the store', () => {
    const after = sandbox.customers().length;
    if (after !== before) throw new Error(`the store went from ${before} to ${after} customers`);
  });
}
