import { RateLimitPacer } from './rateLimit';

/**
 * One pacer per store: every send and read of a store made from one place
 * (a VS Code window) draws on the same quota, so they are paced together.
 */
export class StorePacers {
  private readonly pacers = new Map<string, RateLimitPacer>();

  constructor(private readonly now: () => number = Date.now) {}

  pacerFor(storeHash: string): RateLimitPacer {
    let pacer = this.pacers.get(storeHash);
    if (!pacer) {
      pacer = new RateLimitPacer(this.now);
      this.pacers.set(storeHash, pacer);
    }
    return pacer;
  }
}
