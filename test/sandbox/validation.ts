/**
 * Shape and type checks of a create-customers body, answered the way BigCommerce's
 * JSON reader does (family C: "JSON data is missing or invalid", Play-JSON codes).
 * Every problem in every item is reported, like the JSON reader accumulates them.
 */
import type { FormFieldValue } from './types.js';

export type ErrorKeyStyle = 'indexed' | 'bare';
type Path = (string | number)[];
type JsonObject = Record<string, unknown>;

export interface AddressInput {
  first_name: string;
  last_name: string;
  address1: string;
  city: string;
  country_code: string;
  company?: string;
  address2?: string;
  state_or_province?: string;
  postal_code?: string;
  phone?: string;
  address_type?: 'residential' | 'commercial';
  form_fields?: FormFieldValue[];
}

/** A customer item that passed validation. Optional fields sent as null read as absent, except channel_ids. */
export interface CustomerInput {
  email: string;
  first_name: string;
  last_name: string;
  company?: string;
  phone?: string;
  notes?: string;
  tax_exempt_category?: string;
  customer_group_id?: number;
  origin_channel_id?: number;
  accepts_product_review_abandoned_cart_emails?: boolean;
  trigger_account_created_notification?: boolean;
  authentication?: { force_password_reset?: boolean; new_password?: string };
  store_credit_amounts?: { amount: number }[];
  channel_ids?: number[] | null;
  addresses?: AddressInput[];
  attributes?: { attribute_id: number; attribute_value: string }[];
  form_fields?: FormFieldValue[];
}

export const MAX_ITEMS_PER_REQUEST = 10;
const MAX_SUB_ITEMS = 10;

export type ValidationResult = { ok: true; items: CustomerInput[] } | { ok: false; errors: Record<string, string> };

/** Checks a parsed body (the 10-item cap is checked before, as a 413). Null optional fields are left in place: readers treat them as absent. */
export function validateCreateBody(body: unknown, keyStyle: ErrorKeyStyle): ValidationResult {
  const issues = new Issues(keyStyle);
  if (!Array.isArray(body)) {
    issues.add([], 'error.expected.jsarray');
  } else if (body.length === 0) {
    issues.add([], 'error.minLength');
  } else {
    body.forEach((item, index) => checkCustomer(item, [index], issues));
  }
  return issues.isEmpty() ? { ok: true, items: body as CustomerInput[] } : { ok: false, errors: issues.toErrors() };
}

class Issues {
  private readonly errors: Record<string, string> = {};
  private count = 0;

  constructor(private readonly keyStyle: ErrorKeyStyle) {}

