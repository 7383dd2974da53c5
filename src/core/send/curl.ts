/** A curl command that repeats one request by hand, without ever containing the token. */
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
  return [
    `curl -sS -X POST ${shellQuote(customersUrl(target))}`,
    ...headerLines,
    `--data-binary ${shellQuote(JSON.stringify(batch))}`,
  ].join(' \\\n  ');
}

/** The headers a send uses, with the token shown as "<redacted>". */
export function redactedHeaders(): Record<string, string> {
  return requestHeaders('<redacted>', DEFAULT_USER_AGENT, true);
}
