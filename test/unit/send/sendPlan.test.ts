import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analyze';
import { isComplete, planSend, summarizeSend } from '../../../src/core/send/sendPlan';
import type { SendReport } from '../../../src/core/send/sendTypes';

const target = { apiBaseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', accessToken: 'token-1234' };
const file = (n: number) => analyzeText(JSON.stringify(Array.from({ length: n }, (_, i) => ({ email: `C${i}@example.com`, first_name: 'F', last_name: 'L' }))));

describe('planSend', () => {
  it('refuses a file with errors, and a target that is not safe, in the same words for the CLI and the editor', () => {
    const withErrors = planSend({ analysis: analyzeText('[{"email":"a@b.co"}]'), target });
    assert.deepEqual(withErrors, { ok: false, problem: 'errors', errorCount: 2, reason: '2 errors that BigCommerce would reject; nothing was sent.' });
    const unsafe = planSend({ analysis: file(1), target: { ...target, apiBaseUrl: 'http://api.bigcommerce.com' } });
    assert.equal(unsafe.ok ? undefined : unsafe.problem, 'target');
  });

  it('skips customers an earlier send of the file created in this store, not in another', () => {
    const at = '2026-11-28T10:00:00.000Z';
    const plan = planSend({
      analysis: file(3),
      target,
      earlierResults: [
        { email: 'c1@example.com', storeHash: 'abc123', outcome: 'created', id: 7, at },
        { email: 'c2@example.com', storeHash: 'other', outcome: 'created', id: 8, at },
      ],
    });
    assert.ok(plan.ok);
    assert.deepEqual(
      plan.customers.map((c) => c.index),
      [0, 2],
    );
    assert.deepEqual(plan.skipped, [{ index: 1, email: 'c1@example.com', id: 7 }]);
    assert.equal(plan.emails.get(2), 'c2@example.com');
  });
});

describe('summarizeSend', () => {
  it('keeps "skipped" for customers the store has, and "notSent" for those never sent', () => {
    const plan = planSend({ analysis: file(5), target });
    assert.ok(plan.ok);
    const report: SendReport = {
      created: [{ index: 0, id: 100, email: 'C0@example.com' }],
      failed: [
        { index: 1, path: '/1/email', message: 'in use', emailInUse: true, existingId: 57 },
        { index: 2, path: '/2', message: 'may or may not exist', outcomeUnknown: true },
      ],
      notSent: [3, 4],
      requests: 3,
      cancelled: false,
      stopped: { reason: 'The store could not be reached.' },
    };
    const summary = summarizeSend(report, plan, 'abc123');
    assert.deepEqual(summary.skipped, [{ index: 1, email: 'c1@example.com', reason: 'already a customer of store abc123 (id 57)', by: 'store' }]);
    assert.deepEqual(
      summary.failed.map((f) => f.index),
      [2],
    );
    assert.deepEqual(
      summary.notSent.map((n) => [n.index, n.reason]),
      [
        [3, 'not sent: sending stopped before it'],
        [4, 'not sent: sending stopped before it'],
      ],
    );
    assert.equal(summary.stopped, 'The store could not be reached.');
    assert.equal(isComplete(summary), false);
    assert.equal(isComplete({ ...summary, failed: [], notSent: [], stopped: undefined }), true);
  });
});
