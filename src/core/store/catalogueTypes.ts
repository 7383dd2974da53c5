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

/** A country of the store's table (`GET /v2/countries`). */
export interface StoreCountry {
  id: number;
  name: string;
  /** ISO 3166-1 alpha-2, as the store writes it */
  iso2: string;
}

/** A state of the store's table (`GET /v2/countries/states`): the full name, which addresses must use. */
export interface StoreState {
  name: string;
  abbreviation: string;
}

/** The parts of a catalogue that are loaded separately and can fail separately. */
export type CataloguePart = 'attributes' | 'customerGroups' | 'channels' | 'globalLogins' | 'countries' | 'states';

export const CATALOGUE_PARTS: readonly CataloguePart[] = ['attributes', 'customerGroups', 'channels', 'globalLogins', 'countries', 'states'];

/**
 * A snapshot of one store's lookups. A part that could not be loaded is
 * `undefined`, never empty, so that nothing is reported as unknown merely
 * because the store could not be asked.
 */
export interface StoreCatalogue {
  storeHash: string;
  /** ms since the epoch */
  loadedAt: number;
  attributes?: StoreAttribute[] | undefined;
  customerGroups?: StoreCustomerGroup[] | undefined;
  channels?: StoreChannel[] | undefined;
  /**
   * Channel id → `allow_global_logins`; `null` = no override on the channel
   * (the store-wide setting applies, which the API does not expose). Channels
   * whose settings could not be read are absent.
   */
  globalLogins?: Record<number, boolean | null>;
  countries?: StoreCountry[];
  /** the states of each country that has any, by the country's alpha-2 code in capitals */
  states?: Record<string, StoreState[]>;
  /** One sentence per failure, in plain words, naming the checks it turns off. */
  problems: string[];
  /** Why each part is missing (or, for `globalLogins`, incomplete): a phrase such as "the token has no Channels scope (…)". */
  unavailable?: Partial<Record<CataloguePart, string>>;
}
