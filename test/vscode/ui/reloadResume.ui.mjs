// A send interrupted by a window reload is found again: on reopening, the editor says how far
// it got and offers to resume, and resuming creates exactly the rest, each customer once.
import { checkIdsShown, confirmSend, fixtureCustomers, idsShown, sendSummary, startSendingUntilFirstCreated, storeHash, storeIds } from './sending.mjs';
import { codeLens, editorOf, notification, notificationMessage, quickOpen, reloadWindow, scrollToTop, step } from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'reload-60.bccustomers.json';
/** Extra time the sandbox takes over every create request, so that the reload lands in the middle of the send. */
const latencyMs = 2_500;

export const title = `UI: reloading the window while ${fileName} is being sent, then Resume on reopening, creates exactly the rest, each once`;
export const timeoutMs = 180_000;

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { sandbox, timeouts }) {
  const emails = fixtureCustomers(fileName).customers.map((c) => c.email);
  const total = emails.length;
  sandbox.setFaults({ random: { rate: 1, kinds: ['slow'] }, slowMs: latencyMs, match: 'POST /v3/customers' });

  await startSendingUntilFirstCreated(page, fileName, total, 60_000);

  await step('reload the window in the middle of the send ("Developer: Reload Window")', () => reloadWindow(page, timeouts.workbench));

  await step(`open ${fileName} (Quick Open, unless the window restored it)`, async () => {
    if (!(await editorOf(page, fileName).isVisible())) await quickOpen(page, fileName);
  });
  const offer = notification(page, `A send of this file to ${storeHash} stopped after`);
  const settled = await step('read the offer to resume: how many customers of the file the stopped send settled', async () => {
    await offer.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await notificationMessage(offer);
    const createdBefore = storeIds(sandbox, emails).size;
    if (!(createdBefore > 0 && createdBefore < total))
      throw new Error(`expected some but not all ${total} created before the reload, the store holds ${createdBefore}`);
    const match = new RegExp(`stopped after (\\d+) of ${total} customers\\. Resume\\?`).exec(text);
    const count = Number(match?.[1]);
    // The request in flight at the reload may have been stored without its answer being recorded.
    if (!(count > 0 && count <= createdBefore && createdBefore - count <= 10)) throw new Error(`the offer says: ${text}; the store holds ${createdBefore}`);
    return count;
  });
  sandbox.setFaults(null);
  await step('click Resume and confirm the send of the rest', async () => {
    await offer.getByRole('button', { name: 'Resume' }).click();
    const text = await confirmSend(page);
    if (!text.includes(`Create ${total - settled} customers`)) throw new Error(`the dialog asks: ${text}`);
  });
  await step(`read that the other ${total - settled} were created and the first ${settled} skipped`, async () => {
    const summary = await sendSummary(page, new RegExp(`^Store ${storeHash}: \\d+ created`), 120_000);
    if (!summary.startsWith(`Store ${storeHash}: ${total - settled} created, ${settled} skipped`)) throw new Error(`the summary says: ${summary}`);
  });
  const allIds = await step(`find all ${total} customers in the store, once each`, () => {
    const ids = storeIds(sandbox, emails);
    if (ids.size !== total) throw new Error(`the store holds ${ids.size} of the file's ${total} customers`);
    return ids;
  });
  await step('see all their IDs inline', async () => checkIdsShown(await idsShown(page, fileName), allIds));
  await step(`see the summary code lens "${total} created · 0 refused · Export results" at the top`, async () => {
    await scrollToTop(page, fileName);
    await codeLens(page, fileName, `${total} created · 0 refused · Export results`).waitFor({ state: 'visible', timeout: 30_000 });
  });
}
