import { countryCodeOf, subdivisionNameOf } from './geography';
import {
  type AddressField,
  type ColumnTarget,
  type Conversion,
  type CustomerField,
  defaultConversion,
  type FieldTarget,
  type ImportMapping,
  parseTarget,
  ruleOf,
} from './mapping';
import type { ConversionTally } from './report';

/** A mapping matched to one file's header. */
export interface ColumnPlan {
  /** Columns that fill fields, in the mapping's order (the first non-empty one wins a field). */
  filling: { index: number; column: string; targets: FieldTarget[]; convert?: Conversion | undefined }[];
  /** Columns whose values are left out, with why. */
  leftOut: { index: number; column: string; reason: string }[];
  /** Columns the mapping names that the file lacks. */
  missing: string[];
  constants: { target: FieldTarget; value: string | number | boolean }[];
  groups: Map<string, number>;
}

export type Customer = Record<string, unknown> & { email?: string; addresses?: Address[] };
export type Address = Record<string, unknown>;

/** Column names compare exactly first, then without case and surrounding spaces. */
function columnIndex(header: string[], column: string): number {
  const exact = header.indexOf(column);
  if (exact >= 0) return exact;
  const wanted = column.trim().toLowerCase();
  return header.findIndex((c) => c.trim().toLowerCase() === wanted);
}

export function planColumns(header: string[], columns: Record<string, ColumnTarget>, mapping: ImportMapping, addressOnly = false): ColumnPlan {
  const plan: ColumnPlan = { filling: [], leftOut: [], missing: [], constants: [], groups: new Map() };
  const used = new Set<number>();
  for (const [column, target] of Object.entries(columns)) {
    const index = columnIndex(header, column);
    const found = header[index];
    if (found === undefined || used.has(index)) {
      if (found === undefined && ruleOf(target).field) plan.missing.push(column);
      continue;
    }
    used.add(index);
    const rule = ruleOf(target);
    const fields = rule.field === undefined ? [] : Array.isArray(rule.field) ? rule.field : [rule.field];
    const targets = fields.map((f) => parseTarget(f, addressOnly)).filter((t): t is FieldTarget => t !== undefined);
    if (targets.length) plan.filling.push({ index, column: found, targets, convert: rule.convert });
    else plan.leftOut.push({ index, column: found, reason: rule.leftOut ?? 'left out by the mapping' });
  }
  header.forEach((column, index) => {
    if (!used.has(index) && column) plan.leftOut.push({ index, column, reason: 'not in the mapping' });
  });
  if (!addressOnly) {
    for (const [field, value] of Object.entries(mapping.constants ?? {})) {
      const target = parseTarget(field);
      if (target) plan.constants.push({ target, value });
    }
    for (const [group, id] of Object.entries(mapping.groups ?? {})) plan.groups.set(group.trim().toLowerCase(), id);
  }
  return plan;
}

const leadingApostrophe = /^'(?=[+\d(])/;
/** Fields whose values spreadsheets turn into numbers, so exports keep them as text with an apostrophe. */
const textNumberFields = new Set(['phone', 'postal_code']);

/** A cell as it goes into a customer: trimmed, without the apostrophe spreadsheets put before numbers. */
function cleanCell(cell: string, row: number, tally: ConversionTally, textNumber: boolean): string {
  let value = cell.trim();
  if (value !== cell && value) tally.note('trimmed', row, cell, value);
  if (value.length > 1 && (leadingApostrophe.test(value) || (textNumber && value.startsWith("'")))) {
    tally.note('apostrophe', row, value, value.slice(1));
    value = value.slice(1);
  }
  return value;
}

interface Cell {
  value: string;
  convert: Conversion;
}

const truthy = new Set(['yes', 'y', 'true', '1', 'on']);
const falsy = new Set(['no', 'n', 'false', '0', 'off']);

