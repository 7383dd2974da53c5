/** Turns a file's customers into what can be sent: each needs an email of its own, the one thing that ties it to a store record. */
import { normalizeEmail } from '../email';
import { customerMessages } from './sendMessages';
import type { SendTracker } from './sendTracker';
import type { CustomerToSend, SendItem } from './sendTypes';

/** Customers that cannot be tied to a store record by email are settled as failed and never sent. */
export function prepareItems(customers: readonly CustomerToSend[], tracker: SendTracker): SendItem[] {
  const items: SendItem[] = [];
  const firstIndexByKey = new Map<string, number>();
  for (const { index, value } of customers) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      tracker.addFailed({ index, path: `/${index}`, message: customerMessages.notAnObject });
      continue;
    }
    const email = (value as { email?: unknown }).email;
    if (typeof email !== 'string' || email.trim() === '') {
      tracker.addFailed({ index, path: `/${index}/email`, message: customerMessages.noEmail });
      continue;
    }
    const key = normalizeEmail(email);
    const first = firstIndexByKey.get(key);
    if (first !== undefined) {
      tracker.addFailed({ index, path: `/${index}/email`, message: customerMessages.sameEmailAs(first) });
      continue;
    }
    firstIndexByKey.set(key, index);
    items.push({ index, value, email: email.trim(), key });
  }
  return items;
}
