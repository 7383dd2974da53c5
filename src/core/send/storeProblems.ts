/** Plain words for answers that stop a send, each naming the fix. */

export interface StopReason {
  reason: string;
  status?: number;
}

export interface StopContext {
  /** the customers-per-request limit, named in the 413 advice */
  maxPerRequest?: number;
  /** only reading was attempted, so a 403 means no Customers scope at all */
  reading?: boolean;
}

/** Statuses after which nothing else should be sent, whatever the request was. */
export function stopReasonFor(status: number, context: StopContext = {}): StopReason | undefined {
  switch (status) {
    case 401:
      return { status, reason: 'The access token or store hash is wrong — set the store credentials again.' };
    case 403:
      if (context.reading) {
        return {
          status,
          reason:
            'The token has no Customers scope — give the store API account "Customers: read-only" (store_v2_customers_read_only) or "Customers: modify" (store_v2_customers) and set the store credentials again.',
        };
      }
      return {
        status,
        reason:
          'The token lacks the Customers modify scope (store_v2_customers) — give the store API account "Customers: modify" and set the store credentials again.',
      };
    case 404:
      return { status, reason: 'The store was not found — check the store hash and the API address.' };
    case 413:
      return {
        status,
        reason: `The store refused the request as too large (HTTP 413). It takes at most ${context.maxPerRequest ?? 10} customers per request; if this request had fewer, a customer in it is very large (long notes or many addresses) — make it smaller and send again.`,
      };
    case 507:
      return {
        status,
        reason: 'The store has reached a limit of its plan (HTTP 507 Insufficient Storage) — no more customers can be created until the limit is raised.',
      };
    default:
      return undefined;
  }
}

/** Server trouble that usually passes: worth retrying after a wait. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

export const SAFE_TO_RESEND = 'Nothing is lost: sending again is safe — customers that already exist are reported as existing, never created twice.';