function toBoolean(value: string, row: number, tally: ConversionTally): boolean | string {
  const lower = value.toLowerCase();
  const result = truthy.has(lower) ? true : falsy.has(lower) ? false : undefined;
  if (result === undefined) {
    tally.note('boolean-unknown', row, value);
    return value;
  }
  tally.note('boolean', row, value, result);
  return result;
}

function toNumber(value: string, row: number, tally: ConversionTally): number | string {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) {
    tally.note('number-unknown', row, value);
    return value;
  }
  const number = Number(value);
  if (String(number) !== value) tally.note('number', row, value, number);
  return number;
}

/** Converts a value for its field; state names need the address's country, so they are done with the address. */
function convertValue(cell: Cell, row: number, tally: ConversionTally, plan: ColumnPlan): unknown {
  const { value, convert } = cell;
  switch (convert) {
    case 'boolean':
      return toBoolean(value, row, tally);
    case 'number':
      return toNumber(value, row, tally);
    case 'country': {
      const code = countryCodeOf(value);
      if (!code) tally.note('country-unknown', row, value);
      else if (code !== value) tally.note('country', row, value, code);
      return code ?? value;
    }
    case 'group': {
      const id = plan.groups.get(value.toLowerCase());
      if (id === undefined) tally.note('group-unmapped', row, value);
      else tally.note('group', row, value, id);
      return id;
    }
    default:
      return value;
  }
}

/** "Mary Ann Smith" → Mary Ann / Smith: the last word is the last name. */
function splitName(full: string, row: number, tally: ConversionTally): { first_name?: string | undefined; last_name?: string | undefined } {
  const words = full.split(/\s+/).filter(Boolean);
  const parts = words.length > 1 ? { first_name: words.slice(0, -1).join(' '), last_name: words[words.length - 1] } : { first_name: words[0] };
  tally.note('full-name', row, full, [parts.first_name, parts.last_name].filter(Boolean).join(' / '));
  return parts;
}

const customerOrder: CustomerField[] = [
  'email',
  'first_name',
  'last_name',
  'company',
  'phone',
  'notes',
  'tax_exempt_category',
  'customer_group_id',
  'accepts_product_review_abandoned_cart_emails',
  'store_credit_amounts',
];
const addressOrder: AddressField[] = [
  'first_name',
  'last_name',
  'company',
  'address1',
  'address2',
  'city',
  'state_or_province',
  'postal_code',
  'country_code',
  'phone',
  'address_type',
];

/** The cells of a row by field: the first non-empty column wins each field. */
function gatherCells(plan: ColumnPlan, fields: string[], row: number, tally: ConversionTally) {
  const customer = new Map<string, Cell>();
  const addresses = new Map<number, Map<string, Cell>>();
  for (const column of plan.filling) {
    const raw = fields[column.index] ?? '';
    if (!raw) continue;
    const value = cleanCell(
      raw,
      row,
      tally,
      column.targets.some((t) => textNumberFields.has(t.field)),
    );
    if (!value) continue;
    for (const target of column.targets) {
      const cells = target.address === undefined ? customer : (addresses.get(target.address) ?? addresses.set(target.address, new Map()).get(target.address)!);
      if (!cells.has(target.field)) cells.set(target.field, { value, convert: column.convert ?? defaultConversion(target) });
    }
  }
  return { customer, addresses };
}

