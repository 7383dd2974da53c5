import assert from 'node:assert/strict';
import { seededRandom } from '../../../src/core/random';
import type { CustomerToSend, RequestLogEntry, SendOptions, SendReport } from '../../../src/core/send/sender';
import type { StoreTarget } from '../../../src/core/send/storeTarget';
import { nodeTransport } from '../../../src/node/nodeTransport';
import { FakeClock } from './fakeClock';
import type { SandboxStore } from '../../sandbox/store';

export function customer(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `c${i}@example.com`, first_name: `First${i}`, last_name: `Last${i}`, ...extra };
}

export function toSend(values: unknown[]): CustomerToSend[] {
  return values.map((value, index) => ({ index, value }));
}

export function customers(count: number): CustomerToSend[] {
  return toSend(Array.from({ length: count }, (_, i) => customer(i)));
}

export function targetOf(store: Pick<SandboxStore, 'url' | 'storeHash' | 'accessToken'>): StoreTarget {
  return { apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken };
}

/** Short timeouts, and waits on a fake clock, keep the suite fast; requests are real HTTP through the Node transport. */
export function fastOptions(extra: SendOptions = {}): SendOptions & { log: RequestLogEntry[] } {
  const log: RequestLogEntry[] = [];
  return {
    transport: nodeTransport,
    clock: new FakeClock(),
    timeoutMs: 300,
    maxRetryTimeMs: 8_000,
    backoffBaseMs: 5,
    backoffCapMs: 40,
    random: seededRandom(11),
    onRequest: (entry) => log.push(entry),
    ...extra,
    log,
  };
}

export function postsTo(store: SandboxStore) {
  return store.requests().filter((r) => r.method === 'POST');
}

export function lookupsIn(store: SandboxStore) {
  return store.requests().filter((r) => r.method === 'GET' && r.query.startsWith('email:in='));
}

/** Every customer appears exactly once in the report. */
export function assertEachCustomerOnce(report: SendReport, total: number): void {
  const seen = [...report.created.map((c) => c.index), ...report.failed.map((f) => f.index), ...report.notSent].sort((a, b) => a - b);
  assert.deepEqual(
    seen,
    Array.from({ length: total }, (_, i) => i),
    'each customer is created, failed or not sent — once',
  );
}

/**
 * The report and the store agree exactly: each created index is a stored
 * customer with that email and id, no stored email appears twice, and every
 * customer the store gained is in the report.
 */
export function assertReportMatchesStore(report: SendReport, store: SandboxStore, sent: CustomerToSend[], seededIds: number[]): void {
  const stored = store.customers();
  const emails = stored.map((c) => c.email.toLowerCase());
  assert.equal(new Set(emails).size, emails.length, 'no email is stored twice');
  const byId = new Map(stored.map((c) => [c.id, c]));
  for (const created of report.created) {
    const record = byId.get(created.id);
    assert.ok(record, `created #${created.index} (id ${created.id}) is in the store`);
    const sentEmail = (sent[created.index]!.value as { email: string }).email;
    assert.equal(record.email.toLowerCase(), sentEmail.toLowerCase(), `id ${created.id} belongs to customer #${created.index}`);
  }
  const reportedIds = new Set(report.created.map((c) => c.id));
  assert.equal(reportedIds.size, report.created.length, 'no id reported twice');
  const gained = stored.filter((c) => !seededIds.includes(c.id));
  assert.deepEqual(
    gained.map((c) => c.id).sort((a, b) => a - b),
    [...reportedIds].sort((a, b) => a - b),
    'every stored customer is reported as created',
  );
}
