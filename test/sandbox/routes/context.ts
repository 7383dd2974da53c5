/** What a route handler gets and gives back. */
import type { Reply } from '../replies.js';
import type { StoreState } from '../state.js';
import type { ErrorKeyStyle } from '../validation.js';

export interface RouteContext {
  state: StoreState;
  query: URLSearchParams;
  /** raw request body ("" when none) */
  body: string;
  /** values of `:name` segments of the route pattern */
  pathParams: Record<string, string>;
  errorKeyStyle: ErrorKeyStyle;
}

export interface RouteOutcome {
  reply: Reply;
  /** customers this request added to the store */
  stored: number;
}

export const answer = (reply: Reply): RouteOutcome => ({ reply, stored: 0 });

/** Comma-separated query values, trimmed; undefined when the parameter is absent or empty. */
export function csvParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const values = raw
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length > 0 ? values : undefined;
}