/** An address from its cells; undefined when the row has none of its values. */
function buildAddress(
  cells: Map<string, Cell> | undefined,
  plan: ColumnPlan,
  index: number,
  names: { first_name?: unknown; last_name?: unknown },
  row: number,
  tally: ConversionTally,
): Address | undefined {
  if (!cells?.size) return undefined;
  const values: Record<string, unknown> = {};
  if (!cells.has('first_name') && !cells.has('last_name') && cells.has('full_name'))
    Object.assign(values, splitName(cells.get('full_name')!.value, row, tally));
  const street = cells.get('street');
  if (street) {
    const [line1, ...rest] = street.value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const line2 = rest.join(', ');
    if (!cells.has('address1') && line1) values.address1 = line1;
    if (!cells.has('address2') && line2) values.address2 = line2;
    if (rest.length) tally.note('street', row, street.value, [line1, line2]);
  }
  for (const [field, cell] of cells)
    if (field !== 'full_name' && field !== 'street' && field !== 'state_or_province') values[field] = convertValue(cell, row, tally, plan);
  for (const { target, value } of plan.constants) {
    if (target.address === index && values[target.field] === undefined) values[target.field] = value;
  }
  const state = cells.get('state_or_province');
  if (state) {
    const country = typeof values.country_code === 'string' ? values.country_code : undefined;
    const name = state.convert === 'state' ? subdivisionNameOf(country, state.value) : undefined;
    if (name && name !== state.value) tally.note('state', row, state.value, name);
    values.state_or_province = name ?? state.value;
  }
  if (values.first_name === undefined && values.last_name === undefined && (names.first_name !== undefined || names.last_name !== undefined)) {
    values.first_name = names.first_name;
    values.last_name = names.last_name;
    tally.note('address-name', row, [names.first_name, names.last_name].filter(Boolean).join(' '));
  }
  return ordered(values, addressOrder);
}

function ordered(values: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) if (values[key] !== undefined) result[key] = values[key];
  return result;
}

/** The customer a row makes under `plan`. */
export function convertRow(plan: ColumnPlan, fields: string[], row: number, tally: ConversionTally): Customer {
  const cells = gatherCells(plan, fields, row, tally);
  const values: Record<string, unknown> = {};
  for (const [field, cell] of cells.customer) if (field !== 'full_name' && field !== 'store_credit') values[field] = convertValue(cell, row, tally, plan);
  const hasNameColumn = plan.filling.some((c) => c.targets.some((t) => t.address === undefined && (t.field === 'first_name' || t.field === 'last_name')));
  const fullName = cells.customer.get('full_name');
  if (fullName && !hasNameColumn) Object.assign(values, splitName(fullName.value, row, tally));
  const credit = cells.customer.get('store_credit');
  if (credit) {
    const amount = convertValue(credit, row, tally, plan);
    if (amount === 0) tally.note('zero-credit', row, credit.value);
    else values.store_credit_amounts = [{ amount }];
  }
  for (const { target, value } of plan.constants) {
    if (target.address === undefined && values[target.field] === undefined) values[target.field] = value;
  }
  const customer = ordered(values, customerOrder) as Customer;
  const addresses = [...cells.addresses.keys()]
    .sort((a, b) => a - b)
    .map((i) => buildAddress(cells.addresses.get(i), plan, i, values, row, tally))
    .filter((a): a is Address => a !== undefined);
  addAddresses(customer, addresses, row, tally);
  return customer;
}

/** An address from a row of an addresses file. */
export function convertAddressRow(plan: ColumnPlan, fields: string[], row: number, tally: ConversionTally): Address | undefined {
  return buildAddress(gatherCells(plan, fields, row, tally).addresses.get(0), plan, 0, {}, row, tally);
}

/** Adds addresses to the customer, each only once (a shipping address equal to the billing one). */
export function addAddresses(customer: Customer, addresses: Address[], row: number, tally: ConversionTally): void {
  if (!addresses.length) return;
  const list = customer.addresses ?? [];
  if (!list.length && addresses.length === 1) {
    customer.addresses = addresses;
    return;
  }
  const seen = new Set(list.map((a) => JSON.stringify(a)));
  for (const address of addresses) {
    const key = JSON.stringify(address);
    if (seen.has(key)) {
      tally.note('same-address', row, [address.address1, address.city].filter(Boolean).join(', '));
      continue;
    }
    seen.add(key);
    list.push(address);
  }
  customer.addresses = list;
}
