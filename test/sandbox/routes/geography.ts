/** Geography V2: the store's countries and their states, as bare arrays (204 when a page is empty). */
import { readPaging } from '../paging.js';
import { errorReply, jsonReply, type Reply } from '../replies.js';
import { answer, type RouteContext, type RouteOutcome } from './context.js';

function v2Page<T>(items: readonly T[], query: URLSearchParams, present: (item: T) => unknown): Reply {
  const paging = readPaging(query);
  if ('status' in paging) {
    const field = query.has('page') && !/^\d+$/.test(query.get('page') ?? '') ? 'page' : 'limit';
    return jsonReply(400, [{ status: 400, message: `The field '${field}' is invalid.` }]);
  }
  const start = (paging.page - 1) * paging.limit;
  const page = items.slice(start, start + paging.limit);
  return page.length === 0 ? { status: 204 } : jsonReply(200, page.map(present));
}

const matches = (query: URLSearchParams, name: string, value: string) => {
  const wanted = query.get(name);
  return wanted === null || wanted.toLowerCase() === value.toLowerCase();
};

export function listCountriesRoute({ state, query }: RouteContext): RouteOutcome {
  const found = state.countries.filter(
    (c) => matches(query, 'country', c.country) && matches(query, 'country_iso2', c.country_iso2) && matches(query, 'country_iso3', c.country_iso3),
  );
  return answer(
    v2Page(found, query, (c) => ({
      ...c,
      states: { url: `https://api.bigcommerce.com/stores/store_hash/v2/countries/${c.id}/states`, resource: `/countries/${c.id}/states` },
    })),
  );
}

function statesOf(context: RouteContext, countryId?: number): RouteOutcome {
  const { state, query } = context;
  const found = state.states.filter(
    (s) =>
      (countryId === undefined || s.country_id === countryId) && matches(query, 'state', s.state) && matches(query, 'state_abbreviation', s.state_abbreviation),
  );
  return answer(v2Page(found, query, (s) => ({ ...s })));
}

export function listCountryStatesRoute(context: RouteContext): RouteOutcome {
  const raw = context.pathParams['id'] ?? '';
  const countryId = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!context.state.countries.some((c) => c.id === countryId)) return answer(errorReply(404, 'The requested resource was not found.'));
  return statesOf(context, countryId);
}

export function listAllStatesRoute(context: RouteContext): RouteOutcome {
  return statesOf(context);
}
