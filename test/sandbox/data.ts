/** Demo store content: small, fixed, and covering each kind of lookup a client makes. */
import type { SandboxData } from './types.js';

const SEEDED_AT = '2024-01-15T10:00:00Z';

export function demoData(): SandboxData {
  return {
    customers: [
      {
        id: 55,
        email: 'jane.doe@example.com',
        first_name: 'Jane',
        last_name: 'Doe',
        customer_group_id: 1,
        date_created: SEEDED_AT,
        date_modified: SEEDED_AT,
      },
      // mixed case on purpose: the store compares emails case-insensitively
      {
        id: 56,
        email: 'Mixed.Case@Example.com',
        first_name: 'Mixed',
        last_name: 'Case',
        date_created: SEEDED_AT,
        date_modified: SEEDED_AT,
      },
      {
        id: 57,
        email: 'taken@example.com',
        first_name: 'Already',
        last_name: 'Taken',
        date_created: SEEDED_AT,
        date_modified: SEEDED_AT,
      },
    ],
    attributes: [
      { id: 1, name: 'Shoe size', type: 'number' },
      { id: 2, name: 'Birthday', type: 'date' },
      { id: 3, name: 'Loyalty tier', type: 'string' },
    ],
    customerGroups: [
      { id: 1, name: 'Retail', is_default: false },
      { id: 2, name: 'Wholesale', is_default: false },
    ],
    channels: [
      { id: 1, name: 'Default storefront', type: 'storefront', platform: 'bigcommerce', status: 'active' },
      { id: 2, name: 'Wholesale storefront', type: 'storefront', platform: 'bigcommerce', status: 'active' },
      { id: 3, name: 'Amazon marketplace', type: 'marketplace', platform: 'amazon', status: 'connected' },
    ],
    channelSettings: {
      1: { allow_global_logins: true },
      2: { allow_global_logins: false },
      3: { allow_global_logins: null },
    },
  };
}

/** Fills the parts of `data` that were left out with the demo content. */
export function completeData(data: Partial<SandboxData> | undefined): SandboxData {
  const demo = demoData();
  const chosen = structuredClone(data ?? {});
  return {
    customers: chosen.customers ?? demo.customers,
    attributes: chosen.attributes ?? demo.attributes,
    customerGroups: chosen.customerGroups ?? demo.customerGroups,
    channels: chosen.channels ?? demo.channels,
    channelSettings: chosen.channelSettings ?? demo.channelSettings,
  };
}

/** Timestamp used for lookup resources that have no creation date of their own. */
export const LOOKUP_TIMESTAMP = SEEDED_AT;
