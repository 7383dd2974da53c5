/**
 * A long send: tens of thousands of customers against the sandbox store with
 * BigCommerce's Standard quota (150 requests per window) and its window
 * scaled down, written to a send journal on disk as the CLI writes it. Wall
 * time against the quota bound, 429s, and the journal's cost: the time its
 * appends (each flushed to the disk) took per request, and the same send
 * without a journal, against a fresh store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJournaledSend, type JournalStorage } from '../../src/core/journal';
import { sendCustomers } from '../../src/core/send/sender';
import { FileJournal } from '../../src/node/fileJournal';
import { nodeTransport } from '../../src/node/nodeTransport';
import { startSandboxStore } from '../../test/sandbox/store';
import { generateCustomers } from '../payload/generateCustomers';
import type { SendSettings } from '../profile';
import { summarize } from '../stats';
import { checkStoredOnce, countRequests, windowUse, type RequestCounts, type StoreCheck, type WindowUse } from './storeAudit';

export interface LongSendResult {
  settings: SendSettings;
  wallMs: number;
  /** fewest whole windows that can hold the requests made, in ms */
  quotaBoundMs: number;
  ofQuotaBound: number;
  requests: RequestCounts;
  /** 429s after the first window: the pacer has learnt the quota by then */
  steadyStateTooManyRequests: number;
  quotaUse: WindowUse;
  created: number;
  failed: number;
  store: StoreCheck;
  journal: { appends: number; bytes: number; totalMs: number; perRequestMs: number; medianAppendMs: number; p95AppendMs: number };
  /** the same send without a journal */
  withoutJournal: { wallMs: number; ofQuotaBound: number; tooManyRequests: number };
}

/** Times every append of the journal it wraps. */
class TimedJournal implements JournalStorage {
  readonly appendMs: number[] = [];
  bytes = 0;

  constructor(private readonly inner: FileJournal) {}

  read(): Promise<string> {
    return this.inner.read();
  }

  async append(text: string): Promise<void> {
    const started = performance.now();
    await this.inner.append(text);
    this.appendMs.push(performance.now() - started);
    this.bytes += text.length;
  }
}

export async function measureLongSend(settings: SendSettings, progress: (message: string) => void = () => undefined): Promise<LongSendResult> {
  const values = generateCustomers({ count: settings.customers, mistakeRate: 0, emailTag: 'long' });
  const customers = values.map((value, index) => ({ index, value }));
  const withoutJournal = await sendWithoutJournal(settings, customers);
  progress(`  without a journal: ${(withoutJournal.wallMs / 1000).toFixed(1)} s`);
  const store = await startSandboxStore({ quota: settings.quota, windowMs: settings.windowMs, latencyMs: settings.latencyMs });
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-long-send-'));
  const file = new FileJournal(join(dir, 'customers.bccustomers.json.journal'));
  const journal = new TimedJournal(file);
  try {
    const seededEmails = store.customers().map((c) => c.email);
    const target = { apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken };
    const started = performance.now();
    const send = await startJournaledSend(journal, target, customers);
    const report = await sendCustomers(target, send.toSend, { transport: nodeTransport, ...send.sendOptions });
    const wallMs = performance.now() - started;
    await file.close();

    const requests = countRequests(store);
    const quotaBoundMs = Math.max(1, Math.ceil(requests.counted / settings.quota)) * settings.windowMs;
    const firstAt = store.requests()[0]?.at ?? 0;
    const appends = summarize(journal.appendMs);
    const totalMs = appends.meanMs * appends.runs;
    return {
      settings,
      wallMs,
      quotaBoundMs,
      ofQuotaBound: wallMs / quotaBoundMs,
      requests,
      steadyStateTooManyRequests: store.requests().filter((r) => r.status === 429 && r.at >= firstAt + settings.windowMs).length,
      quotaUse: windowUse(store, settings.windowMs),
      created: report.created.length,
      failed: report.failed.length,
      store: checkStoredOnce(
        store,
        values.map((c) => c.email as string),
        seededEmails,
      ),
      journal: {
        appends: appends.runs,
        bytes: journal.bytes,
        totalMs,
        perRequestMs: totalMs / Math.max(1, requests.posts),
        medianAppendMs: appends.medianMs,
        p95AppendMs: appends.p95Ms,
      },
      withoutJournal,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sendWithoutJournal(settings: SendSettings, customers: { index: number; value: unknown }[]): Promise<LongSendResult['withoutJournal']> {
  const store = await startSandboxStore({ quota: settings.quota, windowMs: settings.windowMs, latencyMs: settings.latencyMs });
  try {
    const started = performance.now();
    await sendCustomers({ apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken }, customers, { transport: nodeTransport });
    const wallMs = performance.now() - started;
    const requests = countRequests(store);
    return {
      wallMs,
      ofQuotaBound: wallMs / (Math.max(1, Math.ceil(requests.counted / settings.quota)) * settings.windowMs),
      tooManyRequests: requests.tooManyRequests,
    };
  } finally {
    await store.close();
  }
}
