import type { Clock } from '../../../src/core/send/clock';

/**
 * A clock whose waits take no real time: each sleep moves the clock on by its
 * length and resolves on the next turn of the event loop, so real I/O (the
 * sandbox store over HTTP) still runs in between. Starts at the real time, so
 * the store's `Date` and `date_created` stay comparable with it.
 */
export class FakeClock implements Clock {
  private time: number;
  /** every wait asked for, in order */
  readonly sleeps: number[] = [];

  constructor(start = Date.now()) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return !signal?.aborted;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * A fake clock for work running side by side: a wait moves the clock to its
 * end, not on by its length, so two waits at once take the time of the
 * longer one, as on a real clock.
 */
export class ParallelFakeClock extends FakeClock {
  override async sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    this.sleeps.push(ms);
    const end = this.now() + Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.advance(Math.max(0, end - this.now()));
    return !signal?.aborted;
  }
}
