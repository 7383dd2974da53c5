/**
 * Read-only lookups a client makes to check a payload: attribute definitions,
 * customer groups (V2, bare array), channels and per-channel customer settings.
 */
import { LOOKUP_TIMESTAMP } from '../data.js';
import { paginate, readPaging } from '../paging.js';
import { errorReply, jsonReply, type Reply } from '../replies.js';
import { answer, csvParam, type RouteContext, type RouteOutcome } from './context.js';

/** Paged V3 list with `meta.pagination`. */
function pagedList<T>(items: readonly T[], query: URLSearchParams, present: (item: T) => unknown): Reply {
  const paging = readPaging(query);
  if ('status' in paging) return paging;
  const { page, pagination } = paginate(items, paging, query);
  return jsonReply(200, { data: page.map(present), meta: { pagination } });
}

export function listAttributesRoute({ state, query }: RouteContext): RouteOutcome {
  const name = query.get('name');
  const nameLike = query.get('name:like')?.toLowerCase();
  const type = query.get('type');
  const matches = state.attributes.filter(
    (attribute) =>
      (name === null || attribute.name === name) &&
      (nameLike === undefined || attribute.name.toLowerCase().includes(nameLike)) &&
      (type === null || attribute.type === type),
  );
  return answer(
    pagedList(matches, query, (attribute) => ({
      id: attribute.id,
      name: attribute.name,
      type: attribute.type,
      date_created: LOOKUP_TIMESTAMP,
      date_modified: LOOKUP_TIMESTAMP,
    })),
  );
}

/** V2 conventions: a bare array, 204 with no body when nothing matches, V2-style error list. */
export function listCustomerGroupsRoute({ state, query }: RouteContext): RouteOutcome {
  const paging = readPaging(query);
  if ('status' in paging) {
    const field = query.has('page') && !/^\d+$/.test(query.get('page') ?? '') ? 'page' : 'limit';
    return answer(jsonReply(400, [{ status: 400, message: `The field '${field}' is invalid.` }]));
  }
  const name = query.get('name');
  const nameLike = query.get('name:like')?.toLowerCase();
  const isDefault = query.get('is_default');
  const matches = state.customerGroups.filter(
    (group) =>
      (name === null || group.name === name) &&
      (nameLike === undefined || group.name.toLowerCase().includes(nameLike)) &&
      (isDefault === null || String(group.is_default ?? false) === isDefault),
  );
  const start = (paging.page - 1) * paging.limit;
  const page = matches.slice(start, start + paging.limit);
  if (page.length === 0) return answer({ status: 204 });
  return answer(
    jsonReply(
      200,
      page.map((group) => ({
        id: group.id,
        name: group.name,
        is_default: group.is_default ?? false,
        category_access: { type: 'all' },
        discount_rules: [],
        date_created: 'Mon, 15 Jan 2024 10:00:00 +0000',
        date_modified: 'Mon, 15 Jan 2024 10:00:00 +0000',
        is_group_for_guests: false,
      })),
    ),
  );
}

export function listChannelsRoute({ state, query }: RouteContext): RouteOutcome {
  const types = csvParam(query, 'type:in');
  const statuses = csvParam(query, 'status:in');
  const platforms = csvParam(query, 'platform:in');
  const matches = state.channels.filter(
    (channel) =>
      (!types || types.includes(channel.type)) && (!statuses || statuses.includes(channel.status)) && (!platforms || platforms.includes(channel.platform)),
  );
  return answer(
    pagedList(matches, query, (channel) => ({
      id: channel.id,
      name: channel.name,
      type: channel.type,
      platform: channel.platform,
      status: channel.status,
      external_id: '',
      is_listable_from_ui: true,
      is_enabled: channel.status === 'active' || channel.status === 'connected',
      is_visible: true,
      date_created: LOOKUP_TIMESTAMP,
      date_modified: LOOKUP_TIMESTAMP,
      icon_url: '',
    })),
  );
}

/** Global customer settings (what channels without an override inherit). */
export function customerSettingsRoute(): RouteOutcome {
  return answer(
    jsonReply(200, {
      data: {
        privacy_settings: { ask_shopper_for_tracking_consent: false, policy_url: '' },
        customer_group_settings: { guest_customer_group_id: 0, default_customer_group_id: 0 },
      },
      meta: {},
    }),
  );
}

export function channelCustomerSettingsRoute({ state, pathParams }: RouteContext): RouteOutcome {
  const raw = pathParams['id'] ?? '';
  const channelId = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!state.channelExists(channelId)) return answer(errorReply(404, 'The channel was not found.'));
  // null = no override for this channel; the store-wide setting applies
  const allowGlobalLogins = state.channelSettings[channelId]?.allow_global_logins ?? null;
  return answer(
    jsonReply(200, {
      data: {
        privacy_settings: { ask_shopper_for_tracking_consent: null, policy_url: null },
        customer_group_settings: { guest_customer_group_id: null, default_customer_group_id: null },
        allow_global_logins: allowGlobalLogins,
      },
      meta: {},
    }),
  );
}
