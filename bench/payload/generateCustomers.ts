/**
 * Deterministic, realistic `*.bccustomers.json` payloads: names, companies,
 * 0–3 addresses, attributes, passwords, channels, and (optionally) a
 * sprinkling of the mistakes people really make, so the diagnostics pass
 * has problems to word and place, not just a clean document to accept.
 */
import { companies, firstNames, lastNames, places, streets } from './places';
import { Prng } from './prng';

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** share of customers that carry one mistake; 0 for a payload the store accepts */
  mistakeRate?: number;
  /** keeps emails apart between payloads sent to the same store */
  emailTag?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DEFAULT_SEED = 20240515;
const DEFAULT_MISTAKE_RATE = 0.04;

/** Sandbox store content these payloads refer to: attributes 1–3, groups 1–2, channels 1–3. */
const ATTRIBUTE_VALUES: Record<number, () => string> = {
  1: () => '42',
  2: () => '1990-04-12',
  3: () => 'Gold',
};

export function generateCustomers(options: GenerateOptions): JsonObject[] {
  const random = new Prng(options.seed ?? DEFAULT_SEED);
  const mistakeRate = options.mistakeRate ?? DEFAULT_MISTAKE_RATE;
  const customers: JsonObject[] = [];
  for (let index = 0; index < options.count; index++) {
    const customer = generateCustomer(random, index, options.emailTag ?? 'bench');
    if (random.chance(mistakeRate)) plantMistake(random, customer, customers);
    customers.push(customer);
  }
  return customers;
}

/** Pretty-printed like a person's file: two-space indent, one field per line. */
export function customersText(options: GenerateOptions): string {
  return JSON.stringify(generateCustomers(options), null, 2) + '\n';
}

function generateCustomer(random: Prng, index: number, emailTag: string): JsonObject {
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const customer: JsonObject = {
    email: `${first}.${last}.${index}@${emailTag}.example.com`.toLowerCase(),
    first_name: first,
    last_name: last,
  };
  if (random.chance(0.4)) customer.company = random.pick(companies);
  if (random.chance(0.6)) customer.phone = `+1 555 ${String(random.int(1000000, 9999999))}`;
  if (random.chance(0.15)) customer.notes = 'Imported from the spring trade-show list';
  if (random.chance(0.5)) customer.customer_group_id = random.int(0, 2);
  const addressCount = random.pick([0, 1, 1, 1, 2, 2, 3]);
  if (addressCount > 0) customer.addresses = Array.from({ length: addressCount }, () => generateAddress(random, first, last));
  if (random.chance(0.5)) customer.attributes = generateAttributes(random);
  if (random.chance(0.3)) customer.authentication = { force_password_reset: random.chance(0.5), new_password: `Spring${random.int(10, 99)}Sale` };
  if (random.chance(0.3)) customer.accepts_product_review_abandoned_cart_emails = random.chance(0.5);
  if (random.chance(0.2)) customer.store_credit_amounts = [{ amount: random.int(0, 10000) / 100 }];
  if (random.chance(0.3)) customer.origin_channel_id = 1;
  if (random.chance(0.3)) customer.channel_ids = random.chance(0.2) ? null : [1, random.int(2, 3)];
  return customer;
}

function generateAddress(random: Prng, first: string, last: string): JsonObject {
  const place = random.pick(places);
  const address: JsonObject = {
    first_name: first,
    last_name: last,
    address1: `${random.int(1, 400)} ${random.pick(streets)}`,
    city: place.city,
    postal_code: place.postalCode,
    country_code: place.countryCode,
    address_type: random.chance(0.7) ? 'residential' : 'commercial',
  };
  if (place.state) address.state_or_province = place.state;
  if (random.chance(0.2)) address.address2 = `Unit ${random.int(1, 40)}`;
  if (random.chance(0.3)) address.phone = `+1 555 ${String(random.int(1000000, 9999999))}`;
  return address;
}

function generateAttributes(random: Prng): JsonObject[] {
  const ids = [1, 2, 3].filter(() => random.chance(0.6));
  if (ids.length === 0) ids.push(random.int(1, 3));
  return ids.map((id) => ({ attribute_id: id, attribute_value: ATTRIBUTE_VALUES[id]!() }));
}

/** One of the mistakes the extension exists to catch, each in a realistic form. */
const mistakes: ((random: Prng, customer: JsonObject, earlier: JsonObject[]) => void)[] = [
  (_r, c) => renameKey(c, 'first_name', 'firstname'),
  (_r, c) => (c.email = (c.email as string).replace('@', ' at ')),
  (_r, c) => (c.id = 17),
  (_r, c) => (c.channel_ids = []),
  (_r, c) => (c.customer_group_id = '2'),
  (r, c, earlier) => {
    const other = earlier.length > 0 ? r.pick(earlier) : undefined;
    if (other) c.email = ` ${(other.email as string).toUpperCase()} `;
  },
  (_r, c) =>
    (c.attributes = [
      { attribute_id: 1, attribute_value: 42 },
      { attribute_id: 1, attribute_value: '43' },
    ]),
  (_r, c) => (c.authentication = { new_password: 'secret' }),
  (r, c) => {
    const place = r.pick(places.filter((p) => p.stateCode));
    c.addresses = [
      {
        first_name: 'Ada',
        last_name: 'Lovelace',
        address1: '1 Main Street',
        city: place.city,
        state_or_province: place.stateCode!,
        country_code: place.countryCode === 'US' ? 'USA' : place.countryCode,
      },
    ];
  },
  (_r, c) => delete c.last_name,
];

function plantMistake(random: Prng, customer: JsonObject, earlier: JsonObject[]): void {
  random.pick(mistakes)(random, customer, earlier);
}

function renameKey(object: JsonObject, from: string, to: string): void {
  const entries = Object.entries(object).map(([key, value]): [string, Json] => [key === from ? to : key, value]);
  for (const key of Object.keys(object)) delete object[key];
  Object.assign(object, Object.fromEntries(entries));
}
