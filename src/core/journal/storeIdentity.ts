import type { StoreIdentity } from './journalRecords';

/** The store a target names, as a journal records it: no token, and one spelling of the API address. */
export function storeIdentity(target: { storeHash: string; apiBaseUrl: string }): StoreIdentity {
  let api = target.apiBaseUrl.trim();
  try {
    const url = new URL(api);
    api = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    // an address the send itself will refuse; kept as written
  }
  return { store: target.storeHash.trim(), api };
}

export function sameStore(a: StoreIdentity, b: StoreIdentity): boolean {
  return a.store === b.store && a.api === b.api;
}
