import net from 'node:net';
import { parseJsonDocument, type JsonDocument } from '../../../src/core/document/jsonDocument';
import type { StoreTarget } from '../../../src/core/send/storeTarget';
import type { StoreCatalogue } from '../../../src/core/store/catalogueTypes';
import type { CheckerTimers } from '../../../src/core/store/emailChecker';
import type { SandboxStore } from '../../sandbox/store';

export function targetOf(store: Pick<SandboxStore, 'url' | 'storeHash' | 'accessToken'>): StoreTarget {
  return { apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken };
}

/** A loopback address nothing listens on: the port was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function customer(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `c${i}@example.com`, first_name: `First${i}`, last_name: `Last${i}`, channel_ids: [1], ...extra };
}

export function fileOf(customers: Record<string, unknown>[]): JsonDocument {
  return parseJsonDocument(JSON.stringify(customers, null, 2));
}

/** The sandbox's demo store as a loaded catalogue. */
export function demoCatalogue(extra: Partial<StoreCatalogue> = {}): StoreCatalogue {
  return {
    storeHash: 'abc123',
    loadedAt: 0,
    attributes: [
      { id: 1, name: 'Shoe size', type: 'number' },
      { id: 2, name: 'Birthday', type: 'date' },
      { id: 3, name: 'Loyalty tier', type: 'string' },
    ],
    customerGroups: [
      { id: 1, name: 'Retail' },
      { id: 2, name: 'Wholesale' },
    ],
    channels: [
      { id: 1, name: 'Default storefront', type: 'storefront', status: 'active' },
      { id: 2, name: 'Wholesale storefront', type: 'storefront', status: 'active' },
      { id: 3, name: 'Amazon marketplace', type: 'marketplace', status: 'connected' },
    ],
    globalLogins: { 1: true, 2: false, 3: null },
    problems: [],
    ...extra,
  };
}

/** Timers driven by hand: `advance(ms)` runs what falls due, in order. */
export class ManualTimers implements CheckerTimers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { at: this.now + ms, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }

  get waiting(): number {
    return this.pending.size;
  }
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A diagnostic's code as plain text: store codes are not members of `DiagnosticCode` yet. */
export function codeOf(d: { code: string }): string {
  return d.code;
}
