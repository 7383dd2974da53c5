/** The store's content, with the indexes that keep lookups fast at thousands of customers. */
import type { SandboxData, StoredCustomer } from './types.js';

export function isoSeconds(date: Date): string {
  // BigCommerce answers timestamps without milliseconds
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Gives a seeded customer every field a created customer has, in the order the API answers them. */
export function withCustomerDefaults(seed: StoredCustomer, now: string): StoredCustomer {
  const customer: StoredCustomer = {
    id: seed.id,
    authentication: { force_password_reset: seed.authentication?.force_password_reset ?? false },
    company: seed.company ?? '',
    customer_group_id: seed.customer_group_id ?? 0,
    email: seed.email,
    first_name: seed.first_name,
    last_name: seed.last_name,
    notes: seed.notes ?? '',
    phone: seed.phone ?? '',
    registration_ip_address: seed.registration_ip_address ?? '',
    tax_exempt_category: seed.tax_exempt_category ?? '',
    date_created: seed.date_created ?? now,
    date_modified: seed.date_modified ?? seed.date_created ?? now,
    accepts_product_review_abandoned_cart_emails: seed.accepts_product_review_abandoned_cart_emails ?? false,
    store_credit_amounts: seed.store_credit_amounts ?? [{ amount: 0 }],
    origin_channel_id: seed.origin_channel_id ?? 1,
    channel_ids: seed.channel_ids ?? null,
  };
  if (seed.addresses) customer.addresses = seed.addresses;
  if (seed.attributes) customer.attributes = seed.attributes;
  if (seed.form_fields) customer.form_fields = seed.form_fields;
  return customer;
}

export class StoreState {
  readonly attributes: SandboxData['attributes'];
  readonly customerGroups: SandboxData['customerGroups'];
  readonly channels: SandboxData['channels'];
  readonly channelSettings: SandboxData['channelSettings'];
  readonly countries: SandboxData['countries'];
  readonly states: SandboxData['states'];
  /** ordered by id */
  private readonly customerList: StoredCustomer[] = [];
  private readonly customersById = new Map<number, StoredCustomer>();
  /** every customer with an email (several in a multi-storefront store, on different channels) */
  private readonly customerIdsByEmail = new Map<string, number[]>();
  private lastCustomerId = 0;
  private lastAddressId = 0;
  private lastAttributeValueId = 0;

  constructor(data: SandboxData) {
    this.attributes = data.attributes;
    this.customerGroups = data.customerGroups;
    this.channels = data.channels;
    this.channelSettings = data.channelSettings;
    this.countries = data.countries;
    this.states = data.states;
    const now = isoSeconds(new Date());
    const seeds = [...data.customers].sort((a, b) => a.id - b.id);
    for (const seed of seeds) this.add(withCustomerDefaults(seed, now));
  }

  get customers(): readonly StoredCustomer[] {
    return this.customerList;
  }

  customerById(id: number): StoredCustomer | undefined {
    return this.customersById.get(id);
  }

  /**
   * Whether a new customer with this email and `channel_ids` would share a channel with one the
   * store has: emails are unique per channel. No channel_ids means every channel that allows
   * global logins (a channel without an override counts as allowing them).
   */
  emailInUse(email: string, channelIds: readonly number[] | null | undefined): boolean {
    const wanted = this.channelsOf(channelIds);
    return (this.customerIdsByEmail.get(email.toLowerCase()) ?? []).some((id) => {
      const existing = this.channelsOf(this.customersById.get(id)?.channel_ids);
      return existing.some((channel) => wanted.includes(channel));
    });
  }

  /** The channels a customer with these `channel_ids` can log in to. */
  channelsOf(channelIds: readonly number[] | null | undefined): number[] {
    if (channelIds) return [...channelIds];
    return this.channels.filter((channel) => this.channelSettings[channel.id]?.allow_global_logins !== false).map((channel) => channel.id);
  }

  attributeExists(id: number): boolean {
    return this.attributes.some((attribute) => attribute.id === id);
  }

  customerGroupExists(id: number): boolean {
    return this.customerGroups.some((group) => group.id === id);
  }

  channelExists(id: number): boolean {
    return this.channels.some((channel) => channel.id === id);
  }

  nextCustomerId(): number {
    return ++this.lastCustomerId;
  }

  nextAddressId(): number {
    return ++this.lastAddressId;
  }

  nextAttributeValueId(): number {
    return ++this.lastAttributeValueId;
  }

  /** Adds a customer whose id is higher than every id so far (ids only grow). */
  add(customer: StoredCustomer): void {
    this.customerList.push(customer);
    this.customersById.set(customer.id, customer);
    const key = customer.email.toLowerCase();
    this.customerIdsByEmail.set(key, [...(this.customerIdsByEmail.get(key) ?? []), customer.id]);
    this.lastCustomerId = Math.max(this.lastCustomerId, customer.id);
    for (const address of customer.addresses ?? []) this.lastAddressId = Math.max(this.lastAddressId, address.id);
    for (const value of customer.attributes ?? []) {
      this.lastAttributeValueId = Math.max(this.lastAttributeValueId, value.id);
    }
  }
}
