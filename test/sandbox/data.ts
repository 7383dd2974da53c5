/** Demo store content: small, fixed, and covering each kind of lookup a client makes. */
import type { SandboxData } from './types.js';

const SEEDED_AT = '2024-01-15T10:00:00Z';

/** Country ids as BigCommerce numbers them (alphabetical by name) for the countries the demo knows. */
const COUNTRIES: SandboxData['countries'] = [
  { id: 13, country: 'Australia', country_iso2: 'AU', country_iso3: 'AUS' },
  { id: 38, country: 'Canada', country_iso2: 'CA', country_iso3: 'CAN' },
  { id: 73, country: 'France', country_iso2: 'FR', country_iso3: 'FRA' },
  { id: 80, country: 'Germany', country_iso2: 'DE', country_iso3: 'DEU' },
  { id: 103, country: 'Ireland', country_iso2: 'IE', country_iso3: 'IRL' },
  { id: 108, country: 'Japan', country_iso2: 'JP', country_iso3: 'JPN' },
  { id: 153, country: 'New Zealand', country_iso2: 'NZ', country_iso3: 'NZL' },
  { id: 225, country: 'United Kingdom', country_iso2: 'GB', country_iso3: 'GBR' },
  { id: 226, country: 'United States', country_iso2: 'US', country_iso3: 'USA' },
  { id: 241, country: 'Kosovo', country_iso2: 'XK', country_iso3: 'XKX' },
];

/** [abbreviation, name] per country id; Japan's two prefectures stand for a store whose table has states the built-in one lacks. */
const STATES: Record<number, [string, string][]> = {
  13: [
    ['ACT', 'Australian Capital Territory'],
    ['NSW', 'New South Wales'],
    ['NT', 'Northern Territory'],
    ['QLD', 'Queensland'],
    ['SA', 'South Australia'],
    ['TAS', 'Tasmania'],
    ['VIC', 'Victoria'],
    ['WA', 'Western Australia'],
  ],
  38: [
    ['AB', 'Alberta'],
    ['BC', 'British Columbia'],
    ['MB', 'Manitoba'],
    ['NB', 'New Brunswick'],
    ['NL', 'Newfoundland and Labrador'],
    ['NT', 'Northwest Territories'],
    ['NS', 'Nova Scotia'],
    ['NU', 'Nunavut'],
    ['ON', 'Ontario'],
    ['PE', 'Prince Edward Island'],
    ['QC', 'Quebec'],
    ['SK', 'Saskatchewan'],
    ['YT', 'Yukon Territory'],
  ],
  80: [
    ['BW', 'Baden-Württemberg'],
    ['BY', 'Bayern'],
    ['BE', 'Berlin'],
    ['BB', 'Brandenburg'],
    ['HB', 'Bremen'],
    ['HH', 'Hamburg'],
    ['HE', 'Hessen'],
    ['MV', 'Mecklenburg-Vorpommern'],
    ['NI', 'Niedersachsen'],
    ['NW', 'Nordrhein-Westfalen'],
    ['RP', 'Rheinland-Pfalz'],
    ['SL', 'Saarland'],
    ['SN', 'Sachsen'],
    ['ST', 'Sachsen-Anhalt'],
    ['SH', 'Schleswig-Holstein'],
    ['TH', 'Thüringen'],
  ],
  108: [
    ['13', 'Tokyo'],
    ['27', 'Osaka'],
  ],
  226: [
    ['AL', 'Alabama'],
    ['AK', 'Alaska'],
    ['AZ', 'Arizona'],
    ['AR', 'Arkansas'],
    ['CA', 'California'],
    ['CO', 'Colorado'],
    ['CT', 'Connecticut'],
    ['DE', 'Delaware'],
    ['DC', 'District of Columbia'],
    ['FL', 'Florida'],
    ['GA', 'Georgia'],
    ['HI', 'Hawaii'],
    ['ID', 'Idaho'],
    ['IL', 'Illinois'],
    ['IN', 'Indiana'],
    ['IA', 'Iowa'],
    ['KS', 'Kansas'],
    ['KY', 'Kentucky'],
    ['LA', 'Louisiana'],
    ['ME', 'Maine'],
    ['MD', 'Maryland'],
    ['MA', 'Massachusetts'],
    ['MI', 'Michigan'],
    ['MN', 'Minnesota'],
    ['MS', 'Mississippi'],
    ['MO', 'Missouri'],
    ['MT', 'Montana'],
    ['NE', 'Nebraska'],
    ['NV', 'Nevada'],
    ['NH', 'New Hampshire'],
    ['NJ', 'New Jersey'],
    ['NM', 'New Mexico'],
    ['NY', 'New York'],
    ['NC', 'North Carolina'],
    ['ND', 'North Dakota'],
    ['OH', 'Ohio'],
    ['OK', 'Oklahoma'],
    ['OR', 'Oregon'],
    ['PA', 'Pennsylvania'],
    ['PR', 'Puerto Rico'],
    ['RI', 'Rhode Island'],
    ['SC', 'South Carolina'],
    ['SD', 'South Dakota'],
    ['TN', 'Tennessee'],
    ['TX', 'Texas'],
    ['UT', 'Utah'],
    ['VT', 'Vermont'],
    ['VA', 'Virginia'],
    ['WA', 'Washington'],
    ['WV', 'West Virginia'],
    ['WI', 'Wisconsin'],
    ['WY', 'Wyoming'],
  ],
};

function demoStates(): SandboxData['states'] {
  let id = 0;
  return Object.entries(STATES).flatMap(([countryId, states]) =>
    states.map(([abbreviation, name]) => ({ id: ++id, state: name, state_abbreviation: abbreviation, country_id: Number(countryId) })),
  );
}

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
    countries: structuredClone(COUNTRIES),
    states: demoStates(),
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
    countries: chosen.countries ?? demo.countries,
    states: chosen.states ?? demo.states,
  };
}

/** Timestamp used for lookup resources that have no creation date of their own. */
export const LOOKUP_TIMESTAMP = SEEDED_AT;
