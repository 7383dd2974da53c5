/** `POST /v3/customers` (create) and `GET /v3/customers` (list with filters). */
import { createCustomers } from '../createCustomers.js';
import { paginate, readPaging, type Paging } from '../paging.js';
import { detailReply, errorReply, invalidJson, invalidQuery, jsonReply, type Reply } from '../replies.js';
import type { StoredCustomer } from '../types.js';
import { MAX_ITEMS_PER_REQUEST, validateCreateBody } from '../validation.js';
import { answer, csvParam, type RouteContext, type RouteOutcome } from './context.js';

export function createCustomersRoute(context: RouteContext): RouteOutcome {
  let body: unknown;
  try {
    body = JSON.parse(context.body);
  } catch {
    return answer(detailReply(400, 'Input is invalid', 'Syntax error'));
  }
  if (Array.isArray(body) && body.length > MAX_ITEMS_PER_REQUEST) {
    return answer(errorReply(413, 'The request payload is too large. The maximum number of items allowed in the array is 10.'));
  }
  const validation = validateCreateBody(body, context.errorKeyStyle);
  if (!validation.ok) return answer(invalidJson(validation.errors));
  return createCustomers(context.state, validation.items);
}

const KNOWN_LIST_PARAMETERS = new Set([
  'page',
  'limit',
  'id:in',
  'company:in',
  'customer_group_id:in',
  'email:in',
  'name:in',
  'name:like',
  'phone:in',
  'registration_ip_address:in',
  'date_created',
  'date_created:min',
  'date_created:max',
  'date_modified',
  'date_modified:min',
  'date_modified:max',
  'include',
  'sort',
  'after',
  'before',
]);

const SORTABLE_FIELDS = new Set(['date_created', 'last_name', 'date_modified']);

type CustomerFilter = (customer: StoredCustomer) => boolean;

function integerList(query: URLSearchParams, name: string): number[] | Reply | undefined {
  const values = csvParam(query, name);
  if (!values) return undefined;
  const bad = values.find((value) => !/^-?\d+$/.test(value));
  if (bad !== undefined) {
    return invalidQuery(`Query parameter "${name}" value may contain only integer values. For input string: "${bad}".`);
  }
  return values.map(Number);
}

function lowerSet(values: string[]): Set<string> {
  return new Set(values.map((value) => value.toLowerCase()));
}

const fullName = (customer: StoredCustomer): string => `${customer.first_name} ${customer.last_name}`.toLowerCase();

/** Date filters: a bare date (YYYY-MM-DD) compares by day, anything else by instant. */
function dateFilters(query: URLSearchParams, field: 'date_created' | 'date_modified'): CustomerFilter[] | Reply {
  const filters: CustomerFilter[] = [];
  for (const suffix of ['', ':min', ':max']) {
    const name = `${field}${suffix}`;
    const raw = query.get(name);
    if (raw === null || raw === '') continue;
    const isDay = /^\d{4}-\d{2}-\d{2}$/.test(raw);
    const limit = Date.parse(raw);
    if (Number.isNaN(limit)) return invalidQuery(`Query parameter "${name}" value is not a valid date. For input string: "${raw}".`);
    const dayEnd = limit + 86_400_000 - 1;
    const instant = (customer: StoredCustomer): number => Date.parse(customer[field] ?? '');
    if (suffix === ':min') filters.push((customer) => instant(customer) >= limit);
    else if (suffix === ':max') filters.push((customer) => instant(customer) <= (isDay ? dayEnd : limit));
    else if (isDay) filters.push((customer) => instant(customer) >= limit && instant(customer) <= dayEnd);
    else filters.push((customer) => instant(customer) === limit);
  }
  return filters;
}

function buildFilters(query: URLSearchParams): CustomerFilter[] | Reply {
  const filters: CustomerFilter[] = [];
  for (const name of ['id:in', 'customer_group_id:in'] as const) {
    const ids = integerList(query, name);
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) return ids;
    const wanted = new Set(ids);
    filters.push(name === 'id:in' ? (customer) => wanted.has(customer.id) : (customer) => wanted.has(customer.customer_group_id ?? 0));
  }
  const emails = csvParam(query, 'email:in');
  if (emails) {
    const wanted = lowerSet(emails);
    filters.push((customer) => wanted.has(customer.email.toLowerCase()));
  }
  const companies = csvParam(query, 'company:in');
  if (companies) {
    const wanted = lowerSet(companies);
    filters.push((customer) => wanted.has((customer.company ?? '').toLowerCase()));
  }
  const names = csvParam(query, 'name:in');
  if (names) {
    const wanted = lowerSet(names);
    filters.push((customer) => wanted.has(fullName(customer)));
  }
  const nameParts = csvParam(query, 'name:like');
  if (nameParts) {
    const parts = nameParts.map((part) => part.toLowerCase());
    filters.push((customer) => parts.some((part) => fullName(customer).includes(part)));
  }
  const phones = csvParam(query, 'phone:in');
  if (phones) filters.push((customer) => phones.includes(customer.phone ?? ''));
  const addresses = csvParam(query, 'registration_ip_address:in');
  if (addresses) filters.push((customer) => addresses.includes(customer.registration_ip_address ?? ''));
  for (const field of ['date_created', 'date_modified'] as const) {
    const byDate = dateFilters(query, field);
    if (!Array.isArray(byDate)) return byDate;
    filters.push(...byDate);
  }
  return filters;
}

