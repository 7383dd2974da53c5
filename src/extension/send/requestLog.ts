import type { RequestLogEntry } from '../../core/send/storeClient';

/** One output-channel line per request: method, path, status, duration, request id, rate-limit headroom. Never a token. */
export function describeRequest(entry: RequestLogEntry): string {
  const parts = [`${entry.method} ${entry.path} → ${entry.status} in ${Math.round(entry.durationMs)} ms`];
  if (entry.requestId) parts.push(`x-request-id ${entry.requestId}`);
  const limit = entry.rateLimit;
  if (limit?.left !== undefined) {
    const reset = limit.resetMs !== undefined ? `, window resets in ${(limit.resetMs / 1000).toFixed(1)} s` : '';
    parts.push(`rate limit ${limit.left}/${limit.quota ?? '?'} left${reset}`);
  }
  if (entry.note) parts.push(entry.note);
  return parts.join(' · ');
}
