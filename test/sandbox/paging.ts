/** Page/limit parsing and the `meta.pagination` block of V3 list answers. */
import { invalidQuery, type Reply } from './replies.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

export interface Paging {
  page: number;
  limit: number;
}

export interface Pagination {
  total: number;
  count: number;
  per_page: number;
  current_page: number;
  total_pages: number;
  links: { previous?: string; current: string; next?: string };
}

function positiveInteger(params: URLSearchParams, name: string, fallback: number): number | Reply {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 1) {
    return invalidQuery(`Query parameter "${name}" value must be a positive integer. For input string: "${raw}".`);
  }
  return value;
}

/** Reads `page` and `limit`; a limit above the maximum is lowered to it. */
export function readPaging(params: URLSearchParams): Paging | Reply {
  const page = positiveInteger(params, 'page', 1);
  if (typeof page !== 'number') return page;
  const limit = positiveInteger(params, 'limit', DEFAULT_LIMIT);
  if (typeof limit !== 'number') return limit;
  return { page, limit: Math.min(limit, MAX_LIMIT) };
}

/** Links keep every other query parameter, so following `next` keeps the filters. */
function pageLink(params: URLSearchParams, page: number, limit: number): string {
  const link = new URLSearchParams(params);
  link.set('page', String(page));
  link.set('limit', String(limit));
  return `?${link.toString()}`;
}

export function paginate<T>(items: readonly T[], paging: Paging, params: URLSearchParams): { page: T[]; pagination: Pagination } {
  const { page, limit } = paging;
  const start = (page - 1) * limit;
  const slice = items.slice(start, start + limit);
  const totalPages = Math.ceil(items.length / limit);
  const links: Pagination['links'] = {
    ...(page > 1 ? { previous: pageLink(params, Math.min(page - 1, Math.max(totalPages, 1)), limit) } : {}),
    current: pageLink(params, page, limit),
    ...(page < totalPages ? { next: pageLink(params, page + 1, limit) } : {}),
  };
  return {
    page: slice,
    pagination: {
      total: items.length,
      count: slice.length,
      per_page: limit,
      current_page: page,
      total_pages: totalPages,
      links,
    },
  };
}
