import mappingSchema from '../../../schemas/bccustomers-mapping.schema.json';

// A mapping says how the columns of a CSV file become customers. The built-in formats are
// mappings too, so an import can write out the one it used as a starting point.

/** What a column's values go through besides trimming; by default, what its field needs. */
export type Conversion = 'country' | 'state' | 'boolean' | 'group' | 'number' | 'none';
export const conversions = mappingSchema.definitions.conversion.enum as Conversion[];

export interface ColumnRule {
  /** The field (or fields) the column fills; see `customerFields` and `addressFields`. */
  field?: string | string[];
  convert?: Conversion;
  /** Left out on purpose, and why (BigCommerce has no field for it). */
  leftOut?: string;
}

export type ColumnTarget = string | string[] | ColumnRule | null;

export interface ImportMapping {
  description?: string;
  /** Column name → field. Several columns may fill one field: the first non-empty one, in this order, wins. */
  columns: Record<string, ColumnTarget>;
  /** Field → value for every customer (an address's only when the address has other values). */
  constants?: Record<string, string | number | boolean>;
  /** Source customer group (name or id, as in the file) → BigCommerce customer_group_id. */
  groups?: Record<string, number>;
  /** A second file with one address a row, joined to the customers by the `join` columns. */
  addresses?: {
    /** Address-file column → main-file column whose values must match (emails in any case). */
    join: Record<string, string>;
    /** Column → address field (without `addresses[n].`). */
    columns: Record<string, ColumnTarget>;
  };
}

/** Customer fields a column can fill. `full_name` is split into first and last name; `store_credit` becomes store_credit_amounts. */
export const customerFields: readonly string[] = mappingSchema.definitions.customerField.enum;
/** Address fields, as `addresses[n].<field>`. `street` is split at line breaks into address1 and address2. */
export const addressFields: readonly string[] = mappingSchema.definitions.addressField.enum;

export type CustomerField = string;
export type AddressField = string;

/** A field of a customer, or of its n-th address. */
export type FieldTarget = { address?: undefined; field: CustomerField } | { address: number; field: AddressField };

const addressTarget = /^addresses\[(\d)\]\.(\w+)$/;

export function parseTarget(written: string, addressOnly = false): FieldTarget | undefined {
  if (addressOnly) return addressFields.includes(written) ? { address: 0, field: written } : undefined;
  if (customerFields.includes(written)) return { field: written };
  const [, address, field] = addressTarget.exec(written) ?? [];
  if (address === undefined || field === undefined || !addressFields.includes(field)) return undefined;
  return { address: Number(address), field };
}

/** The conversion a field needs when the mapping names none. */
export function defaultConversion(target: FieldTarget): Conversion {
  switch (target.field) {
    case 'country_code':
      return 'country';
    case 'state_or_province':
      return 'state';
    case 'accepts_product_review_abandoned_cart_emails':
      return 'boolean';
    case 'customer_group_id':
      return 'group';
    case 'store_credit':
      return 'number';
    default:
      return 'none';
  }
}

export function ruleOf(target: ColumnTarget): ColumnRule {
  if (target === null) return { leftOut: 'left out by the mapping' };
  if (typeof target === 'string' || Array.isArray(target)) return { field: target };
  return target;
}

/** Problems with a mapping read from a file, each a sentence; empty when it can be used. */
export function mappingProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['A mapping is a JSON object with "columns".'];
  const checkColumns = (columns: unknown, where: string, addressOnly: boolean) => {
    if (!isObject(columns)) {
      problems.push(`${where} must be an object: column name → field.`);
      return;
    }
    for (const [column, target] of Object.entries(columns)) {
      if (target === null) continue;
      const rule = typeof target === 'string' || Array.isArray(target) ? { field: target } : target;
      if (!isObject(rule)) {
        problems.push(`${where} "${column}": a field name, a list of them, null, or { "field", "convert", "leftOut" }.`);
        continue;
      }
      const fields = rule.field === undefined ? [] : Array.isArray(rule.field) ? rule.field : [rule.field];
      for (const field of fields) {
        if (typeof field !== 'string' || !parseTarget(field, addressOnly))
          problems.push(`${where} "${column}": "${String(field)}" is not a field an import can fill.`);
      }
      if (rule.convert !== undefined && !conversions.includes(rule.convert as Conversion))
        problems.push(`${where} "${column}": convert must be one of ${conversions.join(', ')}.`);
      if (!fields.length && typeof rule.leftOut !== 'string') problems.push(`${where} "${column}": give a "field", or "leftOut" with the reason.`);
    }
  };
  checkColumns(value.columns, 'columns', false);
  if (value.constants !== undefined) {
    if (!isObject(value.constants)) problems.push('constants must be an object: field → value.');
    else for (const field of Object.keys(value.constants)) if (!parseTarget(field)) problems.push(`constants: "${field}" is not a field an import can fill.`);
  }
  if (value.groups !== undefined) {
    if (!isObject(value.groups)) problems.push('groups must be an object: source group → customer_group_id.');
    else
      for (const [group, id] of Object.entries(value.groups))
        if (!Number.isInteger(id) || (id as number) < 0) problems.push(`groups "${group}": a customer_group_id is a whole number, 0 or more.`);
  }
  if (value.addresses !== undefined) {
    if (!isObject(value.addresses) || !isObject(value.addresses.join) || !Object.keys(value.addresses.join).length)
      problems.push('addresses needs "join" (address-file column → main-file column) and "columns".');
    else checkColumns(value.addresses.columns, 'addresses.columns', true);
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping as the text of a `*.bccustomers-mapping.json` file. */
export function mappingText(mapping: ImportMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
