// Cancelling a slow send half-way: what was created keeps its ID, nothing is created twice,
// and the next send creates exactly the rest.
import { checkIdsShown, confirmSend, fixtureCustomers, idsShown, sendSummary, startSendingUntilFirstCreated, storeHash, storeIds } from './sending.mjs';
import { editorTitleButton, runCommand, step } from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

const fileName = 'import-60.bccustomers.json';
/** Extra time the sandbox takes over every request, so that there is time to cancel even on a busy machine. */
const latencyMs = 1_500;

export const title = `UI: cancelling the send of ${fileName} after the first customers keeps their IDs, and the next send creates exactly the rest, each once`;
export const timeoutMs = 150_000;

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { sandbox }) {
  const emails = fixtureCustomers(fileName).customers.map((c) => c.email);
  const total = emails.length;
  sandbox.reset();
  sandbox.setFaults({ random: { rate: 1, kinds: ['slow'] }, slowMs: latencyMs, match: 'any' });

  const progress = await startSendingUntilFirstCreated(page, fileName, total, 45_000);
  await step('click Cancel on the progress notification', () => progress.getByRole('button', { name: 'Cancel' }).click());

  const createdFirst = await step('read that sending was cancelled', async () => {
    const summary = await sendSummary(page, 'Sending was cancelled');
    const created = Number(new RegExp(`^Store ${storeHash}: (\\d+) created`).exec(summary)?.[1]);
    if (!(created > 0 && created < total)) throw new Error(`expected some but not all ${total} created: ${summary}`);
    return created;
  });
  const firstIds = await step(`find exactly those ${createdFirst} customers in the store, once each`, () => {
    const ids = storeIds(sandbox, emails);
    if (ids.size !== createdFirst) throw new Error(`the store holds ${ids.size} of the file's customers, the summary says ${createdFirst} were created`);
    return ids;
  });
  await step('see their IDs inline, and no ID on the customers not sent', async () => checkIdsShown(await idsShown(page, fileName), firstIds));

  sandbox.setFaults(null);
  await step('send again with the "Send Customers" button of the editor\'s title bar', async () => {
    await editorTitleButton(page, 'Send Customers').click();
    const text = await confirmSend(page);
    if (!text.includes(`Create ${total - createdFirst} customers`)) throw new Error(`the dialog asks: ${text}`);
  });
  await step(`read that the other ${total - createdFirst} were created`, async () => {
    const summary = await sendSummary(page, new RegExp(`^Store ${storeHash}: \\d+ created`));
    if (!summary.startsWith(`Store ${storeHash}: ${total - createdFirst} created, ${createdFirst} skipped`)) throw new Error(`the summary says: ${summary}`);
  });
  const allIds = await step(`find all ${total} customers in the store, once each, the first ones unchanged`, () => {
    const ids = storeIds(sandbox, emails);
    if (ids.size !== total) throw new Error(`the store holds ${ids.size} of the file's ${total} customers`);
    for (const [email, id] of firstIds) if (ids.get(email) !== id) throw new Error(`${email} was #${id}, now #${ids.get(email)}`);
    return ids;
  });
  await step('see all their IDs inline', async () => checkIdsShown(await idsShown(page, fileName), allIds));

  await step('send a third time from the Command Palette and read that there is nothing to send', async () => {
    await runCommand(page, 'BigCommerce: Send Customers');
    await sendSummary(page, 'Nothing to send: every customer of this file is already in store');
    if (storeIds(sandbox, emails).size !== total) throw new Error('the store changed');
  });
}
