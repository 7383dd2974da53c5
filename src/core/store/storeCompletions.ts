/**
 * The store's ids as completion items and hover text, as plain data: the
 * editor layer turns them into its own types.
 */
import type { StoreCatalogue } from './catalogueTypes';

export interface StoreCompletionItem {
  /** "1 — Shoe size (number)" */
  label: string;
  /** the id as JSON: "1" */
  insertText: string;
  /** one line, e.g. "number attribute of store abc123" */
  detail: string;
  /** matches both the id and the name as the user types either */
  filterText: string;
  /** keeps the store's order (by id) */
  sortText: string;
}

/** Fields whose values are ids of the store. */
export type StoreIdField = 'attribute_id' | 'customer_group_id' | 'channel_ids' | 'origin_channel_id';

export function attributeItems(catalogue: StoreCatalogue | undefined): StoreCompletionItem[] {
  return (catalogue?.attributes ?? []).map((a) => item(a.id, `${a.name} (${a.type})`, `${a.type} attribute of store ${catalogue!.storeHash}`, a.name));
}

/** The store's groups, after 0 (no group), which every store accepts. */
export function customerGroupItems(catalogue: StoreCatalogue | undefined): StoreCompletionItem[] {
  if (!catalogue?.customerGroups) return [];
  const noGroup = item(0, 'no group', 'the customer belongs to no group', 'no group');
  return [noGroup, ...catalogue.customerGroups.map((g) => item(g.id, g.name, `customer group of store ${catalogue.storeHash}`, g.name))];
}

export function channelItems(catalogue: StoreCatalogue | undefined): StoreCompletionItem[] {
  return (catalogue?.channels ?? []).map((c) => {
    const kind = [c.type, c.status].filter(Boolean).join(', ');
    const logins = globalLoginsWords(catalogue!, c.id);
    return item(c.id, kind ? `${c.name} (${kind})` : c.name, [`channel of store ${catalogue!.storeHash}`, logins].filter(Boolean).join('; '), c.name);
  });
}

/** The states the store lists for a country (ISO code), by the full name BigCommerce wants. */
export function stateItems(catalogue: StoreCatalogue | undefined, country: string): StoreCompletionItem[] {
  const states = catalogue?.states?.[country.toUpperCase()] ?? [];
  const countryName = catalogue?.countries?.find((c) => c.iso2.toUpperCase() === country.toUpperCase())?.name ?? country;
  return states.map((s) => ({
    label: JSON.stringify(s.name),
    insertText: JSON.stringify(s.name),
    detail: `${s.abbreviation ? s.abbreviation + ' — ' : ''}${countryName}, in store ${catalogue!.storeHash}`,
    filterText: `${JSON.stringify(s.name)} ${s.abbreviation}`,
    sortText: s.name,
  }));
}

/**
 * Completion items for a field, or none when the field is not one the store knows values of;
 * `country` is the address's country, for `state_or_province`.
 */
export function storeItemsFor(catalogue: StoreCatalogue | undefined, field: string, country?: string): StoreCompletionItem[] {
  switch (field) {
    case 'state_or_province':
      return country ? stateItems(catalogue, country) : [];
    case 'attribute_id':
      return attributeItems(catalogue);
    case 'customer_group_id':
      return customerGroupItems(catalogue);
    case 'channel_ids':
    case 'origin_channel_id':
      return channelItems(catalogue);
    default:
      return [];
  }
}

/**
 * Hover words for an id: "Shoe size (number attribute)", "Retail (customer group)",
 * "Wholesale storefront (storefront channel; does not allow global logins)".
 * `undefined` when the field is not a store id or that part of the store is not loaded.
 */
export function describeStoreId(catalogue: StoreCatalogue | undefined, field: string, id: number): string | undefined {
  if (!catalogue) return undefined;
  switch (field) {
    case 'attribute_id': {
      if (!catalogue.attributes) return undefined;
      const attribute = catalogue.attributes.find((a) => a.id === id);
      return attribute ? `${attribute.name} (${attribute.type} attribute)` : `not an attribute of store ${catalogue.storeHash}`;
    }
    case 'customer_group_id': {
      if (id === 0) return 'no customer group';
      if (!catalogue.customerGroups) return undefined;
      const group = catalogue.customerGroups.find((g) => g.id === id);
      return group ? `${group.name} (customer group)` : `not a customer group of store ${catalogue.storeHash}`;
    }
    case 'channel_ids':
    case 'origin_channel_id': {
      if (!catalogue.channels) return undefined;
      const channel = catalogue.channels.find((c) => c.id === id);
      if (!channel) return `not a channel of store ${catalogue.storeHash}`;
      const kind = channel.type ? `${channel.type} channel` : 'channel';
      const facts = [kind, channel.status && channel.status !== 'active' ? channel.status : undefined, globalLoginsWords(catalogue, id)].filter(Boolean);
      return `${channel.name} (${facts.join('; ')})`;
    }
    default:
      return undefined;
  }
}

function globalLoginsWords(catalogue: StoreCatalogue, channelId: number): string | undefined {
  const allowed = catalogue.globalLogins?.[channelId];
  if (allowed === true) return 'allows global logins';
  if (allowed === false) return 'does not allow global logins';
  return undefined;
}

function item(id: number, description: string, detail: string, name: string): StoreCompletionItem {
  return {
    label: `${id} — ${description}`,
    insertText: String(id),
    detail,
    filterText: `${id} ${name}`,
    sortText: String(id).padStart(10, '0'),
  };
}
