/** The route table: which paths exist, which scopes they need, and who answers them. */
import type { RouteContext, RouteOutcome } from './context.js';
import { createCustomersRoute, listCustomersRoute } from './customers.js';
import { listAllStatesRoute, listCountriesRoute, listCountryStatesRoute } from './geography.js';
import { channelCustomerSettingsRoute, customerSettingsRoute, listAttributesRoute, listChannelsRoute, listCustomerGroupsRoute } from './lookups.js';

/** Token scopes, any one of which opens a route. */
const CUSTOMERS_MODIFY = ['store_v2_customers'];
const CUSTOMERS_READ = ['store_v2_customers', 'store_v2_customers_read_only'];
const CHANNELS_READ = ['store_channel_settings', 'store_channel_settings_read_only'];
const INFORMATION_READ = ['store_v2_information', 'store_v2_information_read_only'];

export interface Route {
  method: 'GET' | 'POST';
  /** path below `/stores/{hash}`; `:name` segments capture a value */
  pattern: string;
  /** how fault plans name this route */
  faultKey: string;
  anyOfScopes: readonly string[];
  handle(context: RouteContext): RouteOutcome;
}

export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: '/v3/customers', faultKey: 'POST /v3/customers', anyOfScopes: CUSTOMERS_MODIFY, handle: createCustomersRoute },
  { method: 'GET', pattern: '/v3/customers', faultKey: 'GET /v3/customers', anyOfScopes: CUSTOMERS_READ, handle: listCustomersRoute },
  { method: 'GET', pattern: '/v3/customers/attributes', faultKey: 'GET /v3/customers/attributes', anyOfScopes: CUSTOMERS_READ, handle: listAttributesRoute },
  { method: 'GET', pattern: '/v3/customers/settings', faultKey: 'GET /v3/customers/settings', anyOfScopes: CUSTOMERS_READ, handle: customerSettingsRoute },
  {
    method: 'GET',
    pattern: '/v3/customers/settings/channels/:id',
    faultKey: 'GET /v3/customers/settings/channels/{id}',
    anyOfScopes: CUSTOMERS_READ,
    handle: channelCustomerSettingsRoute,
  },
  { method: 'GET', pattern: '/v2/customer_groups', faultKey: 'GET /v2/customer_groups', anyOfScopes: CUSTOMERS_READ, handle: listCustomerGroupsRoute },
  { method: 'GET', pattern: '/v3/channels', faultKey: 'GET /v3/channels', anyOfScopes: CHANNELS_READ, handle: listChannelsRoute },
  { method: 'GET', pattern: '/v2/countries', faultKey: 'GET /v2/countries', anyOfScopes: INFORMATION_READ, handle: listCountriesRoute },
  { method: 'GET', pattern: '/v2/countries/states', faultKey: 'GET /v2/countries/states', anyOfScopes: INFORMATION_READ, handle: listAllStatesRoute },
  {
    method: 'GET',
    pattern: '/v2/countries/:id/states',
    faultKey: 'GET /v2/countries/{id}/states',
    anyOfScopes: INFORMATION_READ,
    handle: listCountryStatesRoute,
  },
];

export type RouteMatch = { kind: 'route'; route: Route; pathParams: Record<string, string> } | { kind: 'method-not-allowed' } | { kind: 'not-found' };

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const actual = path.split('/');
  if (wanted.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const segment = wanted[i] ?? '';
    const value = actual[i] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = value;
    else if (segment !== value) return undefined;
  }
  return params;
}

/** Finds the route for a path below `/stores/{hash}` (trailing slash ignored). */
export function resolveRoute(method: string, storePath: string): RouteMatch {
  const path = storePath.length > 1 ? storePath.replace(/\/+$/, '') : storePath;
  let pathExists = false;
  for (const route of ROUTES) {
    const pathParams = matchPattern(route.pattern, path);
    if (!pathParams) continue;
    if (route.method === method) return { kind: 'route', route, pathParams };
    pathExists = true;
  }
  return pathExists ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}

export function hasScope(route: Route, scopes: readonly string[]): boolean {
  return route.anyOfScopes.some((scope) => scopes.includes(scope));
}
