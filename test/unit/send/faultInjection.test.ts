import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '../../../src/core/random';
import { sendCustomers } from '../../../src/core/send/sender';
import { startSandboxStore, type FaultKind, type SandboxStore } from '../../sandbox/store';
import { assertEachCustomerOnce, assertReportMatchesStore, customer, targetOf, toSend } from './helpers';

const ALL_FAULTS: FaultKind[] = ['429', '500', '502', '503', 'reset-before-store', 'reset-after-store', 'slow', 'non-json'];

describe('fault injection', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, windowMs: 1_000, seed: 20260 });
  });
  after(() => store.close());

  for (const checkExistingFirst of [true, false]) {
    it(`520 customers through random faults of every kind: none lost, none twice, report = store (check first: ${checkExistingFirst})`, async () => {
      store.reset();
      store.setFaults({ random: { rate: 0.3, kinds: ALL_FAULTS }, match: 'any', slowMs: 1_000 });
      const values: unknown[] = Array.from({ length: 520 }, (_, i) => customer(i));
      values[7] = customer(7, { email: 'taken@example.com' }); // already in the store
      values[333] = customer(333, { email: 'MIXED.CASE@example.com' }); // already in the store, other case
      const sent = toSend(values);

      const report = await sendCustomers(targetOf(store), sent, {
        timeoutMs: 300,
        maxRetryTimeMs: 30_000,
        backoffBaseMs: 5,
        backoffCapMs: 50,
        random: seededRandom(3),
        checkExistingFirst,
      });

      assert.equal(report.stopped, undefined, report.stopped?.reason);
      assert.equal(report.cancelled, false);
      assert.deepEqual(report.notSent, []);
      assertEachCustomerOnce(report, 520);
      assert.deepEqual(
        report.failed.map((f) => [f.index, f.path, f.emailInUse, f.existingId]),
        [
          [7, '/7/email', true, 57],
          [333, '/333/email', true, 56],
        ],
      );
      assert.equal(report.created.length, 518);
      assertReportMatchesStore(report, store, sent, [55, 56, 57]);
      assert.equal(store.customers().length, 3 + 518);

      // the run really met every fault, and some customers were only found by asking
      const faults = new Set(
        store
          .requests()
          .map((r) => r.fault)
          .filter(Boolean),
      );
      assert.deepEqual([...faults].sort(), [...ALL_FAULTS].sort());
      assert.ok(
        report.created.some((c) => c.recovered),
        'some customers were recovered by lookup',
      );
      if (checkExistingFirst) {
        const refused = store.requests().filter((r) => r.method === 'POST' && r.status === 422);
        assert.equal(refused.length, 0, 'checking first finds the existing emails without a refused request');
      }
    });
  }
});
