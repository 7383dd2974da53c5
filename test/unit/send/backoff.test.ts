import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { seededRandom } from '../../../src/core/random';
import { backoffDelayMs } from '../../../src/core/send/backoff';

describe('backoffDelayMs', () => {
  it('doubles the ceiling per attempt until the cap', () => {
    const top = { baseMs: 100, capMs: 1000, random: () => 0.999999 };
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, top)),
      [99, 199, 399, 799, 999, 999],
    );
  });

  it('uses full jitter: anywhere from 0 up to the ceiling', () => {
    const policy = { baseMs: 100, capMs: 1000 };
    assert.equal(backoffDelayMs(3, { ...policy, random: () => 0 }), 0);
    assert.equal(backoffDelayMs(3, { ...policy, random: () => 0.5 }), 400);
  });

  it('stays within [0, cap] for any attempt and any random value, even broken ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.double(), fc.integer({ min: 1, max: 60_000 }), (attempt, r, cap) => {
        const delay = backoffDelayMs(attempt, { baseMs: 250, capMs: cap, random: () => r });
        return Number.isInteger(delay) && delay >= 0 && delay <= cap;
      }),
    );
  });

  it('is reproducible with a seeded random source', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const policy = (random: () => number) => ({ baseMs: 50, capMs: 5000, random });
    const runA = [0, 1, 2, 3].map((n) => backoffDelayMs(n, policy(a)));
    const runB = [0, 1, 2, 3].map((n) => backoffDelayMs(n, policy(b)));
    assert.deepEqual(runA, runB);
    assert.ok(new Set(Array.from({ length: 50 }, seededRandom(7))).size > 45, 'values vary');
  });
});
