/**
 * Business rules of a create (family A, "Create customers failed.") and the
 * customer records a successful create stores and answers.
 * A request is all-or-nothing: every item is checked before anything is stored.
 */
import { createFailed, jsonReply, type Reply } from './replies.js';
import { isoSeconds, type StoreState } from './state.js';
import type { StoredAddress, StoredCustomer } from './types.js';
import type { AddressInput, CustomerInput } from './validation.js';

/** Names for the country codes demo payloads use; others answer an empty country name. */
const COUNTRY_NAMES: Record<string, string> = {
  AU: 'Australia',
  BE: 'Belgium',
  BR: 'Brazil',
  CA: 'Canada',
  CH: 'Switzerland',
  DE: 'Germany',
  DK: 'Denmark',
  ES: 'Spain',
  FR: 'France',
  GB: 'United Kingdom',
  IE: 'Ireland',
  IN: 'India',
  IT: 'Italy',
  JP: 'Japan',
  MX: 'Mexico',
  NL: 'Netherlands',
  NZ: 'New Zealand',
  SE: 'Sweden',
  US: 'United States',
};

/** The first broken business rule, in item order, as BigCommerce names only one problem per request. */
function firstBusinessFailure(state: StoreState, items: CustomerInput[]): string | undefined {
  const inRequest: { email: string; channels: number[] }[] = [];
  for (const item of items) {
    const email = item.email.toLowerCase();
    const channels = state.channelsOf(item.channel_ids);
    const earlier = inRequest.some((other) => other.email === email && other.channels.some((channel) => channels.includes(channel)));
    if (state.emailInUse(email, item.channel_ids) || earlier) return `email ${item.email} already in use`;
    inRequest.push({ email, channels });

    const groupId = item.customer_group_id;
    if (groupId != null && groupId !== 0 && !state.customerGroupExists(groupId)) {
      return `customer group ${groupId} does not exist`;
    }
    const originChannelId = item.origin_channel_id;
    if (originChannelId != null && !state.channelExists(originChannelId)) {
      return `origin channel ${originChannelId} does not exist`;
    }
    if (Array.isArray(item.channel_ids)) {
      if (item.channel_ids.length === 0) return 'channel_ids cannot be empty';
      const unknownChannel = item.channel_ids.find((id) => !state.channelExists(id));
      if (unknownChannel !== undefined) return `channel ${unknownChannel} does not exist`;
    }
    const unknownAttribute = (item.attributes ?? []).find((attribute) => !state.attributeExists(attribute.attribute_id));
    if (unknownAttribute) return `attribute ${unknownAttribute.attribute_id} does not exist`;
  }
  return undefined;
}

function buildAddress(state: StoreState, input: AddressInput, customerId: number): StoredAddress {
  const countryCode = input.country_code;
  const address: StoredAddress = {
    id: state.nextAddressId(),
    customer_id: customerId,
    first_name: input.first_name,
    last_name: input.last_name,
    company: input.company ?? '',
    address1: input.address1,
    address2: input.address2 ?? '',
    city: input.city,
    state_or_province: input.state_or_province ?? '',
    postal_code: input.postal_code ?? '',
    country_code: countryCode,
    country: COUNTRY_NAMES[countryCode.toUpperCase()] ?? '',
    phone: input.phone ?? '',
    address_type: input.address_type ?? 'residential',
  };
  if (input.form_fields) address.form_fields = input.form_fields.map((field) => ({ ...field }));
  return address;
}

function buildCustomer(state: StoreState, input: CustomerInput, now: string): StoredCustomer {
  const id = state.nextCustomerId();
  // key order follows a real create answer; new_password is write-only and never kept
  const customer: StoredCustomer = {
    id,
    authentication: { force_password_reset: input.authentication?.force_password_reset ?? false },
    company: input.company ?? '',
    customer_group_id: input.customer_group_id ?? 0,
    email: input.email,
    first_name: input.first_name,
    last_name: input.last_name,
    notes: input.notes ?? '',
    phone: input.phone ?? '',
    registration_ip_address: '',
    tax_exempt_category: input.tax_exempt_category ?? '',
    date_created: now,
    date_modified: now,
    accepts_product_review_abandoned_cart_emails: input.accepts_product_review_abandoned_cart_emails ?? false,
    store_credit_amounts: input.store_credit_amounts?.map((credit) => ({ amount: credit.amount })) ?? [{ amount: 0 }],
    origin_channel_id: input.origin_channel_id ?? 1,
    channel_ids: input.channel_ids ? [...input.channel_ids] : null,
  };
  if (input.addresses) customer.addresses = input.addresses.map((address) => buildAddress(state, address, id));
  if (input.attributes) {
    customer.attributes = input.attributes.map((attribute) => ({
      id: state.nextAttributeValueId(),
      attribute_id: attribute.attribute_id,
      attribute_value: attribute.attribute_value,
      customer_id: id,
      date_created: now,
      date_modified: now,
    }));
  }
  if (input.form_fields) customer.form_fields = input.form_fields.map((field) => ({ ...field }));
  return customer;
}

export interface CreateOutcome {
  reply: Reply;
  stored: number;
}

/** Applies the business rules to validated items, then stores them all or none. */
export function createCustomers(state: StoreState, items: CustomerInput[]): CreateOutcome {
  const failure = firstBusinessFailure(state, items);
  if (failure !== undefined) return { reply: createFailed(failure), stored: 0 };
  const now = isoSeconds(new Date());
  const created = items.map((item) => buildCustomer(state, item, now));
  for (const customer of created) state.add(customer);
  return { reply: jsonReply(200, { data: structuredClone(created), meta: {} }), stored: created.length };
}
