import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  customerContentKey,
  planResume,
  readJournal,
  resultRows,
  resultsCsv,
  resultsJson,
  SendJournal,
  storeIdentity,
  type SettledCustomer,
} from '../../../src/core/journal';
import { FileJournal } from '../../../src/node/fileJournal';

const file = [
  { index: 0, value: { email: 'a@example.com', first_name: 'A', last_name: 'A' } },
  { index: 1, value: { email: 'b@example.com', first_name: 'B', last_name: 'B' } },
  { index: 2, value: { email: 'taken@example.com', first_name: 'T', last_name: 'T' } },
  { index: 3, value: { email: 'd@example.com', first_name: 'D', last_name: 'D' } },
];
const key = (i: number) => customerContentKey(file[i]!.value);
const settled = new Map<number, SettledCustomer>([
  [0, { index: 0, email: 'a@example.com', key: key(0), result: 'created', id: 142, requestId: 'req-1' }],
  [
    1,
    {
      index: 1,
      email: 'b@example.com',
      key: key(1),
      result: 'refused',
      message: 'Error creating customers: customer group 9 does not exist, "quoted", and a comma',
      path: '/customer_group_id',
      requestId: 'req-2',
    },
  ],
  [
    2,
    {
      index: 2,
      email: 'taken@example.com',
      key: key(2),
      result: 'refused',
      message: 'Error creating customers: email taken@example.com already in use',
      path: '/email',
      emailInUse: true,
      existingId: 57,
    },
  ],
]);

describe('send results export', () => {
  const rows = resultRows(file, settled, new Map([[3, 'Sending stopped before this customer.']]));

  it("has one row per customer: the new id, or the refusal in the store's words, and the request id", () => {
    assert.deepEqual(rows, [
      { index: 0, email: 'a@example.com', status: 'created', customerId: 142, requestId: 'req-1' },
      {
        index: 1,
        email: 'b@example.com',
        status: 'refused',
        message: 'Error creating customers: customer group 9 does not exist, "quoted", and a comma',
        requestId: 'req-2',
      },
      { index: 2, email: 'taken@example.com', status: 'exists', customerId: 57, message: 'Error creating customers: email taken@example.com already in use' },
      { index: 3, email: 'd@example.com', status: 'not created', message: 'Sending stopped before this customer.' },
    ]);
  });

  it('writes CSV with a header and quoting a spreadsheet reads back', () => {
    assert.equal(
      resultsCsv(rows),
      [
        'index,email,status,customer_id,message,request_id',
        '0,a@example.com,created,142,,req-1',
        '1,b@example.com,refused,,"Error creating customers: customer group 9 does not exist, ""quoted"", and a comma",req-2',
        '2,taken@example.com,exists,57,Error creating customers: email taken@example.com already in use,',
        '3,d@example.com,not created,,Sending stopped before this customer.,',
        '',
      ].join('\n'),
    );
  });

  it("writes CSV that a CSV reader reads back field for field, whatever the store's words", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (message, requestId) => {
        const row = { index: 7, email: 'a@example.com', status: 'refused' as const, message, requestId };
        const read = Papa.parse<string[]>(resultsCsv([row]).slice(0, -1), { newline: '\n' }).data;
        assert.deepEqual(read, [
          ['index', 'email', 'status', 'customer_id', 'message', 'request_id'],
          ['7', 'a@example.com', 'refused', '', message, requestId],
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes JSON that parses back to the rows', () => {
    assert.deepEqual(JSON.parse(resultsJson(rows)), rows);
  });
});

describe('the file journal', () => {
  it('appends durably, reads back, is private to its owner, and a send after a torn write goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bccustomers-journal-'));
    const path = join(dir, 'import.bccustomers.json.journal');
    const storage = new FileJournal(path);
    assert.equal(await storage.read(), '');
    const store = storeIdentity({ storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.com' });
    const journal = await SendJournal.start(storage, store, { existing: '', nextRequest: 1 });
    const request = await journal.intent([{ index: 0, email: 'a@example.com', key: key(0) }]);
    await journal.outcome(request, [{ ...settled.get(0)! }]);
    await storage.close();
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(planResume(readJournal(await storage.read()).records, store, file).settled.get(0)?.result, 'created');

    writeFileSync(path, readFileSync(path, 'utf8') + '{"type":"intent","req'); // a kill during the next write
    const again = new FileJournal(path);
    const text = await again.read();
    const next = await SendJournal.start(again, store, { existing: text, nextRequest: planResume(readJournal(text).records, store, file).nextRequest });
    assert.equal(await next.intent([{ index: 1, email: 'b@example.com', key: key(1) }]), 2);
    await again.close();
    const read = readJournal(readFileSync(path, 'utf8'));
    assert.deepEqual(
      read.records.map((r) => r.type),
      ['send', 'intent', 'outcome', 'send', 'intent'],
    );
    assert.equal(read.damagedLines, 1);
  });
});
