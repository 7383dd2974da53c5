import { ImportProblem } from './decode';
import type { ColumnTarget, ImportMapping } from './mapping';

export type FormatId = 'shopify' | 'shopify-legacy' | 'bigcommerce-export' | 'bigcommerce' | 'woocommerce' | 'magento' | 'mapping';
/** What `--from` accepts: a family of formats (its variant is found from the header), auto, or a mapping file. */
export type FromOption = 'auto' | 'shopify' | 'bigcommerce' | 'woocommerce' | 'magento' | 'mapping';
export const fromOptions: readonly FromOption[] = ['auto', 'shopify', 'bigcommerce', 'woocommerce', 'magento', 'mapping'];

export const formatLabels: Record<FormatId, string> = {
  shopify: 'Shopify customer export',
  'shopify-legacy': 'Shopify customer template (older)',
  'bigcommerce-export': 'BigCommerce customer export',
  bigcommerce: 'BigCommerce customer import (a column set per address)',
  woocommerce: 'WooCommerce customers',
  magento: 'Magento 2 customers (main file)',
  mapping: 'CSV with a mapping file',
};

const familyOf: Record<Exclude<FormatId, 'mapping'>, FromOption> = {
  shopify: 'shopify',
  'shopify-legacy': 'shopify',
  'bigcommerce-export': 'bigcommerce',
  bigcommerce: 'bigcommerce',
  woocommerce: 'woocommerce',
  magento: 'magento',
};

const noId = { leftOut: 'BigCommerce gives each customer its own ID' };
const noHistory = { leftOut: 'order history does not move with customers' };
const noTags = { leftOut: 'BigCommerce has no field for tags' };
const noPassword = { leftOut: 'passwords cannot move between platforms: each hashes them differently' };
const noSms = { leftOut: 'BigCommerce has no field for SMS marketing consent' };
const noTaxFlag = { leftOut: 'BigCommerce takes a tax-exempt category code, not yes/no: set tax_exempt_category yourself' };
const hasField = (what: string) => ({ leftOut: `BigCommerce has no field for ${what}` });

/** A column name in any case, without surrounding spaces. */
const norm = (name: string) => name.trim().toLowerCase();

interface Format {
  id: Exclude<FormatId, 'mapping'>;
  /** Columns that must all be in the header. */
  signature: string[];
  mapping(header: string[]): ImportMapping;
}

const shopifyAddress = (prefix: string, province: string[], country: string[]): Record<string, ColumnTarget> => ({
  [`${prefix}Company`]: 'addresses[0].company',
  [`${prefix}Address1`]: 'addresses[0].address1',
  [`${prefix}Address2`]: 'addresses[0].address2',
  [`${prefix}City`]: 'addresses[0].city',
  ...Object.fromEntries(province.map((c) => [c, 'addresses[0].state_or_province'])),
  ...Object.fromEntries(country.map((c) => [c, 'addresses[0].country_code'])),
  [`${prefix}Zip`]: 'addresses[0].postal_code',
});

const shopifyCommon: Record<string, ColumnTarget> = {
  'First Name': 'first_name',
  'Last Name': 'last_name',
  Email: 'email',
  Phone: 'phone',
  Note: 'notes',
  'Accepts Email Marketing': 'accepts_product_review_abandoned_cart_emails',
  'Accepts SMS Marketing': noSms,
  'Accepts WhatsApp Marketing': hasField('WhatsApp marketing consent'),
  'Total Spent': noHistory,
  'Total Orders': noHistory,
  'Tax Exempt': noTaxFlag,
  Tags: noTags,
};

