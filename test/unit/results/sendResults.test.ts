import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonDocument } from '../../../src/core/document/jsonDocument';
import { analyzeText } from '../../../src/core/analyze';
import { attachResults, customersInRange, emailsSentBefore, mergeResults, readStoredResults, resultsFromReport } from '../../../src/core/results/sendResults';
import type { SendReport } from '../../../src/core/send/sendTypes';

const at = '2026-11-28T10:00:00.000Z';
const emails = new Map([
  [0, 'ada@example.com'],
  [1, 'taken@example.com'],
  [2, 'grace@example.com'],
]);
const report: SendReport = {
  created: [{ index: 0, id: 142, email: 'Ada@example.com' }],
  failed: [
    { index: 1, path: '/1/email', message: 'Error creating customers: email taken@example.com already in use', emailInUse: true, requestId: 'req-1' },
    { index: 2, path: '/2/addresses/0/country_code', message: 'country_code is invalid', more: [{ path: '/2/phone', message: 'phone is too long' }] },
  ],
  notSent: [],
  requests: 2,
  cancelled: false,
};

describe('send results', () => {
  it('keeps each outcome by email, with problems relative to the customer', () => {
    assert.deepEqual(resultsFromReport(report, emails, 'abc123', at), [
      { email: 'ada@example.com', storeHash: 'abc123', outcome: 'created', id: 142, at },
      {
        email: 'taken@example.com',
        storeHash: 'abc123',
        outcome: 'failed',
        problems: [{ path: '/email', message: 'Error creating customers: email taken@example.com already in use' }],
        at,
        requestId: 'req-1',
      },
      {
        email: 'grace@example.com',
        storeHash: 'abc123',
        outcome: 'failed',
        problems: [
          { path: '/addresses/0/country_code', message: 'country_code is invalid' },
          { path: '/phone', message: 'phone is too long' },
        ],
        at,
      },
    ]);
  });

  it('lets a newer result replace an older one of the same store and email only', () => {
    const [created, refused] = resultsFromReport(report, emails, 'abc123', at);
    const again = { ...refused!, outcome: 'created' as const, id: 143, problems: undefined };
    const otherStore = { ...created!, storeHash: 'xyz789' };
    assert.deepEqual(mergeResults([created!, refused!], [again, otherStore]), [created, again, otherStore]);
  });

  it("finds each result's customer by email after edits above it, whatever the case of the email", () => {
    const results = resultsFromReport(report, emails, 'abc123', at);
    const doc = parseJsonDocument(JSON.stringify([{ email: 'new@example.com' }, { email: 'GRACE@example.com' }, { email: 'ada@example.com' }]));
    assert.deepEqual(
      attachResults(doc, results, 'abc123').map(({ index, result }) => [index, result.email, result.outcome]),
      [
        [1, 'grace@example.com', 'failed'],
        [2, 'ada@example.com', 'created'],
      ],
    );
    assert.deepEqual(attachResults(doc, results, 'xyz789'), []);
  });

  it('knows which emails a send already explains: created, or refused on the email', () => {
    const results = resultsFromReport(report, emails, 'abc123', at);
    assert.deepEqual([...emailsSentBefore(results, 'abc123')].sort(), ['ada@example.com', 'taken@example.com']);
    assert.deepEqual([...emailsSentBefore(results, 'xyz789')], []);
  });
});

describe('readStoredResults', () => {
  it('keeps well-formed results and drops damaged entries instead of throwing', () => {
    const good = { email: 'ada@example.com', storeHash: 'abc123', outcome: 'created', id: 142, at };
    const failed = { email: 'grace@example.com', storeHash: 'abc123', outcome: 'failed', problems: [{ path: '/email', message: 'in use' }], at };
    const raw = {
      'file:///a.bccustomers.json': [
        good,
        null,
        42,
        { email: 'x@example.com' },
        { ...good, outcome: 'created', id: '7' },
        failed,
        { ...failed, problems: [null] },
      ],
      'file:///b.bccustomers.json': 'not a list',
      'file:///c.bccustomers.json': [{}],
    };
    const read = readStoredResults(raw);
    assert.doesNotThrow(() => attachResults(parseJsonDocument('[{"email":"ada@example.com"}]'), read['file:///a.bccustomers.json']!, 'abc123'));
    assert.deepEqual(read, { 'file:///a.bccustomers.json': [good, failed] });
    for (const damaged of [undefined, null, 'text', 3, [1, 2], { 'file:///x': 5 }]) assert.deepEqual(readStoredResults(damaged), {});
  });
});

describe('customersInRange', () => {
  const values = Array.from({ length: 50 }, (_, i) => ({ email: `C${i}@example.com`, first_name: `F${i}` }));
  const text = JSON.stringify(values, null, 2);
  const offsetOf = (i: number) => text.indexOf(`"C${i}@example.com"`);

  for (const [kind, doc] of [
    ['the check’s spans', analyzeText(text).document],
    ['the tree', parseJsonDocument(text)],
  ] as const) {
    it(`finds only the customers the range meets, from ${kind}`, () => {
      const found = customersInRange(doc, offsetOf(20), offsetOf(22));
      assert.deepEqual(
        found.map((c) => [c.index, c.email]),
        [20, 21, 22].map((i) => [i, `c${i}@example.com`]),
      );
      assert.equal(text[found[0]!.node.offset], '{');
      assert.deepEqual(
        customersInRange(doc, 0, 1).map((c) => c.index),
        [],
        'the array\'s "[" alone',
      );
      assert.deepEqual(
        customersInRange(doc, 0, text.indexOf('{')).map((c) => c.index),
        [0],
      );
      assert.deepEqual(
        customersInRange(doc, text.length - 2, text.length).map((c) => c.index),
        [49],
      );
    });
  }

  it('keeps to the range without looking at the customers outside it', () => {
    const doc = analyzeText(text).document;
    assert.ok(doc.customers, 'a strict-JSON body has its customers’ spans');
    const looked = new Set<number>();
    const watched = { ...doc, customers: { ...doc.customers, starts: watch(doc.customers.starts, looked), ends: watch(doc.customers.ends, looked) } };
    customersInRange(watched, offsetOf(30), offsetOf(30));
    assert.ok(looked.size <= 2 * Math.ceil(Math.log2(50)) + 2, `read ${looked.size} of 50 customers' offsets`);
  });
});

function watch(offsets: number[], looked: Set<number>): number[] {
  return new Proxy(offsets, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) looked.add(Number(property));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
