/**
 * Time as a port: the sender, the lookups, the store client and the store reads
 * ask a `Clock` for the time and for waits, so tests run them on a fake clock.
 * `systemClock` uses only what browsers and Node both have.
 */
export interface Clock {
  now: () => number;
  /** Resolves `true` after `ms`, or `false` as soon as `signal` is aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
