/** Plain words for a lookup the store did not answer usefully. */
import { parseErrorBody } from '../send/serverErrors';
import type { ClientOutcome } from '../send/storeClient';

export interface ReadFailure {
  /** a phrase to continue with ", so …": e.g. "the token has no Channels scope (store_channel_settings_read_only)" */
  cause: string;
  /** true when no other request to the store can do better (bad token, store unreachable, cancelled) */
  storeWide: boolean;
}

/** Which scope the request needed, named when the store answers 403. */
export type ReadScope = 'customers' | 'channels' | 'information';

const MISSING_SCOPE: Record<ReadScope, string> = {
  customers: 'the token has no Customers scope (store_v2_customers_read_only)',
  channels: 'the token has no Channels scope (store_channel_settings_read_only)',
  information: 'the token has no Information & Settings scope (store_v2_information_read_only)',
};

export function describeFailedRead(outcome: ClientOutcome, storeHash: string, scope: ReadScope): ReadFailure {
  switch (outcome.kind) {
    case 'cancelled':
      return { cause: 'loading was cancelled', storeWide: true };
    case 'network-error':
      return { cause: `store ${storeHash} could not be reached (${outcome.message})`, storeWide: true };
    case 'timeout':
      return { cause: `store ${storeHash} gave ${outcome.message}`, storeWide: true };
    case 'answer':
      break;
  }
  const { status } = outcome;
  if (status === 401) {
    return { cause: `store ${storeHash} did not accept the access token (HTTP 401: the token or the store hash is wrong)`, storeWide: true };
  }
  if (status === 403) return { cause: MISSING_SCOPE[scope], storeWide: false };
  if (status === 429) return { cause: `the store's rate limit was reached (HTTP 429)`, storeWide: false };
  if (status >= 200 && status < 300) return unexpectedAnswer();
  const summary = parseErrorBody(status, outcome.text, outcome.json).summary;
  return { cause: `store ${storeHash} answered HTTP ${status} (${summary})`, storeWide: false };
}

export function unexpectedAnswer(): ReadFailure {
  return { cause: 'the store answered with something other than the expected list', storeWide: false };
}
