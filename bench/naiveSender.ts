/**
 * The straightforward way to send a customers file, for comparison: POST ten
 * customers at a time, one request after another, with Node's global fetch,
 * and pause only when the store answers 429 — for as long as X-Retry-After
 * says — then send the same batch again. No pacing, no lookups.
 */
export interface NaiveTarget {
  apiBaseUrl: string;
  storeHash: string;
  accessToken: string;
}

export interface NaiveReport {
  created: number;
  /** customers in batches answered with anything but 2xx or 429, or that never got an answer */
  failed: number;
  requests: number;
  tooManyRequests: number;
}

const BATCH_SIZE = 10;
/** used when a 429 carries no X-Retry-After */
const FALLBACK_RETRY_AFTER_SECONDS = 1;

export async function sendNaively(target: NaiveTarget, customers: readonly unknown[]): Promise<NaiveReport> {
  const url = `${target.apiBaseUrl}/stores/${target.storeHash}/v3/customers`;
  const report: NaiveReport = { created: 0, failed: 0, requests: 0, tooManyRequests: 0 };
  for (let start = 0; start < customers.length; start += BATCH_SIZE) {
    const batch = customers.slice(start, start + BATCH_SIZE);
    for (;;) {
      report.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'X-Auth-Token': target.accessToken, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(batch),
        });
      } catch {
        report.failed += batch.length;
        break;
      }
      const body = await response.text();
      if (response.status === 429) {
        report.tooManyRequests++;
        const seconds = Number(response.headers.get('x-retry-after'));
        await sleep((Number.isFinite(seconds) && seconds > 0 ? seconds : FALLBACK_RETRY_AFTER_SECONDS) * 1000);
        continue;
      }
      if (response.ok) report.created += createdCount(body);
      else report.failed += batch.length;
      break;
    }
  }
  return report;
}

function createdCount(body: string): number {
  try {
    const data = (JSON.parse(body) as { data?: unknown }).data;
    return Array.isArray(data) ? data.length : 0;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
