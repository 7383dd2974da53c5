/** Where customers are sent, and the checks that keep a token from going anywhere unsafe. */
export interface StoreTarget {
  apiBaseUrl: string;
  storeHash: string;
  accessToken: string;
}

export const DEFAULT_API_BASE_URL = 'https://api.bigcommerce.com';

const STORE_HASH = /^[a-z0-9]{1,32}$/;
/** Visible ASCII only: what every HTTP client sends unchanged in a header. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;

/** `undefined` when the hash looks right, otherwise what is wrong with it in plain words. */
export function checkStoreHash(hash: string): string | undefined {
  if (typeof hash !== 'string' || hash.trim() === '') {
    return "The store hash is empty. It is the short code after /stores/ in the API path of your store's API account.";
  }
  if (hash.includes('/') || hash.includes(':')) {
    return 'Enter only the store hash (the short code after /stores/ in the API path), not the whole address.';
  }
  if (hash !== hash.trim()) return 'The store hash has spaces around it; remove them.';
  if (hash.length > 32) return 'The store hash is too long: it is a short code of at most 32 characters.';
  if (/[A-Z]/.test(hash) && /^[a-zA-Z0-9]+$/.test(hash)) {
    return 'The store hash is written in lowercase letters and digits; use lowercase.';
  }
  if (!STORE_HASH.test(hash)) return 'The store hash may contain only lowercase letters (a–z) and digits (0–9).';
  return undefined;
}

/** `undefined` when the address is safe to send a token to, otherwise the problem in plain words. */
export function checkApiBaseUrl(url: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return "The API address is empty; BigCommerce's is https://api.bigcommerce.com.";
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `The API address "${url}" is not a valid URL; BigCommerce's is https://api.bigcommerce.com.`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'The API address must not contain a user name or password; the access token is sent in a header.';
  }
  if (parsed.search !== '' || url.includes('?')) return 'The API address must not contain a query (?…).';
  if (parsed.hash !== '' || url.includes('#')) return 'The API address must not contain a fragment (#…).';
  if (parsed.protocol === 'http:') {
    if (isLocalhostSubdomain(parsed.hostname)) {
      return 'Plain http is allowed only for localhost itself, 127.x.x.x or [::1]: a name under .localhost would be looked up in DNS, which could send the token elsewhere. Use http://localhost or http://127.0.0.1.';
    }
    if (!isLoopbackHost(parsed.hostname)) {
      return 'Plain http would send the access token unencrypted; use https (http is allowed only for a test store on this computer: localhost, 127.x.x.x or [::1]).';
    }
  } else if (parsed.protocol !== 'https:') {
    return `The API address must start with https:// (it starts with ${parsed.protocol}//).`;
  }
  if (/\/stores\//.test(parsed.pathname + '/')) {
    return 'Enter only the API address (such as https://api.bigcommerce.com) and put the store hash in its own setting.';
  }
  return undefined;
}

/**
 * Names that certainly mean this computer without asking DNS. Names under
 * `.localhost` are not among them: the system resolver may send them to DNS.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (host === '[::1]' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

function isLocalhostSubdomain(hostname: string): boolean {
  return hostname.toLowerCase().replace(/\.$/, '').endsWith('.localhost');
}

/** `{apiBaseUrl}/stores/{hash}{path}`, e.g. the path `/v2/customer_groups`. */
export function storeApiUrl(target: Pick<StoreTarget, 'apiBaseUrl' | 'storeHash'>, path: string): string {
  const base = target.apiBaseUrl.trim().replace(/\/+$/, '');
  return `${base}/stores/${encodeURIComponent(target.storeHash)}${path.startsWith('/') ? path : `/${path}`}`;
}

export const customersPath = '/v3/customers';

export function customersUrl(target: Pick<StoreTarget, 'apiBaseUrl' | 'storeHash'>): string {
  return storeApiUrl(target, customersPath);
}

/** Both checks together; the first problem found, or `undefined`. */
export function checkStoreTarget(target: Pick<StoreTarget, 'apiBaseUrl' | 'storeHash'> & { accessToken?: string }): string | undefined {
  const urlProblem = checkApiBaseUrl(target.apiBaseUrl);
  if (urlProblem) return urlProblem;
  const hashProblem = checkStoreHash(target.storeHash);
  if (hashProblem) return hashProblem;
  return target.accessToken === undefined ? undefined : checkAccessToken(target.accessToken);
}

/** `undefined` when the token can be sent in a header as it is, otherwise the problem in plain words (never the token). */
export function checkAccessToken(token: string): string | undefined {
  if (token.trim() === '') return 'The access token is empty — set the store credentials again.';
  if (/[\r\n]/.test(token)) return 'The access token contains a line break — set the store credentials again.';
  if (!HEADER_SAFE_TOKEN.test(token)) {
    return 'The access token contains a character an HTTP header cannot carry (a control character, a space inside it, or a letter outside plain ASCII) — copy it again from the store API account and set the store credentials again.';
  }
  return undefined;
}
