import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { maxCustomersPerRequest, sendCustomers, type SendProgress } from '../../../src/core/send/sender';
import { systemClock } from '../../../src/core/send/clock';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { nodeTransport } from '../../../src/node/nodeTransport';
import { FakeClock } from './fakeClock';
import { assertEachCustomerOnce, assertReportMatchesStore, customer, customers, fastOptions, postsTo, targetOf, toSend } from './helpers';

const SEEDED_IDS = [55, 56, 57];

describe('sendCustomers against the sandbox store', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 10_000, windowMs: 1_000 });
  });
  after(() => store.close());
  beforeEach(() => store.reset());

  it('reads the per-request limit from the schema', () => {
    assert.equal(maxCustomersPerRequest(), 10);
  });

  it('creates every customer in requests of at most 10, in file order, and maps ids back', async () => {
    const sent = customers(25);
    const options = fastOptions();
    const report = await sendCustomers(targetOf(store), sent, options);

    assert.equal(report.created.length, 25);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.notSent, []);
    assert.equal(report.cancelled, false);
    assert.equal(report.stopped, undefined);
    assert.ok(report.created.every((c) => !c.recovered));
    assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    const posts = postsTo(store);
    assert.deepEqual(
      posts.map((p) => p.customersStored),
      [10, 10, 5],
    );
    const storedOrder = store
      .customers()
      .filter((c) => !SEEDED_IDS.includes(c.id))
      .map((c) => c.email);
    assert.deepEqual(
      storedOrder,
      sent.map((c) => (c.value as { email: string }).email),
      'file order',
    );
    // one log entry per HTTP request, lookups included, never with the token
    assert.equal(options.log.length, store.requests().length);
    assert.equal(report.requests, store.requests().length);
    assert.ok(!JSON.stringify(options.log).includes(store.accessToken));
    assert.ok(options.log.every((e) => e.path.startsWith('/stores/demo123/v3/customers') && !e.path.includes('127.0.0.1')));
    assert.ok(options.log.every((e) => e.rateLimit?.quota === 10_000 && typeof e.requestId === 'string'));
  });

  it('sends only POSTs when asked not to check existing emails first', async () => {
    const report = await sendCustomers(targetOf(store), customers(12), fastOptions({ checkExistingFirst: false }));
    assert.equal(report.created.length, 12);
    assert.deepEqual(
      store.requests().map((r) => r.method),
      ['POST', 'POST'],
    );
  });

  it('reports progress with counts that only grow', async () => {
    const seen: SendProgress[] = [];
    await sendCustomers(targetOf(store), customers(21), fastOptions({ onProgress: (p) => seen.push(p) }));
    assert.ok(seen.length >= 3);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]!.done >= seen[i - 1]!.done && seen[i]!.request >= seen[i - 1]!.request);
    assert.deepEqual({ ...seen.at(-1)!, message: '' }, { done: 21, total: 21, created: 21, failed: 0, request: 3, message: '' });
    assert.match(seen.at(-1)!.message, /^Done: 21 created, 0 failed\.$/);
  });

  it('never sends entries without an email or with a repeated email', async () => {
    const sent = toSend([customer(0), { first_name: 'No', last_name: 'Email' }, customer(2, { email: 'C0@Example.com' }), 'not an object', customer(4)]);
    const report = await sendCustomers(targetOf(store), sent, fastOptions());
    assert.deepEqual(
      report.created.map((c) => c.index),
      [0, 4],
    );
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.path]),
      [
        [1, '/1/email'],
        [2, '/2/email'],
        [3, '/3'],
      ],
    );
    assert.match(report.failed[1]!.message, /\/0 in this file has the same email/);
  });

  describe('answers that stop the whole send', () => {
    it('401: wrong token', async () => {
      const report = await sendCustomers({ ...targetOf(store), accessToken: 'wrong-token' }, customers(15), fastOptions());
      assert.equal(report.stopped?.status, 401);
      assert.match(report.stopped.reason, /access token or store hash is wrong — set the store credentials again/);
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 15 }, (_, i) => i),
      );
      assert.equal(report.requests, 1);
      assert.ok(!JSON.stringify(report).includes('wrong-token'));
    });

    it('403: a read-only token lists customers but cannot create them', async () => {
      store.setScopes(['store_v2_customers_read_only']);
      const report = await sendCustomers(targetOf(store), customers(15), fastOptions());
      assert.equal(report.stopped?.status, 403);
      assert.match(report.stopped.reason, /lacks the Customers modify scope \(store_v2_customers\)/);
      assert.deepEqual(report.notSent.length, 15);
      assert.equal(store.customers().length, 3);
    });

    it('404: a wrong store hash', async () => {
      const report = await sendCustomers({ ...targetOf(store), storeHash: 'nosuchstore' }, customers(3), fastOptions());
      assert.equal(report.stopped?.status, 404);
      assert.match(report.stopped.reason, /store hash/);
    });

    it('413: a request the store finds too large', async () => {
      const huge = customer(0, { notes: 'x'.repeat(6 * 1024 * 1024) });
      const sent = toSend([huge, ...Array.from({ length: 11 }, (_, i) => customer(i + 1))]);
      const report = await sendCustomers(targetOf(store), sent, fastOptions({ timeoutMs: 5_000 }));
      assert.equal(report.stopped?.status, 413);
      assert.match(report.stopped.reason, /at most 10 customers per request/);
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 12 }, (_, i) => i),
      );
      assert.equal(postsTo(store).length, 1);
    });

    it('refuses a target that would send the token unencrypted, before any request', async () => {
      const report = await sendCustomers({ apiBaseUrl: 'http://api.example.com', storeHash: 'abc', accessToken: 't' }, customers(2));
      assert.match(report.stopped!.reason, /unencrypted/);
      assert.equal(report.requests, 0);
      assert.deepEqual(report.notSent, [0, 1]);
    });
  });

  describe('422 answers', () => {
    it('a 422 with only a title: the request is sent one by one before anyone is blamed, and each customer is settled', async () => {
      const titleOnly = await startSandboxStore({ quota: 10_000, windowMs: 1_000, unprocessableWithoutErrors: true });
      try {
        const sent = toSend([customer(0), customer(1, { email: 'taken@example.com' }), customer(2), customer(3, { customer_group_id: 999 }), customer(4)]);
        const report = await sendCustomers(targetOf(titleOnly), sent, fastOptions({ checkExistingFirst: false }));
        assert.deepEqual(
          report.created.map((c) => c.index),
          [0, 2, 4],
        );
        assert.deepEqual(
          report.failed.map((f) => [f.index, f.emailInUse ?? false, f.existingId]),
          [
            [1, true, 57],
            [3, false, undefined],
          ],
        );
        assert.match(report.failed[1]!.message, /Create customers failed/);
        assertEachCustomerOnce(report, 5);
        assertReportMatchesStore(report, titleOnly, sent, SEEDED_IDS);
      } finally {
        await titleOnly.close();
      }
    });

    it('family A: emails already in use are pinned on /i/email and the rest are created', async () => {
      const sent = toSend([
        customer(0),
        customer(1, { email: 'taken@example.com' }),
        customer(2),
        customer(3, { email: 'mixed.case@EXAMPLE.com' }),
        ...Array.from({ length: 8 }, (_, i) => customer(i + 4)),
      ]);
      const report = await sendCustomers(targetOf(store), sent, fastOptions({ checkExistingFirst: false }));

      const refused = store.requests().filter((r) => r.status === 422);
      assert.equal(refused.length, 1, 'the store refused the first batch once');
      const taken = report.failed.find((f) => f.index === 1)!;
      assert.equal(taken.path, '/1/email');
      assert.equal(taken.message, 'Error creating customers: email taken@example.com already in use');
      assert.equal(taken.emailInUse, true);
      assert.equal(taken.existingId, 57);
      assert.equal(taken.status, 422);
      assert.ok(taken.requestId);
      const mixed = report.failed.find((f) => f.index === 3)!;
      assert.deepEqual([mixed.path, mixed.emailInUse, mixed.existingId], ['/3/email', true, 56]);
      assert.equal(report.failed.length, 2);
      assert.equal(report.created.length, 10);
      assert.ok(
        report.created.every((c) => !c.recovered),
        'a refused request created nothing',
      );
      assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    });

    it('with the check before sending, existing emails are reported without a 422', async () => {
      const sent = toSend([customer(0), customer(1, { email: 'TAKEN@example.com' }), customer(2)]);
      const report = await sendCustomers(targetOf(store), sent, fastOptions({ checkExistingFirst: true }));
      assert.equal(store.requests().filter((r) => r.status === 422).length, 0);
      assert.deepEqual(
        report.failed.map((f) => [f.index, f.path, f.emailInUse, f.existingId]),
        [[1, '/1/email', true, 57]],
      );
      assert.match(report.failed[0]!.message, /already exists in the store \(id 57\)/);
      assert.deepEqual(
        postsTo(store).map((p) => p.customersStored),
        [2],
      );
    });

    it('by default, checks emails before each batch only once the store has refused one it already has', async () => {
      const sent = toSend(Array.from({ length: 23 }, (_, i) => (i === 1 ? customer(1, { email: 'taken@example.com' }) : customer(i))));
      const report = await sendCustomers(targetOf(store), sent, fastOptions());
      // batch 1 refused, looked up, sent again without the taken email; batches 2 and 3 checked first
      assert.deepEqual(
        store.requests().map((r) => r.method),
        ['POST', 'GET', 'POST', 'GET', 'POST', 'GET', 'POST'],
      );
      assert.equal(report.created.length, 22);
      assert.deepEqual(
        report.failed.map((f) => [f.index, f.existingId]),
        [[1, 57]],
      );
      assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    });

    it('family A naming no email: sends one by one to find the culprit', async () => {
      const sent = toSend([customer(0), customer(1), customer(2, { customer_group_id: 999 }), customer(3)]);
      const report = await sendCustomers(targetOf(store), sent, fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(
        report.failed.map((f) => [f.index, f.path]),
        [[2, '/2']],
      );
      assert.match(report.failed[0]!.message, /customer group 999 does not exist/);
      assert.deepEqual(
        report.created.map((c) => c.index),
        [0, 1, 3],
      );
      // the batch, then one request per customer
      assert.deepEqual(
        postsTo(store).map((p) => p.status),
        [422, 200, 200, 422, 200],
      );
      assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    });

    it('family C with indexed keys: pinned on the field of the right file entry', async () => {
      const sent = toSend(Array.from({ length: 15 }, (_, i) => customer(i)));
      delete (sent[12]!.value as Record<string, unknown>).first_name;
      (sent[14]!.value as Record<string, unknown>).addresses = [{ first_name: 'A', last_name: 'B', address1: '1 Road', city: 'Town', country_code: 42 }];
      const report = await sendCustomers(targetOf(store), sent, fastOptions());

      assert.deepEqual(
        report.failed.map((f) => [f.index, f.path]),
        [
          [12, '/12/first_name'],
          [14, '/14/addresses/0/country_code'],
        ],
      );
      assert.match(report.failed[0]!.message, /first_name: is required but missing \(the store said: error\.path\.missing\)/);
      assert.equal(report.failed[0]!.status, 422);
      assert.equal(report.created.length, 13);
      assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    });

    it('family C with bare keys: one by one, then pinned', async () => {
      const bare = await startSandboxStore({ errorKeyStyle: 'bare', quota: 10_000 });
      try {
        const sent = toSend(Array.from({ length: 5 }, (_, i) => customer(i)));
        (sent[3]!.value as Record<string, unknown>).email = 42;
        (sent[1]!.value as Record<string, unknown>).last_name = '';
        const report = await sendCustomers(targetOf(bare), sent, fastOptions({ checkExistingFirst: false }));
        // a numeric email is never sent: it cannot be tied to a store record
        assert.deepEqual(
          report.failed.map((f) => [f.index, f.path]),
          [
            [1, '/1/last_name'],
            [3, '/3/email'],
          ],
        );
        assert.deepEqual(
          report.created.map((c) => c.index),
          [0, 2, 4],
        );
        assert.ok(
          bare.requests().some((r) => r.status === 422),
          'the bare-key answer was seen',
        );
      } finally {
        await bare.close();
      }
    });
  });

  describe('rate limits', () => {
    it('paces requests by the headers instead of running into 429s', async () => {
      const tight = await startSandboxStore({ quota: 6, windowMs: 1_200 });
      try {
        const started = Date.now();
        const sent = customers(60);
        // Pacing against the store's real window: the one place that waits on the real clock.
        const report = await sendCustomers(targetOf(tight), sent, fastOptions({ clock: systemClock }));
        const requests = tight.requests();
        assert.equal(report.created.length, 60);
        assert.equal(requests.length, 6, 'one request per 10 customers, more than one window holds');
        assert.equal(requests.filter((r) => r.status === 429).length, 0, 'no 429s');
        assert.ok(Date.now() - started >= 1_200, 'it had to wait for the window to refresh');
      } finally {
        await tight.close();
      }
    });

    it('after a 429 waits the longer of X-Rate-Limit-Time-Reset-Ms and X-Retry-After, and does not look up', async () => {
      store.setFaults({ queue: ['429'] });
      const clock = new FakeClock();
      const report = await sendCustomers(targetOf(store), customers(5), fastOptions({ checkExistingFirst: false, clock }));
      const [limited, retried] = store.requests();
      assert.equal(limited!.status, 429);
      assert.equal(retried!.method, 'POST', 'a 429 stored nothing: no lookup needed');
      assert.deepEqual(clock.sleeps, [1_000], 'waited X-Retry-After (1 s), not the short reset');
      assert.equal(report.created.length, 5);
    });
  });

  describe('faults', () => {
    for (const kind of ['500', '502', '503', 'non-json', 'reset-before-store'] as const) {
      it(`${kind}: asks what exists, then sends again; nothing twice`, async () => {
        store.setFaults({ queue: [kind] });
        const sent = customers(12);
        const report = await sendCustomers(targetOf(store), sent, fastOptions({ checkExistingFirst: false }));
        assert.deepEqual(
          store.requests().map((r) => r.method),
          ['POST', 'GET', 'POST', 'POST'],
          'fault, lookup, retry of the first batch, second batch',
        );
        assert.equal(report.created.length, 12);
        assert.ok(report.created.every((c) => !c.recovered));
        assertReportMatchesStore(report, store, sent, SEEDED_IDS);
      });
    }

    for (const kind of ['reset-after-store', 'slow'] as const) {
      it(`${kind}: customers stored despite no answer are recovered, not created again`, async () => {
        store.setFaults({ queue: [kind], slowMs: 1_000 });
        const sent = customers(12);
        const report = await sendCustomers(targetOf(store), sent, fastOptions({ checkExistingFirst: false, timeoutMs: 300 }));
        assert.deepEqual(
          store.requests().map((r) => r.method),
          ['POST', 'GET', 'POST'],
        );
        assert.equal(report.created.filter((c) => c.recovered).length, 10);
        assert.equal(report.created.length, 12);
        assertReportMatchesStore(report, store, sent, SEEDED_IDS);
      });
    }

    it('gives up on a batch after maxRetryTimeMs, says that re-sending is safe, and stops after two such batches', async () => {
      store.setFaults({ queue: Array.from({ length: 200 }, () => '503' as const) });
      const report = await sendCustomers(
        targetOf(store),
        customers(35),
        fastOptions({ checkExistingFirst: false, maxRetryTimeMs: 250, backoffBaseMs: 40, backoffCapMs: 80 }),
      );
      assert.equal(report.failed.length, 20);
      assert.match(
        report.failed[0]!.message,
        /kept failing \(answered HTTP 503 \(Service Unavailable\)\) for [0-9.]+ s, so this customer was not created\. Nothing is lost: sending again is safe/,
      );
      assert.equal(report.failed[0]!.status, 503);
      assert.match(report.stopped!.reason, /two batches in a row/);
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 15 }, (_, i) => i + 20),
      );
      assert.equal(store.customers().length, 3);
    });
  });

  describe('cancel', () => {
    it('stops before the next request and keeps what is done', async () => {
      const controller = new AbortController();
      const sent = customers(50);
      const report = await sendCustomers(
        targetOf(store),
        sent,
        fastOptions({
          signal: controller.signal,
          onProgress: (p) => {
            if (p.created >= 20) controller.abort();
          },
        }),
      );
      assert.equal(report.cancelled, true);
      assert.deepEqual(
        report.created.map((c) => c.index),
        Array.from({ length: 20 }, (_, i) => i),
      );
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 30 }, (_, i) => i + 20),
      );
      assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    });

    it('a request in flight is finished and reconciled before stopping', async () => {
      store.setFaults({ queue: ['slow'], slowMs: 1_000 });
      const controller = new AbortController();
      const sent = customers(30);
      const report = await sendCustomers(
        targetOf(store),
        sent,
        fastOptions({
          checkExistingFirst: false,
          timeoutMs: 400,
          signal: controller.signal,
          // Cancelled once the first request has left: certain, not a race with a timer.
          transport: (request) => {
            const outcome = nodeTransport(request);
            controller.abort();
            return outcome;
          },
        }),
      );
      assert.equal(report.cancelled, true);
      assert.deepEqual(
        store.requests().map((r) => r.method),
        ['POST', 'GET'],
        'the unclear request was reconciled, nothing else sent',
      );
      assert.equal(report.created.length, 10);
      assert.ok(report.created.every((c) => c.recovered));
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 20 }, (_, i) => i + 10),
      );
      assertEachCustomerOnce(report, 30);
      assertReportMatchesStore(report, store, sent, SEEDED_IDS);
    });
  });
});