  add(path: Path, code: string): void {
    // 'bare' drops the item index, as seen on some real answers; then the first problem per field wins
    const keyPath = this.keyStyle === 'bare' ? path.slice(1) : path;
    const key = keyPath.join('.');
    if (!(key in this.errors)) this.errors[key] = code;
    this.count++;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  toErrors(): Record<string, string> {
    return this.errors;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Length {
  min?: number;
  max?: number;
}

function checkLength(value: string | unknown[], path: Path, length: Length, issues: Issues): void {
  if (length.min !== undefined && value.length < length.min) issues.add(path, 'error.minLength');
  else if (length.max !== undefined && value.length > length.max) issues.add(path, 'error.maxLength');
}

/** Reads field `key`; returns undefined (after reporting) when absent or null and not allowed to be. */
function present(obj: JsonObject, key: string, path: Path, required: boolean, issues: Issues): unknown {
  const value = obj[key];
  if (value === undefined) {
    if (required) issues.add([...path, key], 'error.path.missing');
    return undefined;
  }
  if (value === null && !required) return undefined;
  return value;
}

function checkString(obj: JsonObject, key: string, path: Path, required: boolean, length: Length, issues: Issues): void {
  const value = present(obj, key, path, required, issues);
  if (value === undefined) return;
  if (typeof value !== 'string') issues.add([...path, key], 'error.expected.jsstring');
  else checkLength(value, [...path, key], length, issues);
}

function checkIntValue(value: unknown, path: Path, issues: Issues): void {
  if (typeof value !== 'number') issues.add(path, 'error.expected.jsnumber');
  else if (!Number.isInteger(value) || value > 2147483647 || value < -2147483648) issues.add(path, 'error.expected.int');
}

function checkInt(obj: JsonObject, key: string, path: Path, required: boolean, issues: Issues): void {
  const value = present(obj, key, path, required, issues);
  if (value !== undefined) checkIntValue(value, [...path, key], issues);
}

function checkBoolean(obj: JsonObject, key: string, path: Path, issues: Issues): void {
  const value = present(obj, key, path, false, issues);
  if (value !== undefined && typeof value !== 'boolean') issues.add([...path, key], 'error.expected.jsboolean');
}

/** Checks an optional array field and each of its items; `maxItems` as in the spec. */
function checkArray(
  obj: JsonObject,
  key: string,
  path: Path,
  maxItems: number | undefined,
  checkItem: (item: unknown, itemPath: Path) => void,
  issues: Issues,
): void {
  const value = present(obj, key, path, false, issues);
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.add([...path, key], 'error.expected.jsarray');
    return;
  }
  if (maxItems !== undefined) checkLength(value, [...path, key], { max: maxItems }, issues);
  value.forEach((item, index) => checkItem(item, [...path, key, index]));
}

/** Runs `checkFields` on an object item, or reports `error.expected.jsobject`. */
function checkObject(value: unknown, path: Path, checkFields: (obj: JsonObject) => void, issues: Issues): void {
  if (isObject(value)) checkFields(value);
  else issues.add(path, 'error.expected.jsobject');
}

function checkFormField(value: unknown, path: Path, issues: Issues): void {
  checkObject(
    value,
    path,
    (field) => {
      checkString(field, 'name', path, true, {}, issues);
      const fieldValue = present(field, 'value', path, true, issues);
      if (fieldValue === undefined) return;
      if (typeof fieldValue === 'string' || typeof fieldValue === 'number') return;
      if (!Array.isArray(fieldValue)) {
        issues.add([...path, 'value'], 'error.expected.jsstring');
        return;
      }
      fieldValue.forEach((entry, index) => {
        if (typeof entry !== 'string') issues.add([...path, 'value', index], 'error.expected.jsstring');
      });
    },
    issues,
  );
}

function checkAddress(value: unknown, path: Path, issues: Issues): void {
  checkObject(
    value,
    path,
    (address) => {
      checkString(address, 'first_name', path, true, { min: 1, max: 255 }, issues);
      checkString(address, 'last_name', path, true, { min: 1, max: 255 }, issues);
      checkString(address, 'company', path, false, { max: 255 }, issues);
      checkString(address, 'address1', path, true, {}, issues);
      checkString(address, 'address2', path, false, {}, issues);
      checkString(address, 'city', path, true, { max: 100 }, issues);
      checkString(address, 'state_or_province', path, false, { max: 100 }, issues);
      checkString(address, 'postal_code', path, false, { max: 30 }, issues);
      checkString(address, 'country_code', path, true, { min: 2, max: 2 }, issues);
      checkString(address, 'phone', path, false, { max: 50 }, issues);
      const addressType = present(address, 'address_type', path, false, issues);
      if (addressType !== undefined) {
        if (typeof addressType !== 'string') issues.add([...path, 'address_type'], 'error.expected.jsstring');
        else if (addressType !== 'residential' && addressType !== 'commercial') {
          issues.add([...path, 'address_type'], 'error.expected.validenumvalue');
        }
      }
      checkArray(address, 'form_fields', path, undefined, (item, itemPath) => checkFormField(item, itemPath, issues), issues);
    },
    issues,
  );
}

function checkAttribute(value: unknown, path: Path, issues: Issues): void {
  checkObject(
    value,
    path,
    (attribute) => {
      checkInt(attribute, 'attribute_id', path, true, issues);
      checkString(attribute, 'attribute_value', path, true, { max: 255 }, issues);
    },
    issues,
  );
}

function checkCustomer(item: unknown, path: Path, issues: Issues): void {
  if (!isObject(item)) {
    // a non-object item has none of the required paths
    for (const field of ['email', 'first_name', 'last_name']) issues.add([...path, field], 'error.path.missing');
    return;
  }
  checkString(item, 'email', path, true, { min: 3, max: 250 }, issues);
  checkString(item, 'first_name', path, true, { min: 1, max: 100 }, issues);
  checkString(item, 'last_name', path, true, { min: 1, max: 100 }, issues);
  checkString(item, 'company', path, false, { max: 255 }, issues);
  checkString(item, 'phone', path, false, { max: 50 }, issues);
  checkString(item, 'notes', path, false, {}, issues);
  checkString(item, 'tax_exempt_category', path, false, { max: 255 }, issues);
  checkInt(item, 'customer_group_id', path, false, issues);
  checkInt(item, 'origin_channel_id', path, false, issues);
  checkBoolean(item, 'accepts_product_review_abandoned_cart_emails', path, issues);
  checkBoolean(item, 'trigger_account_created_notification', path, issues);

  const authentication = present(item, 'authentication', path, false, issues);
  if (authentication !== undefined) {
    const authPath = [...path, 'authentication'];
    checkObject(
      authentication,
      authPath,
      (auth) => {
        checkBoolean(auth, 'force_password_reset', authPath, issues);
        checkString(auth, 'new_password', authPath, false, {}, issues);
      },
      issues,
    );
  }

  checkArray(
    item,
    'store_credit_amounts',
    path,
    undefined,
    (credit, creditPath) =>
      checkObject(
        credit,
        creditPath,
        (amount) => {
          const value = present(amount, 'amount', creditPath, true, issues);
          if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
            issues.add([...creditPath, 'amount'], 'error.expected.jsnumber');
          }
        },
        issues,
      ),
    issues,
  );
  // null is meaningful here (global access), and `[]` is a business failure, not a shape one
  if (item['channel_ids'] !== null) {
    checkArray(item, 'channel_ids', path, undefined, (id, idPath) => checkIntValue(id, idPath, issues), issues);
  }
  checkArray(item, 'addresses', path, MAX_SUB_ITEMS, (address, addressPath) => checkAddress(address, addressPath, issues), issues);
  checkArray(item, 'attributes', path, MAX_SUB_ITEMS, (attribute, attributePath) => checkAttribute(attribute, attributePath, issues), issues);
  checkArray(item, 'form_fields', path, undefined, (field, fieldPath) => checkFormField(field, fieldPath, issues), issues);
}
