import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { MemoryJournalStorage, readJournal, readResumePlan, startJournaledSend, withEarlierSends } from '../../../src/core/journal';
import { summarizeSend } from '../../../src/core/send/sendPlan';
import { sendCustomers, type SendOptions } from '../../../src/core/send/sender';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { customers, fastOptions, postsTo, targetOf } from '../send/helpers';

/** One send of `file` that reads and writes `storage`, as the CLI and the extension do. */
async function journaledSend(store: SandboxStore, storage: MemoryJournalStorage, file = customers(25), options: SendOptions = {}) {
  const send = await startJournaledSend(storage, targetOf(store), file);
  const requestsBefore = store.requests().length;
  const report = await sendCustomers(targetOf(store), send.toSend, fastOptions({ ...options, ...send.sendOptions }));
  return { send, report, requests: store.requests().slice(requestsBefore) };
}

/** The journal as a kill would leave it: everything up to and including the line that starts with `stopAt`'s n-th match. */
function cutAfter(text: string, type: 'intent' | 'outcome', nth: number): string {
  const lines = text.split('\n');
  let seen = 0;
  const end = lines.findIndex((line) => line.startsWith(`{"type":"${type}"`) && ++seen === nth);
  return lines.slice(0, end + 1).join('\n') + '\n';
}

describe('a send that resumes from its journal (sandbox store)', () => {
  let store: SandboxStore;
  let seeded = 0;
  const createdInStore = () => store.customers().length - seeded;
  before(async () => {
    store = await startSandboxStore({ quota: 1000, windowMs: 1000 });
  });
  beforeEach(() => {
    store.reset();
    seeded = store.customers().length;
  });
  after(() => store.close());

  it('writes an intent before every create request and an outcome after it; sent again, it makes no request', async () => {
    const storage = new MemoryJournalStorage();
    const first = await journaledSend(store, storage);
    assert.equal(first.report.created.length, 25);
    const types = readJournal(storage.text).records.map((r) => r.type);
    assert.deepEqual(types, ['send', 'intent', 'outcome', 'intent', 'outcome', 'intent', 'outcome']);

    const again = await journaledSend(store, storage);
    assert.equal(again.send.plan.settled.size, 25);
    assert.deepEqual(again.requests, []);
    assert.equal(createdInStore(), 25);
  });

  it('after a kill between a request and its outcome, asks about that request alone and creates nothing twice', async () => {
    const storage = new MemoryJournalStorage();
    await journaledSend(store, storage);
    storage.text = cutAfter(storage.text, 'intent', 3); // the store created #21–#25, the outcome was never written

    const resumed = await journaledSend(store, storage);
    assert.equal(resumed.send.plan.settled.size, 20);
    assert.deepEqual(
      resumed.send.plan.interrupted.map((r) => r.indexes),
      [[20, 21, 22, 23, 24]],
    );
    assert.deepEqual(
      resumed.requests.map((r) => `${r.method} ${r.query.startsWith('email:in') ? 'lookup' : ''}`),
      ['GET lookup'],
    );
    assert.deepEqual(
      resumed.report.created.map((c) => [c.index, c.recovered]),
      [20, 21, 22, 23, 24].map((i) => [i, true]),
    );
    assert.equal(createdInStore(), 25);
    assert.equal((await readResumePlan(storage, targetOf(store), customers(25))).settled.size, 25);
  });

  it('after a kill before the request reached the store, looks up that request and sends it once', async () => {
    const storage = new MemoryJournalStorage();
    const file = customers(25);
    await journaledSend(store, storage, file.slice(0, 20));
    const { sendOptions } = await startJournaledSend(storage, targetOf(store), file);
    await sendOptions.journal.requestStarting(
      file.slice(20).map((c) => ({ index: c.index, value: c.value, email: (c.value as { email: string }).email, key: (c.value as { email: string }).email })),
    );

    const resumed = await journaledSend(store, storage, file);
    assert.deepEqual(
      resumed.requests.map((r) => r.method),
      ['GET', 'POST'],
    );
    assert.equal(postsTo(store).length, 3);
    assert.deepEqual(
      resumed.report.created.map((c) => [c.index, c.recovered]),
      [20, 21, 22, 23, 24].map((i) => [i, undefined]),
    );
    assert.equal(createdInStore(), 25);
  });

  it('writes down the customers a lookup found in the store already, so the next send neither sends nor asks about them', async () => {
    const storage = new MemoryJournalStorage();
    const file = customers(3);
    await sendCustomers(targetOf(store), [file[1]!], fastOptions()); // another tool created this one
    const first = await journaledSend(store, storage, file, { checkExistingFirst: true });
    assert.deepEqual(
      first.report.failed.map((f) => [f.index, f.emailInUse]),
      [[1, true]],
    );
    assert.deepEqual(
      first.requests.map((r) => r.method),
      ['GET', 'POST'],
      'one lookup, then the two that were not there',
    );

    const again = await journaledSend(store, storage, file, { checkExistingFirst: true });
    const found = again.send.plan.settled.get(1);
    assert.equal(found?.result === 'refused' && found.emailInUse, true);
    assert.equal(again.send.plan.inStore, 3);
    assert.deepEqual(again.send.toSend, []);
    assert.deepEqual(again.requests, [], 'nothing sent, nothing asked');
    assert.equal(createdInStore(), 3);
    const summary = summarizeSend(
      again.report,
      withEarlierSends({ ok: true, customers: file, emails: new Map(), skipped: [] }, again.send.plan),
      store.storeHash,
    );
    assert.deepEqual(
      summary.skipped.map((s) => [s.index, s.by, s.reason.startsWith(`already a customer of store ${store.storeHash}`)]),
      [
        [0, 'earlier-send', false],
        [1, 'store', true],
        [2, 'earlier-send', false],
      ],
    );
  });

  it('keeps what the store refused, in its words, and sends it again: the store may have changed', async () => {
    const storage = new MemoryJournalStorage();
    const file = customers(3);
    (file[1]!.value as Record<string, unknown>).customer_group_id = 9;
    const first = await journaledSend(store, storage, file);
    assert.equal(first.report.failed.length, 1);
    const again = await journaledSend(store, storage, file);
    const refused = again.send.plan.settled.get(1);
    assert.equal(refused?.result === 'refused' && refused.message, first.report.failed[0]!.message);
    assert.deepEqual(
      again.send.toSend.map((c) => c.index),
      [1],
    );
    assert.deepEqual(again.requests.filter((r) => r.method === 'POST').length, 1);
    assert.equal(again.report.failed[0]?.message, first.report.failed[0]!.message);
  });
});
