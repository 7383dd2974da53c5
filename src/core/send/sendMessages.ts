/** Every sentence a send says about its customers and its progress, in one place. */
import { formatSeconds } from './http';
import { SAFE_TO_RESEND } from './storeProblems';
import type { SendItem, SendReport } from './sendTypes';

/** "customers #11–#20" (1-based, as a person counts entries in the file). */
export function describeItems(items: readonly SendItem[]): string {
  if (items.length === 0) return 'no customers';
  const first = items[0]!.index + 1;
  const last = items[items.length - 1]!.index + 1;
  return items.length === 1 ? `customer #${first}` : `${items.length} customers (#${first}–#${last})`;
}

const ALREADY_EXISTS = 'A customer with this email already exists in the store';

export const customerMessages = {
  notAnObject: 'This entry is not a customer object, so it was not sent.',
  noEmail: 'This customer has no email, so it was not sent: BigCommerce requires one.',
  sameEmailAs: (first: number) =>
    `The customer at /${first} in this file has the same email; BigCommerce needs each email to be unique, so this one was not sent.`,
  couldNotCheck: (problem: string) => `Could not check whether this customer already exists (${problem}), so it was not sent. ${SAFE_TO_RESEND}`,
  existsNotSent: (id: number) => `${ALREADY_EXISTS} (id ${id}), so it was not sent.`,
  exists: (id: number) => `${ALREADY_EXISTS} (id ${id}).`,
  /** the reason of every such customer, whichever id it found */
  alreadyExists: `${ALREADY_EXISTS}.`,
  finalStatus: (status: number, summary: string) =>
    `The store answered HTTP ${status} (${summary}), which sending again unchanged would not fix, so this customer was not created. ${SAFE_TO_RESEND}`,
  refusedUnlocated: (summary: string) => `The store refused the request: ${summary}`,
  outcomeUnknown: (what: string, why: string) => `${what}; then ${why}. This customer may or may not exist in the store now. ${SAFE_TO_RESEND}`,
  interrupted: "An earlier send stopped before the store's answer to this customer's request was recorded",
  cancelledBeforeConfirmed: 'sending was cancelled before the store confirmed whether it was created',
  couldNotAsk: (problem: string) => `the store could not be asked whether it was created (${problem})`,
  waitBeyondRetryTime: (askedMs: number, maxRetryTimeMs: number) =>
    `The store asked to wait ${formatSeconds(askedMs)} before taking this customer (HTTP 429), longer than a batch is retried (${formatSeconds(maxRetryTimeMs)}), so it was not created. ${SAFE_TO_RESEND}`,
  keptFailing: (problem: string, elapsedMs: number) =>
    `The store kept failing (${problem}) for ${formatSeconds(elapsedMs)}, so this customer was not created. ${SAFE_TO_RESEND}`,
};

export const stopMessages = {
  lookupTwice: (problem: string) => `The store could not be asked about existing customers twice in a row (${problem}). ${SAFE_TO_RESEND}`,
  reconcileTwice: (problem: string) => `The store could not be asked what was created twice in a row (${problem}). ${SAFE_TO_RESEND}`,
  statusTwice: (status: number, summary: string) => `The store answered HTTP ${status} twice in a row (${summary}). ${SAFE_TO_RESEND}`,
  keptFailing: (problem: string) => `The store kept failing (${problem}) for two batches in a row, so sending stopped. ${SAFE_TO_RESEND}`,
  unreachable: (problem: string, nothingSent: boolean) =>
    `The store could not be reached (${problem}), so ${nothingSent ? 'nothing was sent' : 'the customers not sent yet were not sent'}. Check the API address and the network connection. ${SAFE_TO_RESEND}`,
  waitTooLong: (askedMs: number, maxMs: number) =>
    `The store asked to wait ${formatSeconds(askedMs)} before the next request, longer than the ${formatSeconds(maxMs)} allowed, so sending stopped after waiting ${formatSeconds(maxMs)}. ${SAFE_TO_RESEND}`,
  unexpected: (problem: string) => `Sending stopped on an unexpected problem: ${problem}`,
};

export const progressMessages = {
  sending: (items: readonly SendItem[]) => `Sending ${describeItems(items)}…`,
  checking: (items: readonly SendItem[]) => `Checking which of ${describeItems(items)} already exist…`,
  checkingInterrupted: (items: readonly SendItem[]) => `Checking whether ${describeItems(items)}, sent when an earlier send stopped, were created…`,
  pacing: (ms: number) => `Pacing requests to stay within the store's rate limit (${formatSeconds(ms)})…`,
  cappedWait: (ms: number, askedMs: number) => `waiting ${formatSeconds(ms)}: the store asked for ${formatSeconds(askedMs)}; stopping after this`,
  retrying: (problem: string, ms: number) => `The store ${problem}; trying again in ${formatSeconds(ms)}…`,
  askingAgain: (why: string, ms: number) => `The store ${why}; asking again in ${formatSeconds(ms)}…`,
  reconcileAgain: (why: string, ms: number) => `Checking what was created: the store ${why}; asking again in ${formatSeconds(ms)}…`,
};

/** "Done: 3 created, 1 failed, 2 not sent." */
export function finalMessage(report: SendReport): string {
  const parts = [`${report.created.length} created`, `${report.failed.length} failed`];
  if (report.notSent.length > 0) parts.push(`${report.notSent.length} not sent`);
  const head = report.stopped ? 'Stopped' : report.cancelled ? 'Cancelled' : 'Done';
  return `${head}: ${parts.join(', ')}.${report.stopped ? ` ${report.stopped.reason}` : ''}`;
}
