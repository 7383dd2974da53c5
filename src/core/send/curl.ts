/**
 * A curl command that repeats one request by hand, without ever containing
 * the token or a customer's password: both would end up in the clipboard
 * and the shell's history.
 */
import { REDACTED } from './scrub';
import { DEFAULT_USER_AGENT, requestHeaders } from './storeClient';
import { customersUrl, type StoreTarget } from './storeTarget';

export const TOKEN_VARIABLE = 'BIGCOMMERCE_ACCESS_TOKEN';

/** Wraps text in single quotes for POSIX shells; an embedded ' becomes '\'' . */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(target: Pick<StoreTarget, 'apiBaseUrl' | 'storeHash'>, batch: unknown[]): string {
  const headerLines = Object.entries(requestHeaders('', DEFAULT_USER_AGENT, true)).map(([name, value]) =>
    name === 'X-Auth-Token' ? `-H "X-Auth-Token: $${TOKEN_VARIABLE}"` : `-H ${shellQuote(`${name}: ${value}`)}`,
  );
  return [`curl -sS -X POST ${shellQuote(customersUrl(target))}`, ...headerLines, `--data-binary ${shellQuote(JSON.stringify(withoutPasswords(batch)))}`].join(
    ' \\\n  ',
  );
}

/** The headers a send uses, with the token shown as "<redacted>". */
export function redactedHeaders(): Record<string, string> {
  return requestHeaders('<redacted>', DEFAULT_USER_AGENT, true);
}

/** Fields whose values are secrets of the customer. */
const PASSWORD_FIELDS = new Set(['new_password']);

/** A copy of `value` with every password replaced by "<redacted>". */
export function withoutPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPasswords);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, PASSWORD_FIELDS.has(key) ? REDACTED : withoutPasswords(item)]));
}

/** Whether `value` holds a password that `withoutPasswords` would hide. */
export function hasPasswords(value: unknown): boolean {
  return JSON.stringify(withoutPasswords(value)) !== JSON.stringify(value);
}
