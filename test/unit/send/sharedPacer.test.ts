import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendCustomers, type SendOptions } from '../../../src/core/send/sender';
import { StorePacers } from '../../../src/core/send/storePacers';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { ParallelFakeClock } from './fakeClock';
import { customer, fastOptions, targetOf, toSend } from './helpers';

const quota = 20;
const windowMs = 1_000;

/** Two sends of 150 customers each to one store at once; the store's quota windows run on the same fake clock. */
async function twoSendsAtOnce(pacers: (clock: ParallelFakeClock) => [SendOptions, SendOptions]): Promise<{ store: SandboxStore; created: number }> {
  const clock = new ParallelFakeClock();
  const store = await startSandboxStore({ quota, windowMs, now: () => clock.now() });
  const file = (from: number) => toSend(Array.from({ length: 150 }, (_, i) => customer(from + i)));
  const [first, second] = pacers(clock);
  const reports = await Promise.all([
    sendCustomers(targetOf(store), file(0), fastOptions({ clock, checkExistingFirst: false, ...first })),
    sendCustomers(targetOf(store), file(1_000), fastOptions({ clock, checkExistingFirst: false, ...second })),
  ]);
  return { store, created: reports.reduce((sum, r) => sum + r.created.length, 0) };
}

/** The most requests the store counted in any one of its windows (a window opens at the first request after the last one ended). */
function busiestWindow(store: SandboxStore): number {
  let start = -Infinity;
  let count = 0;
  let most = 0;
  for (const { at } of store.requests()) {
    if (at >= start + windowMs) {
      start = at;
      count = 0;
    }
    most = Math.max(most, ++count);
  }
  return most;
}

describe('two sends to one store share its pacer', () => {
  it('together they stay within the quota: no 429, no window over it', async () => {
    const { store, created } = await twoSendsAtOnce((clock) => {
      const pacer = new StorePacers(() => clock.now()).pacerFor('demo123');
      return [{ pacer }, { pacer }];
    });
    try {
      assert.equal(created, 300);
      assert.equal(store.requests().filter((r) => r.status === 429).length, 0);
      assert.ok(busiestWindow(store) <= quota, `at most ${quota} requests in a window, saw ${busiestWindow(store)}`);
    } finally {
      await store.close();
    }
  });
});

describe('StorePacers', () => {
  it('spaces two clients that ask at the same moment one after the other, not both at once', () => {
    let now = 1_000_000;
    const pacer = new StorePacers(() => now).pacerFor('abc');
    pacer.observe({ left: 107, quota: 150, resetMs: 20_000, windowMs: 30_000 });
    // 99 usable requests in 20 s: one every 200 ms, whoever makes them
    assert.deepEqual([pacer.reserveStart(), pacer.reserveStart(), pacer.reserveStart()], [200, 400, 600]);
    now += 200;
    pacer.requestStarted(); // the first leaves; the later starts stay taken
    assert.equal(pacer.reserveStart(), 600);
  });

  it('gives one pacer per store', () => {
    const pacers = new StorePacers();
    assert.equal(pacers.pacerFor('abc'), pacers.pacerFor('abc'));
    assert.notEqual(pacers.pacerFor('abc'), pacers.pacerFor('xyz'));
  });
});
