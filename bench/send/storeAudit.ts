/** What the sandbox saw and holds after a send: the ground truth, whatever a sender reports. */
import type { SandboxStore } from '../../test/sandbox/store';
import { median } from '../stats';

export interface RequestCounts {
  total: number;
  posts: number;
  lookups: number;
  tooManyRequests: number;
  /** requests the quota had to hold: everything but 429s, which the store does not count */
  counted: number;
}

export interface StoreCheck {
  /** every customer sent is stored exactly once, and nothing else was added */
  exactlyOnce: boolean;
  missing: number;
  duplicated: number;
  unexpected: number;
}

export function countRequests(store: SandboxStore): RequestCounts {
  const requests = store.requests();
  const tooManyRequests = requests.filter((r) => r.status === 429).length;
  return {
    total: requests.length,
    posts: requests.filter((r) => r.method === 'POST').length,
    lookups: requests.filter((r) => r.method === 'GET' && r.query.startsWith('email:in=')).length,
    tooManyRequests,
    counted: requests.length - tooManyRequests,
  };
}

export interface WindowUse {
  /** quota windows the send opened */
  windows: number;
  /** counted requests per window, median: the quota is fully used at `quota` */
  medianPerWindow: number;
}

/** Replays the store's fixed-window rule on the arrival times: a window opens at the first counted request after the last one closed. */
export function windowUse(store: SandboxStore, windowMs: number): WindowUse {
  const perWindow: number[] = [];
  let windowEnd = -Infinity;
  for (const request of store.requests()) {
    if (request.status === 429) continue;
    if (request.at >= windowEnd) {
      windowEnd = request.at + windowMs;
      perWindow.push(0);
    }
    perWindow[perWindow.length - 1]!++;
  }
  return { windows: perWindow.length, medianPerWindow: median(perWindow) };
}

export function checkStoredOnce(store: SandboxStore, sentEmails: readonly string[], seededEmails: readonly string[]): StoreCheck {
  const stored = new Map<string, number>();
  for (const customer of store.customers()) {
    const key = customer.email.trim().toLowerCase();
    stored.set(key, (stored.get(key) ?? 0) + 1);
  }
  let missing = 0;
  let duplicated = 0;
  for (const email of sentEmails) {
    const count = stored.get(email.toLowerCase()) ?? 0;
    if (count === 0) missing++;
    if (count > 1) duplicated++;
  }
  const expected = new Set([...sentEmails, ...seededEmails].map((e) => e.toLowerCase()));
  const unexpected = [...stored.keys()].filter((key) => !expected.has(key)).length;
  return { exactlyOnce: missing === 0 && duplicated === 0 && unexpected === 0, missing, duplicated, unexpected };
}
