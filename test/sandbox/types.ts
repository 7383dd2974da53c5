/**
 * Public types of the sandbox store: a local stand-in for a BigCommerce store's
 * customers-related REST endpoints.
 */

export type FaultKind = '429' | '500' | '502' | '503' | 'reset-before-store' | 'reset-after-store' | 'slow' | 'non-json';

export type FaultMatch = 'POST /v3/customers' | 'GET /v3/customers' | 'any';

export interface FaultPlan {
  /** faults applied, in order, to the next matching requests (one fault per request) */
  queue?: FaultKind[];
  /** each matching request gets a fault with this probability, kind picked uniformly, from the seeded PRNG */
  random?: { rate: number; kinds: FaultKind[] };
  /** which requests faults apply to; default 'POST /v3/customers' only. 'any' = all endpoints */
  match?: FaultMatch;
  /** how long a 'slow' answer takes, default 30000 ms */
  slowMs?: number;
}

export interface SandboxOptions {
  /** 0 (default) = any free port */
  port?: number;
  /** default 'demo123' */
  storeHash?: string;
  /** the one valid token, default 'sandbox-token' */
  accessToken?: string;
  /** scopes of that token; default ['store_v2_customers', 'store_channel_settings_read_only', 'store_v2_information_read_only'] */
  scopes?: string[];
  /** requests per window, default 150 */
  quota?: number;
  /** default 30000 */
  windowMs?: number;
  /** added to every answer, default 0 */
  latencyMs?: number;
  /** the clock of the quota's windows and of `requests()[].at`, so tests can run them on a fake clock; default `Date.now` */
  now?: () => number;
  /** PRNG seed for faults, default 1 */
  seed?: number;
  /** family-C 422 keys "0.email" vs "email"; default 'indexed' */
  errorKeyStyle?: 'indexed' | 'bare';
  /** seeded store content; default = demoData() */
  data?: Partial<SandboxData>;
  /** answer every 422 of `POST /v3/customers` with `{status, title, type}` only, no `errors`; default false */
  unprocessableWithoutErrors?: boolean;
}

export type FormFieldValue = { name: string; value: string | number | string[] };

/** An address as the store answers it (`address_Full`). */
export interface StoredAddress {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state_or_province: string;
  postal_code: string;
  country_code: string;
  /** country name; "" when the code is not in the sandbox's small name table */
  country: string;
  phone: string;
  address_type: 'residential' | 'commercial';
  form_fields?: FormFieldValue[];
}

/** An attribute value as the store answers it (`attribute_Full`). */
export interface StoredAttributeValue {
  id: number;
  attribute_id: number;
  attribute_value: string;
  customer_id: number;
  date_created: string;
  date_modified: string;
}

/**
 * A customer held by the store. Seeded customers only need id, email and names;
 * the store fills every other field with the defaults a real create answers with.
 * Customers read back from a running store always have every field except the
 * sub-resources (addresses, attributes, form_fields), which are present only when
 * they were given.
 */
export interface StoredCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  authentication?: { force_password_reset: boolean };
  company?: string;
  customer_group_id?: number;
  notes?: string;
  phone?: string;
  registration_ip_address?: string;
  tax_exempt_category?: string;
  date_created?: string;
  date_modified?: string;
  accepts_product_review_abandoned_cart_emails?: boolean;
  store_credit_amounts?: { amount: number }[];
  origin_channel_id?: number;
  channel_ids?: number[] | null;
  addresses?: StoredAddress[];
  attributes?: StoredAttributeValue[];
  form_fields?: FormFieldValue[];
}

export interface SandboxData {
  /** existing customers (id, email, first_name, last_name, … as created) */
  customers: StoredCustomer[];
  attributes: { id: number; name: string; type: 'string' | 'number' | 'date' }[];
  customerGroups: { id: number; name: string; is_default?: boolean }[];
  channels: { id: number; name: string; type: string; platform: string; status: string }[];
  channelSettings: Record<number, { allow_global_logins: boolean | null }>;
  /** the store's countries (`GET /v2/countries`) */
  countries: { id: number; country: string; country_iso2: string; country_iso3: string }[];
  /** the states of its countries (`GET /v2/countries/{id}/states`) */
  states: { id: number; state: string; state_abbreviation: string; country_id: number }[];
}

export interface RequestRecord {
  method: string;
  /** URL path without the query, e.g. "/stores/demo123/v3/customers" */
  path: string;
  /** raw query string without the leading "?" ("" when none) */
  query: string;
  /** status answered (or about to be, for a 'slow' answer); 0 when the socket was reset or the request is still being read */
  status: number;
  /** the store's clock (`now`, default Date.now()) when the request arrived */
  at: number;
  fault?: FaultKind;
  /** customers this request added to the store */
  customersStored: number;
}

export interface SandboxStore {
  /** e.g. "http://127.0.0.1:41234"; clients use `${url}/stores/${storeHash}/v3/customers` */
  readonly url: string;
  readonly storeHash: string;
  readonly accessToken: string;
  /** current state, ids increasing (deep copies) */
  customers(): StoredCustomer[];
  /** everything received, in arrival order (copies) */
  requests(): RequestRecord[];
  setFaults(plan: FaultPlan | null): void;
  setScopes(scopes: string[]): void;
  /** Turns on (or off) answering 422s of `POST /v3/customers` without their `errors` object. */
  setUnprocessableWithoutErrors(on: boolean): void;
  /**
   * Back to the seeded state: store content (from `data`, else the start options,
   * else demo data), request log, rate-limit window, fault plan (cleared, PRNG
   * re-seeded), token scopes and the 422-without-errors switch (back to the start options).
   */
  reset(data?: Partial<SandboxData>): void;
  /** stops listening, drops open connections and pending delayed answers */
  close(): Promise<void>;
  /**
   * Calls `listener` synchronously when a request arrives (before its body is
   * read) and once the store has handled it (before the answer leaves), e.g.
   * to kill a client at that exact moment; `null` removes it.
   */
  onRequestStage(listener: ((stage: 'received' | 'handled', record: RequestRecord) => void) | null): void;
}