function sortCustomers(customers: StoredCustomer[], sort: string | null): StoredCustomer[] | Reply {
  if (sort === null || sort === '') return customers;
  const [field = '', direction = 'asc'] = sort.split(':');
  if (!SORTABLE_FIELDS.has(field) || (direction !== 'asc' && direction !== 'desc')) {
    return invalidQuery(`The sort parameter "${sort}" is not valid.`);
  }
  const sign = direction === 'asc' ? 1 : -1;
  const key = field as 'date_created' | 'last_name' | 'date_modified';
  return [...customers].sort((a, b) => {
    const order = String(a[key] ?? '').localeCompare(String(b[key] ?? ''));
    return order !== 0 ? sign * order : a.id - b.id;
  });
}

/** A listed customer: sub-resources only when asked for with `include`, counts always. */
function presentListed(customer: StoredCustomer, include: Set<string>): Record<string, unknown> {
  const { addresses, attributes, form_fields, store_credit_amounts, ...base } = structuredClone(customer);
  const listed: Record<string, unknown> = {
    ...base,
    address_count: addresses?.length ?? 0,
    attribute_count: attributes?.length ?? 0,
  };
  if (include.has('addresses')) listed['addresses'] = addresses ?? [];
  if (include.has('attributes')) listed['attributes'] = attributes ?? [];
  if (include.has('formfields')) listed['form_fields'] = form_fields ?? [];
  if (include.has('storecredit')) listed['store_credit_amounts'] = store_credit_amounts ?? [{ amount: 0 }];
  return listed;
}

const encodeCursor = (id: number): string => Buffer.from(`customer:${id}`).toString('base64url');

function decodeCursor(cursor: string): number | undefined {
  const match = /^customer:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

interface CursorPagination {
  count: number;
  per_page: number;
  start_cursor?: string;
  end_cursor?: string;
  links: { previous?: string; next?: string };
}

function cursorPagination(page: StoredCustomer[], limit: number, hasBefore: boolean, hasAfter: boolean): CursorPagination {
  const first = page[0];
  const last = page[page.length - 1];
  const links: CursorPagination['links'] = {};
  if (first && hasBefore) links.previous = `?limit=${limit}&before=${encodeCursor(first.id)}`;
  if (last && hasAfter) links.next = `?limit=${limit}&after=${encodeCursor(last.id)}`;
  return {
    count: page.length,
    per_page: limit,
    ...(first ? { start_cursor: encodeCursor(first.id) } : {}),
    ...(last ? { end_cursor: encodeCursor(last.id) } : {}),
    links,
  };
}

/** `after`/`before` cursors: the page right after (or before) the customer the cursor names. */
function cursorPage(matches: StoredCustomer[], query: URLSearchParams, paging: Paging): Reply | { page: StoredCustomer[]; meta: object } {
  const after = query.get('after');
  const cursor = after ?? query.get('before') ?? '';
  const id = decodeCursor(cursor);
  const position = id === undefined ? -1 : matches.findIndex((customer) => customer.id === id);
  if (position < 0) return invalidQuery(`The cursor "${cursor}" is not valid.`);
  const start = after !== null ? position + 1 : Math.max(0, position - paging.limit);
  const end = after !== null ? position + 1 + paging.limit : position;
  const page = matches.slice(start, end);
  return {
    page,
    meta: { cursor_pagination: cursorPagination(page, paging.limit, start > 0, end < matches.length) },
  };
}

export function listCustomersRoute(context: RouteContext): RouteOutcome {
  const { query } = context;
  const unknown = [...new Set(query.keys())].filter((key) => !KNOWN_LIST_PARAMETERS.has(key));
  if (unknown.length > 0) {
    return answer(invalidQuery(`The filter(s): ${unknown.join(', ')} are not valid filter parameter(s).`));
  }
  const paging = readPaging(query);
  if ('status' in paging) return answer(paging);
  const filters = buildFilters(query);
  if (!Array.isArray(filters)) return answer(filters);
  const matches = sortCustomers(
    context.state.customers.filter((customer) => filters.every((filter) => filter(customer))),
    query.get('sort'),
  );
  if (!Array.isArray(matches)) return answer(matches);
  const include = new Set(csvParam(query, 'include') ?? []);

  if (query.has('after') || query.has('before')) {
    const cursorResult = cursorPage(matches, query, paging);
    if ('status' in cursorResult) return answer(cursorResult);
    const data = cursorResult.page.map((customer) => presentListed(customer, include));
    return answer(jsonReply(200, { data, meta: cursorResult.meta }));
  }

  const { page, pagination } = paginate(matches, paging, query);
  const meta: Record<string, unknown> = { pagination };
  // the first page carries both pagination styles
  if (paging.page === 1) meta['cursor_pagination'] = cursorPagination(page, paging.limit, false, page.length < matches.length);
  return answer(jsonReply(200, { data: page.map((customer) => presentListed(customer, include)), meta }));
}
