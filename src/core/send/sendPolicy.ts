/**
 * What an answer to a create request means, decided from the answer alone:
 * pure, so every status is tested without a store.
 */
import type { HttpFailure } from './http';
import { waitAfterTooManyRequests, type RateLimitInfo } from './rateLimit';
import { isTransientStatus, stopReasonFor, type StopReason } from './storeProblems';

export type AnswerMeaning =
  /** 2xx with the list of created customers */
  | { kind: 'created'; data: unknown[] }
  /** a 429: nothing was stored; wait (as asked, or a backoff) and send again */
  | { kind: 'throttled'; waitMs?: number }
  /** a 422: the store refused the request as a whole and names why */
  | { kind: 'refused' }
  /** nothing else should be sent; `reconcile` when the request may still have stored customers */
  | { kind: 'stop'; stop: StopReason; reconcile: boolean }
  /** customers may or may not have been stored: ask, then send the rest again */
  | { kind: 'unclear'; problem: string }
  /** sending the same again would not help; `reconcile` when the request may still have stored customers */
  | { kind: 'final'; reconcile: boolean };

export interface AnswerFacts {
  status: number;
  json: unknown;
  isJson: boolean;
  rateLimit: RateLimitInfo;
  /** one line of the store's words, for messages */
  summary: string;
}

export function meaningOfAnswer(answer: AnswerFacts, maxPerRequest: number): AnswerMeaning {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    const data = (answer.json as { data?: unknown } | undefined)?.data;
    return Array.isArray(data) ? { kind: 'created', data } : { kind: 'unclear', problem: `answered HTTP ${status} without the list of created customers` };
  }
  if (status === 429) {
    const waitMs = waitAfterTooManyRequests(answer.rateLimit);
    return waitMs === undefined ? { kind: 'throttled' } : { kind: 'throttled', waitMs };
  }
  if (status === 422) return { kind: 'refused' };
  const stop = stopReasonFor(status, { maxPerRequest });
  if (stop) return { kind: 'stop', stop, reconcile: status >= 500 };
  if (isTransientStatus(status)) return { kind: 'unclear', problem: `answered HTTP ${status} (${answer.summary})` };
  // Not worth retrying: 501, 505, other 5xx, 400, 405, redirects…
  return { kind: 'final', reconcile: status >= 500 || !answer.isJson };
}

/** A request that got no answer: unclear, unless it certainly never left. */
export function meaningOfFailure(failure: HttpFailure): { kind: 'unreachable'; problem: string } | { kind: 'unclear'; problem: string } {
  if (failure.kind === 'network-error' && failure.neverSent) return { kind: 'unreachable', problem: failure.message };
  return { kind: 'unclear', problem: failure.kind === 'timeout' ? `gave ${failure.message}` : `could not be reached (${failure.message})` };
}
