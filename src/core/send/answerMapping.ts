/**
 * Pure decisions about an answer to a create request: which sent customer
 * each created record is, and what a 422 says about which customer.
 */
import { toPointer } from '../document/jsonPointer';
import { normalizeEmail } from '../email';
import { emailsInMessage, explainFieldMessage, locateErrorKey, type ErrorLocation, type ServerError } from './serverErrors';
import type { CustomerProblem, SendItem } from './sendTypes';

export interface CreatedMatch {
  item: SendItem;
  id: number;
  email: string;
}

export interface CreatedMatching {
  matches: CreatedMatch[];
  /** customers of the request the answer does not name: unclear, to be asked about */
  missing: SendItem[];
  /** emails in the answer that the request did not send: the answer cannot be trusted at all */
  foreign: string[];
}

/**
 * Matches `data` records to the customers sent by email (case-insensitive),
 * never by position: a record without a usable email ties no customer, and a
 * record naming an email that was not sent makes the whole answer unclear.
 */
export function matchCreated(request: SendItem[], data: unknown[]): CreatedMatching {
  const byKey = new Map(request.map((item) => [item.key, item]));
  const used = new Set<SendItem>();
  const matches: CreatedMatch[] = [];
  const foreign: string[] = [];
  for (const record of data) {
    const id = (record as { id?: unknown } | null)?.id;
    const email = (record as { email?: unknown } | null)?.email;
    if (typeof email !== 'string') continue;
    const item = byKey.get(normalizeEmail(email));
    if (!item) {
      foreign.push(email);
      continue;
    }
    if (typeof id !== 'number' || !Number.isFinite(id) || used.has(item)) continue;
    used.add(item);
    matches.push({ item, id, email });
  }
  if (foreign.length > 0) return { matches: [], missing: request, foreign };
  return { matches, missing: request.filter((item) => !used.has(item)), foreign };
}

export interface InvalidAnswerPlan {
  /** customers whose email the store called already in use: key → the store's words */
  emailInUse: Map<string, string>;
  /** problems pinned on fields of known customers */
  problems: Map<SendItem, CustomerProblem[]>;
  /** the store named a problem without saying which customer, or named none: send them one by one */
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
      emailsInMessage(error.summary).length > 0 ? { family: 'create', message: error.summary } : { family: 'unknown', key: '', message: error.summary },
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
  // A refusal that names no customer (a 422 with only a title, or keys that point nowhere) blames
  // nobody while several were sent: one by one, each answer names its own customer.
  if (plan.emailInUse.size === 0 && plan.problems.size === 0 && request.length > 1) plan.needSplit = true;
  return plan;
}

function fieldMessage(fieldPath: string[], message: string): string {
  const field = fieldPath.length > 0 ? fieldPath.join('.') : 'customer';
  return `${field}: ${explainFieldMessage(message)}`;
}
