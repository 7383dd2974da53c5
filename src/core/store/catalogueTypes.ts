/** What a store holds that a customers file refers to by id. */

export interface StoreAttribute {
  id: number;
  name: string;
  /** `string`, `number` or `date`; kept as the store says it, should it add others */
  type: string;
}

export interface StoreCustomerGroup {
  id: number;
  name: string;
}

export interface StoreChannel {
  id: number;
  name: string;
  type?: string;
  status?: string;
}

/** The parts of a catalogue that are loaded separately and can fail separately. */
export type CataloguePart = 'attributes' | 'customerGroups' | 'channels' | 'globalLogins';

export const CATALOGUE_PARTS: readonly CataloguePart[] = ['attributes', 'customerGroups', 'channels', 'globalLogins'];

/**
 * A snapshot of one store's lookups. A part that could not be loaded is
 * `undefined`, never empty, so that nothing is reported as unknown merely
 * because the store could not be asked.
 */
export interface StoreCatalogue {
  storeHash: string;
  /** ms since the epoch */
  loadedAt: number;
  attributes?: StoreAttribute[];
  customerGroups?: StoreCustomerGroup[];
  channels?: StoreChannel[];
  /**
   * Channel id → `allow_global_logins`; `null` = no override on the channel
   * (the store-wide setting applies, which the API does not expose). Channels
   * whose settings could not be read are absent.
   */
  globalLogins?: Record<number, boolean | null>;
  /** One sentence per failure, in plain words, naming the checks it turns off. */
  problems: string[];
  /** Why each part is missing (or, for `globalLogins`, incomplete): a phrase such as "the token has no Channels scope (…)". */
  unavailable?: Partial<Record<CataloguePart, string>>;
}
