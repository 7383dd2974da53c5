import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  customerContentKey,
  forgetInJournal,
  MemoryJournalStorage,
  planResume,
  readJournal,
  SendJournal,
  storeIdentity,
  type CustomerOutcome,
  type FileCustomer,
  type JournalCustomer,
} from '../../../src/core/journal';

const store = storeIdentity({ storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.com/' });
const otherStore = storeIdentity({ storeHash: 'xyz789', apiBaseUrl: 'https://api.bigcommerce.com' });

function fileOf(count: number, edit: (i: number) => Record<string, unknown> = () => ({})): FileCustomer[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    value: { email: `c${index}@example.com`, first_name: 'F', last_name: `L${index}`, ...edit(index) },
  }));
}

function named(customer: FileCustomer): JournalCustomer {
  return { index: customer.index, email: (customer.value as { email: string }).email, key: customerContentKey(customer.value) };
}

async function startJournal(storage: MemoryJournalStorage, identity = store): Promise<SendJournal> {
  const text = await storage.read();
  return SendJournal.start(storage, identity, {
    existing: text,
    nextRequest: planResume(readJournal(text).records, identity, []).nextRequest,
    now: () => 1_000,
  });
}

describe('the journal reader', () => {
  it('reads back what was written, and never holds anything but the store hash and the API address of the store', async () => {
    const storage = new MemoryJournalStorage();
    const journal = await startJournal(storage);
    const file = fileOf(3);
    const request = await journal.intent(file.map(named));
    await journal.outcome(request, [{ ...named(file[0]!), result: 'created', id: 101, requestId: 'r-1' }]);
    const { records, damagedLines, tornTail } = readJournal(storage.text);
    assert.deepEqual(
      records.map((r) => r.type),
      ['send', 'intent', 'outcome'],
    );
    assert.deepEqual(records[0], { type: 'send', version: 1, store: 'abc123', api: 'https://api.bigcommerce.com', at: new Date(1_000).toISOString() });
    assert.equal(damagedLines, 0);
    assert.equal(tornTail, false);
  });

  it('ignores a torn last line, and a send after it closes that line first so the next record is whole', async () => {
    const storage = new MemoryJournalStorage();
    const first = await startJournal(storage);
    await first.intent(fileOf(1).map(named));
    storage.text = storage.text.slice(0, -7); // killed while the intent was written
    assert.deepEqual(
      readJournal(storage.text).records.map((r) => r.type),
      ['send'],
    );
    assert.equal(readJournal(storage.text).tornTail, true);

    const second = await startJournal(storage);
    assert.equal(await second.intent(fileOf(1).map(named)), 1, 'the torn intent never counted');
    const read = readJournal(storage.text);
    assert.deepEqual(
      read.records.map((r) => r.type),
      ['send', 'send', 'intent'],
    );
    assert.equal(read.damagedLines, 1);
  });

  it('skips lines that are not records instead of failing', () => {
    const read = readJournal('not json\n{"type":"intent"}\n[1]\n\n');
    assert.deepEqual(read, { records: [], damagedLines: 3, tornTail: false });
  });
});

