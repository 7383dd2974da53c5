import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meaningOfAnswer, meaningOfFailure } from '../../../src/core/send/sendPolicy';

const answer = (status: number, json: unknown = {}, rateLimit = {}) => ({ status, json, isJson: json !== undefined, rateLimit, summary: 'words' });

describe('meaningOfAnswer', () => {
  it('tells every kind of answer apart, without a store', () => {
    assert.deepEqual(meaningOfAnswer(answer(200, { data: [] }), 10), { kind: 'created', data: [] });
    assert.equal(meaningOfAnswer(answer(200, {}), 10).kind, 'unclear');
    assert.deepEqual(meaningOfAnswer(answer(429, {}, { retryAfterMs: 1000, resetMs: 200 }), 10), { kind: 'throttled', waitMs: 1000 });
    assert.deepEqual(meaningOfAnswer(answer(429), 10), { kind: 'throttled' });
    assert.deepEqual(meaningOfAnswer(answer(422), 10), { kind: 'refused' });
    for (const status of [401, 403, 404, 413]) {
      const meaning = meaningOfAnswer(answer(status), 10);
      assert.ok(meaning.kind === 'stop' && !meaning.reconcile && meaning.stop.status === status, String(status));
    }
    assert.equal((meaningOfAnswer(answer(507), 10) as { reconcile: boolean }).reconcile, true, '507 may have stored some');
    for (const status of [500, 502, 503, 504])
      assert.deepEqual(meaningOfAnswer(answer(status), 10), { kind: 'unclear', problem: `answered HTTP ${status} (words)` });
    assert.deepEqual(meaningOfAnswer(answer(400), 10), { kind: 'final', reconcile: false });
    assert.deepEqual(meaningOfAnswer(answer(501), 10), { kind: 'final', reconcile: true });
    assert.deepEqual(meaningOfAnswer({ ...answer(302, undefined), isJson: false }, 10), { kind: 'final', reconcile: true });
  });
});

describe('meaningOfFailure', () => {
  it('a request that never left is unreachable; anything else may have been stored', () => {
    assert.deepEqual(meaningOfFailure({ kind: 'network-error', message: 'the store refused the connection', durationMs: 1, neverSent: true }), {
      kind: 'unreachable',
      problem: 'the store refused the connection',
    });
    assert.equal(meaningOfFailure({ kind: 'network-error', message: 'reset', durationMs: 1 }).kind, 'unclear');
    assert.equal(meaningOfFailure({ kind: 'timeout', message: 'no answer within 30 s', durationMs: 1 }).kind, 'unclear');
  });
});