/** Shopify's metafield columns, "Label (customer.metafields.ns.key)". */
function shopifyMetafields(header: string[]): Record<string, ColumnTarget> {
  return Object.fromEntries(
    header.filter((c) => /\(customer\.metafields\./.test(c)).map((c) => [c, hasField('Shopify metafields (a mapping can put them in form fields by hand)')]),
  );
}

const bigcommerceCommon: Record<string, ColumnTarget> = {
  'First Name': 'first_name',
  'Last Name': 'last_name',
  Company: 'company',
  Phone: 'phone',
  Notes: 'notes',
  'Store Credit': 'store_credit',
  'Customer Group': 'customer_group_id',
  'Receive Review/Abandoned Cart Emails?': 'accepts_product_review_abandoned_cart_emails',
  'Tax Exempt Category': 'tax_exempt_category',
  'Customer ID': noId,
};

const bigcommerceAddressParts: [string, string][] = [
  ['Address First Name', 'first_name'],
  ['Address Last Name', 'last_name'],
  ['Address Company', 'company'],
  ['Address Line 1', 'address1'],
  ['Address Line 2', 'address2'],
  ['Address City', 'city'],
  ['Address State', 'state_or_province'],
  ['Address Zip', 'postal_code'],
  ['Address Country', 'country_code'],
  ['Address Phone', 'phone'],
];

const wooAddress = (kind: 'billing' | 'shipping', index: number): Record<string, ColumnTarget> => {
  const a = `addresses[${index}]`;
  return {
    [`${kind}_first_name`]: kind === 'billing' ? [`${a}.first_name`, 'first_name'] : `${a}.first_name`,
    [`${kind}_last_name`]: kind === 'billing' ? [`${a}.last_name`, 'last_name'] : `${a}.last_name`,
    [`${kind}_company`]: kind === 'billing' ? [`${a}.company`, 'company'] : `${a}.company`,
    [`${kind}_address_1`]: `${a}.address1`,
    [`${kind}_address_2`]: `${a}.address2`,
    [`${kind}_city`]: `${a}.city`,
    [`${kind}_postcode`]: `${a}.postal_code`,
    [`${kind}_country`]: `${a}.country_code`,
    [`${kind}_state`]: `${a}.state_or_province`,
    [`${kind}_phone`]: kind === 'billing' ? [`${a}.phone`, 'phone'] : `${a}.phone`,
  };
};

const magentoAddressColumns: Record<string, ColumnTarget> = {
  firstname: 'first_name',
  lastname: 'last_name',
  company: 'company',
  street: 'street',
  city: 'city',
  region: 'state_or_province',
  region_id: { leftOut: 'Magento region ids mean nothing to BigCommerce (the region column has the name)' },
  postcode: 'postal_code',
  country_id: 'country_code',
  telephone: 'phone',
  fax: hasField('fax numbers'),
  middlename: hasField('middle names'),
  prefix: hasField('name prefixes'),
  suffix: hasField('name suffixes'),
  vat_id: hasField('VAT numbers on addresses'),
  _entity_id: { leftOut: 'BigCommerce gives each address its own ID' },
  _address_default_billing_: hasField('default billing addresses'),
  _address_default_shipping_: hasField('default shipping addresses'),
};

const formats: Format[] = [
  {
    id: 'shopify',
    signature: ['Email', 'First Name', 'Default Address Address1'],
    mapping: (header) => ({
      description: formatLabels.shopify,
      columns: {
        'Customer ID': noId,
        ...shopifyCommon,
        ...shopifyAddress('Default Address ', ['Default Address Province Code'], ['Default Address Country Code']),
        'Default Address Phone': 'addresses[0].phone',
        ...shopifyMetafields(header),
      },
    }),
  },
  {
    id: 'shopify-legacy',
    signature: ['Email', 'First Name', 'Address1', 'Province Code'],
    mapping: (header) => ({
      description: formatLabels['shopify-legacy'],
      columns: { ...shopifyCommon, ...shopifyAddress('', ['Province', 'Province Code'], ['Country Code', 'Country']), ...shopifyMetafields(header) },
    }),
  },
  {
    id: 'bigcommerce',
    signature: ['Email Address', 'First Name', 'Last Name'],
    mapping: (header) => {
      const columns: Record<string, ColumnTarget> = { 'Email Address': 'email', ...bigcommerceCommon };
      for (const column of header) {
        const match = /^(.+?) - (\d+)$/.exec(column.trim());
        if (!match) continue;
        const n = Number(match[2]);
        if (match[1] === 'Address ID') columns[column] = { leftOut: 'BigCommerce gives each address its own ID' };
        const part = bigcommerceAddressParts.find(([name]) => name === match[1]);
        if (part && n >= 1 && n <= 10) columns[column] = `addresses[${n - 1}].${part[1]}`;
      }
      return { description: formatLabels.bigcommerce, columns };
    },
  },
  {
    id: 'bigcommerce-export',
    signature: ['Email', 'Customer Group', 'Date Joined'],
    mapping: () => ({
      description: formatLabels['bigcommerce-export'],
      columns: {
        Email: 'email',
        ...bigcommerceCommon,
        'Date Joined': { leftOut: 'BigCommerce sets date_created itself' },
        Addresses: {
          leftOut:
            'the layout of the export\'s "Addresses" cell is not published, so its addresses are not guessed at; export with one column set per address instead',
        },
      },
    }),
  },
  {
    id: 'woocommerce',
    signature: ['billing_email'],
    mapping: () => ({
      description: formatLabels.woocommerce,
      columns: {
        user_email: 'email',
        billing_email: 'email',
        first_name: 'first_name',
        last_name: 'last_name',
        ...wooAddress('billing', 0),
        ...wooAddress('shipping', 1),
        ID: noId,
        user_login: hasField('user names: customers sign in with their email'),
        user_pass: noPassword,
      },
    }),
  },
  {
    id: 'magento',
    signature: ['email', '_website', 'firstname', 'lastname'],
    mapping: () => ({
      description: formatLabels.magento,
      columns: {
        email: 'email',
        firstname: 'first_name',
        lastname: 'last_name',
        group_id: 'customer_group_id',
        _website: { leftOut: 'joins the addresses file; BigCommerce channels are set apart' },
        _store: hasField('Magento store views'),
        middlename: hasField('middle names'),
        prefix: hasField('name prefixes'),
        suffix: hasField('name suffixes'),
        dob: hasField('dates of birth'),
        gender: hasField('gender'),
        taxvat: hasField('VAT numbers'),
        password_hash: noPassword,
        password: noPassword,
        rp_token: noPassword,
        rp_token_created_at: noPassword,
        created_at: { leftOut: 'BigCommerce sets date_created itself' },
        created_in: hasField('the store view a customer signed up in'),
        confirmation: hasField('pending email confirmations'),
        disable_auto_group_change: hasField('automatic group assignment'),
        store_id: hasField('Magento store views'),
        website_id: hasField('Magento websites'),
      },
      addresses: { join: { _email: 'email', _website: '_website' }, columns: magentoAddressColumns },
    }),
  },
];

/** The columns of `signature` missing from `header`, compared without case and surrounding spaces. */
function missingColumns(header: string[], signature: string[]): string[] {
  const present = new Set(header.map(norm));
  return signature.filter((c) => !present.has(norm(c)));
}

/** The built-in format whose columns the header has, within the `from` family; undefined when none fits. */
export function detectFormat(header: string[], from: FromOption = 'auto'): { id: Exclude<FormatId, 'mapping'>; mapping: ImportMapping } | undefined {
  const format = formats.find((f) => (from === 'auto' || familyOf[f.id] === from) && !missingColumns(header, f.signature).length);
  return format && { id: format.id, mapping: format.mapping(header) };
}

/** Why a header fits none of the formats of `from`, naming the columns each would need. */
export function noFormatProblem(header: string[], from: FromOption): ImportProblem {
  if (!missingColumns(header, ['_email', '_website', 'street']).length) {
    return new ImportProblem("This is Magento's Customer Addresses file: import the Customers Main file, with this one as its addresses file.");
  }
  const candidates = formats.filter((f) => from === 'auto' || familyOf[f.id] === from);
  const needs = candidates.map(
    (f) =>
      `${formatLabels[f.id]} needs ${missingColumns(header, f.signature)
        .map((c) => `"${c}"`)
        .join(', ')}`,
  );
  return new ImportProblem(
    `The header row is not one the import knows (${needs.join('; ')}). Describe the columns in a mapping file (*.bccustomers-mapping.json).`,
    'unknown-format',
  );
}
