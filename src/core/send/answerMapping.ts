/**
 * Pure decisions about an answer to a create request: which sent customer
 * each created record is, and what a 422 says about which customer.
 */
import { toPointer } from '../document/jsonPointer';
import {
  emailsInMessage,
  explainFieldMessage,
  locateErrorKey,
  normalizeEmail,
  type ErrorLocation,
  type ServerError,
} from './serverErrors';
import type { CustomerProblem, SendItem } from './sendTypes';

export interface CreatedMatch {
  item: SendItem;
  id: number;
  email: string;
}

/**
 * Matches `data` records to the customers sent: by email (case-insensitive)
 * first, then by position for records whose email matched nothing.
 */
export function matchCreated(request: SendItem[], data: unknown[]): { matches: CreatedMatch[]; missing: SendItem[] } {
  const byKey = new Map(request.map((item) => [item.key, item]));
  const used = new Set<SendItem>();
  const matches: CreatedMatch[] = [];
  const unmatchedPositions: number[] = [];

  data.forEach((record, position) => {
    const id = (record as { id?: unknown } | null)?.id;
    const email = (record as { email?: unknown } | null)?.email;
    if (typeof id !== 'number' || !Number.isFinite(id)) return;
    const item = typeof email === 'string' ? byKey.get(normalizeEmail(email)) : undefined;
    if (item && !used.has(item)) {
      used.add(item);
      matches.push({ item, id, email: email as string });
    } else {
      unmatchedPositions.push(position);
    }
  });
  for (const position of unmatchedPositions) {
    const item = request[position];
    if (!item || used.has(item)) continue;
    const record = data[position] as { id: number; email?: unknown };
    used.add(item);
    matches.push({ item, id: record.id, email: typeof record.email === 'string' ? record.email : item.email });
  }
  return { matches, missing: request.filter((item) => !used.has(item)) };
}

export interface InvalidAnswerPlan {
  /** customers whose email the store called already in use: key → the store's words */
  emailInUse: Map<string, string>;
  /** problems pinned on fields of known customers */
  problems: Map<SendItem, CustomerProblem[]>;
  /** the store named a problem without saying which customer: send them one by one */
  needSplit: boolean;
  /** keys that point at nothing recognisable */
  unmapped: string[];
}

/** What a 422 answer says about the customers of the request that got it. */
export function planInvalidAnswer(request: SendItem[], error: ServerError): InvalidAnswerPlan {
  const byKey = new Map(request.map((item) => [item.key, item]));
  const plan: InvalidAnswerPlan = { emailInUse: new Map(), problems: new Map(), needSplit: false, unmapped: [] };
  const add = (item: SendItem, path: Array<string | number>, message: string): void => {
    const list = plan.problems.get(item) ?? [];
    list.push({ path: toPointer(path), message });
    plan.problems.set(item, list);
  };

  let locations: ErrorLocation[] = error.entries.map((e) => locateErrorKey(e.key, e.message));
  if (locations.length === 0) {
    // No keyed errors: the title or detail may still name an email.
    locations = [
      emailsInMessage(error.summary).length > 0
        ? { family: 'create', message: error.summary }
        : { family: 'unknown', key: '', message: error.summary },
    ];
  }

  for (const location of locations) {
    switch (location.family) {
      case 'create': {
        const named = emailsInMessage(location.message)
          .map(normalizeEmail)
          .filter((key) => byKey.has(key));
        for (const key of named) plan.emailInUse.set(key, location.message);
        if (named.length > 0) break;
        if (request.length === 1) add(request[0]!, [request[0]!.index], location.message);
        else plan.needSplit = true;
        break;
      }
      case 'indexed': {
        const item = request[location.requestIndex];
        if (item) add(item, [item.index, ...location.fieldPath], fieldMessage(location.fieldPath, location.message));
        else plan.unmapped.push(`${location.requestIndex}.${location.fieldPath.join('.')}: ${location.message}`);
        break;
      }
      case 'field': {
        if (request.length === 1) {
          add(request[0]!, [request[0]!.index, ...location.fieldPath], fieldMessage(location.fieldPath, location.message));
        } else {
          plan.needSplit = true;
        }
        break;
      }
      case 'unknown':
        plan.unmapped.push(location.key ? `${location.key}: ${location.message}` : location.message);
        break;
    }
  }
  return plan;
}

function fieldMessage(fieldPath: string[], message: string): string {
  const field = fieldPath.length > 0 ? fieldPath.join('.') : 'customer';
  return `${field}: ${explainFieldMessage(message)}`;
}