/** A random journal: sends to one of two stores, requests of up to 10 customers, each given an outcome or cut off. */
const journalScript = fc.array(
  fc.record({
    otherStore: fc.boolean(),
    requests: fc.array(
      fc.record({
        customers: fc.uniqueArray(fc.nat(29), { minLength: 1, maxLength: 10 }),
        outcome: fc.option(
          fc.array(fc.constantFrom<'created' | 'refused' | 'unclear' | 'absent'>('created', 'refused', 'unclear', 'absent'), { minLength: 10, maxLength: 10 }),
          { nil: undefined },
        ),
        message: fc.string({ maxLength: 20 }),
      }),
      { maxLength: 6 },
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

type Script = { otherStore: boolean; requests: { customers: number[]; outcome?: string[] | undefined; message: string }[] }[];

/** Writes the journal a sender would: a customer once settled at a store is never sent there again. */
async function writeScript(script: Script, file: FileCustomer[]): Promise<string> {
  const storage = new MemoryJournalStorage();
  const settled = new Set<string>();
  for (const send of script) {
    const journal = await startJournal(storage, send.otherStore ? otherStore : store);
    for (const { customers, outcome, message } of send.requests) {
      const named_ = customers.filter((i) => !settled.has(`${send.otherStore}/${i}`)).map((i) => named(file[i]!));
      if (named_.length === 0) continue;
      const request = await journal.intent(named_);
      if (!outcome) continue;
      const outcomes: CustomerOutcome[] = [];
      named_.forEach((c, k) => {
        const result = outcome[k];
        if (result === 'created') outcomes.push({ ...c, result, id: 1000 + c.index });
        else if (result === 'refused') outcomes.push({ ...c, result, message, path: '/email' });
        else if (result === 'unclear') outcomes.push({ ...c, result });
        if (result === 'created' || result === 'refused') settled.add(`${send.otherStore}/${c.index}`);
      });
      await journal.outcome(request, outcomes);
    }
  }
  return storage.text;
}

describe('every prefix of a journal is readable (a kill between any two bytes)', () => {
  const file = fileOf(30);

  it('reads exactly the records whose lines are complete, and resuming from any prefix claims nothing the whole journal does not', async () => {
    await fc.assert(
      fc.asyncProperty(journalScript, fc.double({ min: 0, max: 1, noNaN: true }), async (script, cutAt) => {
        const text = await writeScript(script, file);
        const cut = Math.floor(cutAt * text.length);
        const prefix = text.slice(0, cut);
        const whole = readJournal(text).records;
        const read = readJournal(prefix);
        const completeLines = prefix.split('\n').length - 1;
        assert.equal(read.damagedLines, 0);
        // The complete lines, and the last one only if nothing but its newline is missing.
        const wholeTail = text.slice(cut).startsWith('\n') && !prefix.endsWith('\n') && prefix !== '';
        assert.deepEqual(read.records, whole.slice(0, completeLines + (wholeTail ? 1 : 0)));

        const partial = planResume(read.records, store, file);
        const full = planResume(whole, store, file);
        for (const [index, outcome] of partial.settled) {
          // An outcome is final: nothing a later record says changes a settled customer (it is never sent again).
          assert.deepEqual(full.settled.get(index), outcome);
          assert.ok(!partial.interrupted.some((r) => r.indexes.includes(index)));
        }
        // Every customer whose last request to this store has no complete outcome is to be reconciled.
        let ours = false;
        const lastIntent = new Map<number, number>();
        const outcomes = new Set<number>();
        for (const record of read.records) {
          if (record.type === 'send') ours = record.store === store.store && record.api === store.api;
          else if (ours && record.type === 'intent') for (const c of record.customers) lastIntent.set(c.index, record.request);
          else if (ours && record.type === 'outcome') outcomes.add(record.request);
        }
        for (const [index, request] of lastIntent) {
          const interrupted = partial.interrupted.find((r) => r.indexes.includes(index));
          if (!outcomes.has(request)) assert.equal(interrupted?.request, request, `customer ${index} of request ${request} is not reconciled`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a send started on any prefix keeps every complete record and adds its own after them', async () => {
    await fc.assert(
      fc.asyncProperty(journalScript, fc.double({ min: 0, max: 1, noNaN: true }), async (script, cutAt) => {
        const text = await writeScript(script, file);
        const prefix = text.slice(0, Math.floor(cutAt * text.length));
        const before = readJournal(prefix);
        const storage = new MemoryJournalStorage(prefix);
        const journal = await startJournal(storage);
        const request = await journal.intent([named(file[0]!)]);
        const after = readJournal(storage.text);
        assert.deepEqual(after.records.slice(0, before.records.length), before.records);
        assert.deepEqual(
          after.records.slice(before.records.length).map((r) => r.type),
          ['send', 'intent'],
        );
        assert.ok(after.damagedLines <= 1);
        assert.ok(!before.records.some((r) => 'request' in r && r.request >= request), 'a request number was used twice');
      }),
      { numRuns: 300 },
    );
  });
});

describe('resuming from a journal', () => {
  it('skips settled customers, reconciles only requests without an outcome, and forgets customers an outcome leaves out', async () => {
    const storage = new MemoryJournalStorage();
    const journal = await startJournal(storage);
    const file = fileOf(25);
    const first = await journal.intent(file.slice(0, 10).map(named));
    await journal.outcome(first, [
      ...file.slice(0, 8).map((c) => ({ ...named(c), result: 'created' as const, id: 500 + c.index })),
      {
        ...named(file[8]!),
        result: 'refused',
        message: 'Error creating customers: email c8@example.com already in use',
        path: '/email',
        emailInUse: true,
        existingId: 57,
      },
    ]);
    const second = await journal.intent(file.slice(10, 20).map(named));
    const plan = planResume(readJournal(storage.text).records, store, file);
    assert.deepEqual([...plan.settled.keys()], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(plan.settled.get(3), { ...named(file[3]!), result: 'created', id: 503 });
    assert.deepEqual(plan.interrupted, [{ request: second, sentAt: 1_000, indexes: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] }]);
    assert.equal(plan.nextRequest, second + 1);
    assert.equal(plan.created, 8);

    // The refused customer sent again, and the send killed before its outcome: it is asked about, not taken as refused.
    const third = await journal.intent([named(file[8]!)]);
    const again = planResume(readJournal(storage.text).records, store, file);
    assert.equal(again.settled.has(8), false);
    assert.deepEqual(
      again.interrupted.map((r) => [r.request, r.indexes]),
      [
        [second, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]],
        [third, [8]],
      ],
    );
  });

  it('keys customers by content: an edited customer is sent again, the others stay settled, wherever they moved', async () => {
    const storage = new MemoryJournalStorage();
    const journal = await startJournal(storage);
    const file = fileOf(3);
    const request = await journal.intent(file.map(named));
    await journal.outcome(
      request,
      file.map((c) => ({ ...named(c), result: 'created' as const, id: 10 + c.index })),
    );

    // Reordered, re-spaced, keys in another order, one customer edited, one added at the top.
    const edited: FileCustomer[] = [
      { index: 0, value: { email: 'new@example.com', first_name: 'N', last_name: 'N' } },
      { index: 1, value: { last_name: 'L2', first_name: 'F', email: 'c2@example.com' } },
      { index: 2, value: { email: 'c1@example.com', first_name: 'Changed', last_name: 'L1' } },
      { index: 3, value: { email: 'c0@example.com', first_name: 'F', last_name: 'L0' } },
    ];
    const plan = planResume(readJournal(storage.text).records, store, edited);
    assert.deepEqual(
      [...plan.settled.entries()].map(([index, o]) => [index, o.result === 'created' && o.id]),
      [
        [1, 12],
        [3, 10],
      ],
    );
    assert.deepEqual(plan.interrupted, []);
  });

  it('reads only the records of the same store: another store, or the same hash elsewhere, starts afresh', async () => {
    const storage = new MemoryJournalStorage();
    const file = fileOf(3);
    const journal = await startJournal(storage, otherStore);
    const request = await journal.intent(file.slice(0, 2).map(named));
    await journal.outcome(
      request,
      file.slice(0, 2).map((c) => ({ ...named(c), result: 'created' as const, id: 1 })),
    );
    const cut = await journal.intent([named(file[2]!)]);
    assert.equal(planResume(readJournal(storage.text).records, store, file).settled.size, 0);
    assert.deepEqual(planResume(readJournal(storage.text).records, store, file).interrupted, []);
    const elsewhere = storeIdentity({ storeHash: 'xyz789', apiBaseUrl: 'http://127.0.0.1:4010' });
    assert.equal(planResume(readJournal(storage.text).records, elsewhere, file).settled.size, 0);
    assert.equal(planResume(readJournal(storage.text).records, otherStore, file).settled.size, 2);
    assert.deepEqual(
      planResume(readJournal(storage.text).records, otherStore, file).interrupted.map((r) => [r.request, r.indexes]),
      [[cut, [2]]],
    );
  });

  it('asks again about customers whose outcome was unclear, with the time their request left', async () => {
    let now = 5_000;
    const storage = new MemoryJournalStorage();
    const journal = await SendJournal.start(storage, store, { existing: '', nextRequest: 1, now: () => now });
    const file = fileOf(2);
    const request = await journal.intent(file.map(named));
    now = 9_000;
    await journal.outcome(request, [{ ...named(file[0]!), result: 'unclear' }]);
    const plan = planResume(readJournal(storage.text).records, store, file);
    assert.deepEqual(plan.interrupted, [{ request, sentAt: 5_000, indexes: [0] }]);
    assert.equal(plan.settled.size, 0);
  });
});

describe('the content key', () => {
  it('does not depend on key order or spacing, and changes with any value', () => {
    const key = customerContentKey(JSON.parse('{ "email": "a@b.co", "first_name": "A", "n": 1.0 }'));
    assert.equal(key, customerContentKey({ n: 1, first_name: 'A', email: 'a@b.co' }));
    assert.notEqual(key, customerContentKey({ n: 1, first_name: 'a', email: 'a@b.co' }));
    assert.match(key, /^[0-9a-f]{32}$/);
  });
});

describe('forgetting results', () => {
  async function sentAndCreated(storage: MemoryJournalStorage, file: FileCustomer[]): Promise<void> {
    const journal = await startJournal(storage);
    const request = await journal.intent(file.map(named));
    await journal.outcome(
      request,
      file.map((c) => ({ ...named(c), result: 'created' as const, id: 10 + c.index })),
    );
  }

  it('a forgotten customer is settled no more, so the next send sends it again; the others stay', async () => {
    const storage = new MemoryJournalStorage();
    const file = fileOf(3);
    await sentAndCreated(storage, file);
    await forgetInJournal(storage, { storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.com' }, [' C1@Example.com']);
    const plan = planResume(readJournal(storage.text).records, store, file);
    assert.deepEqual([...plan.settled.keys()], [0, 2]);
  });

  it('forgets at its own store only, and a later send settles the customer again', async () => {
    const storage = new MemoryJournalStorage();
    const file = fileOf(2);
    await sentAndCreated(storage, file);
    await forgetInJournal(storage, { storeHash: 'xyz789', apiBaseUrl: 'https://api.bigcommerce.com' }, ['c0@example.com']);
    assert.equal(planResume(readJournal(storage.text).records, store, file).settled.size, 2, 'another store’s forget');
    await forgetInJournal(
      storage,
      { storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.com' },
      file.map((c) => (c.value as { email: string }).email),
    );
    assert.equal(planResume(readJournal(storage.text).records, store, file).settled.size, 0, 'all of the file forgotten');
    await sentAndCreated(storage, file.slice(0, 1));
    assert.deepEqual([...planResume(readJournal(storage.text).records, store, file).settled.keys()], [0]);
  });

  it('closes a line torn by a crash before its record, so both stay apart', async () => {
    const storage = new MemoryJournalStorage();
    await sentAndCreated(storage, fileOf(2));
    storage.text += '{"type":"intent","requ';
    await forgetInJournal(storage, { storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.com' }, ['c0@example.com']);
    const read = readJournal(storage.text);
    assert.equal(read.damagedLines, 1);
    assert.equal(read.records.at(-1)?.type, 'forget');
    assert.deepEqual([...planResume(read.records, store, fileOf(2)).settled.keys()], [1]);
  });
});
