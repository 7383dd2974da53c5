/**
 * Send efficiency against the sandbox store with a scaled-down quota: the
 * project's sender (by default, and with an email lookup before every batch)
 * and a naive sender, each against a fresh store with the same settings, in turn.
 */
import { sendCustomers, type SendOptions } from '../../src/core/send/sender';
import { nodeTransport } from '../../src/node/nodeTransport';
import { startSandboxStore, type SandboxStore } from '../../test/sandbox/store';
import { sendNaively } from '../naiveSender';
import { generateCustomers } from '../payload/generateCustomers';
import type { SendSettings } from '../profile';
import { checkStoredOnce, countRequests, windowUse, type RequestCounts, type StoreCheck, type WindowUse } from './storeAudit';

const CUSTOMERS_PER_REQUEST = 10;

export interface SendRun {
  sender: string;
  wallMs: number;
  requests: RequestCounts;
  quotaUse: WindowUse;
  /** fewest whole windows that can hold the requests this sender made (lookups included), in ms */
  quotaBoundMs: number;
  /** wall time ÷ quota bound: 1.0 is as fast as the quota allows for these requests */
  ofQuotaBound: number;
  /** fewest whole windows that can hold the POSTs alone, in ms */
  postBoundMs: number;
  ofPostBound: number;
  created: number;
  failed: number;
  failedBecauseOf429: number;
  store: StoreCheck;
}

export interface SendResult {
  settings: SendSettings;
  runs: SendRun[];
  /** naive wall time ÷ the default sender's: above 1 means the project's sender is faster */
  speedupOverNaive: number;
  speedupOverNaiveWithLookups: number;
}

export async function measureSend(settings: SendSettings, onRun: (run: SendRun) => void): Promise<SendResult> {
  const customers = generateCustomers({ count: settings.customers, mistakeRate: 0, emailTag: 'send' });
  const emails = customers.map((c) => c.email as string);
  const postBoundMs = windowsFor(Math.ceil(customers.length / CUSTOMERS_PER_REQUEST), settings) * settings.windowMs;
  const toSend = customers.map((value, index) => ({ index, value }));

  const viaSender = (options: SendOptions) => async (store: SandboxStore) => {
    const report = await sendCustomers({ apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken }, toSend, {
      transport: nodeTransport,
      ...options,
    });
    return { created: report.created.length, failed: report.failed.length, failedBecauseOf429: report.failed.filter((f) => f.status === 429).length };
  };
  const naively = async (store: SandboxStore) => {
    const report = await sendNaively({ apiBaseUrl: store.url, storeHash: store.storeHash, accessToken: store.accessToken }, customers);
    return { created: report.created, failed: report.failed, failedBecauseOf429: 0 };
  };

  const senders: [string, (store: SandboxStore) => Promise<Outcome>][] = [
    ['sendCustomers (default)', viaSender({})],
    ['sendCustomers (checkExistingFirst: true, a lookup before each batch)', viaSender({ checkExistingFirst: true })],
    ['naive sender (bench/naiveSender.ts)', naively],
  ];
  const runs: SendRun[] = [];
  for (const [name, send] of senders) {
    const run = await measureOne(name, send, settings, emails, postBoundMs);
    runs.push(run);
    onRun(run);
  }
  const [byDefault, withLookups, naive] = runs as [SendRun, SendRun, SendRun];
  return {
    settings,
    runs,
    speedupOverNaive: naive.wallMs / byDefault.wallMs,
    speedupOverNaiveWithLookups: naive.wallMs / withLookups.wallMs,
  };
}

interface Outcome {
  created: number;
  failed: number;
  failedBecauseOf429: number;
}

async function measureOne(
  name: string,
  send: (store: SandboxStore) => Promise<Outcome>,
  settings: SendSettings,
  emails: string[],
  postBoundMs: number,
): Promise<SendRun> {
  const store = await startSandboxStore({ quota: settings.quota, windowMs: settings.windowMs, latencyMs: settings.latencyMs });
  try {
    const seededEmails = store.customers().map((c) => c.email);
    const started = performance.now();
    const outcome = await send(store);
    const wallMs = performance.now() - started;
    const requests = countRequests(store);
    const quotaBoundMs = windowsFor(requests.counted, settings) * settings.windowMs;
    return {
      sender: name,
      wallMs,
      requests,
      quotaUse: windowUse(store, settings.windowMs),
      quotaBoundMs,
      ofQuotaBound: wallMs / quotaBoundMs,
      postBoundMs,
      ofPostBound: wallMs / postBoundMs,
      ...outcome,
      store: checkStoredOnce(store, emails, seededEmails),
    };
  } finally {
    await store.close();
  }
}

function windowsFor(requests: number, settings: SendSettings): number {
  return Math.max(1, Math.ceil(requests / settings.quota));
}
