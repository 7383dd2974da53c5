/**
 * Where a customer can log in, and whether two customers with the same email would
 * collide. In a multi-storefront store emails are unique per channel, not per store:
 * `channel_ids` null or absent means every channel that allows global logins, a list
 * means those channels only.
 */
import { asRecord } from './listReads';

/** `'global'`: every channel that allows global logins; otherwise the listed channels. */
export type ChannelAccess = 'global' | readonly number[];

/** A customer the store already has, as `GET /v3/customers?email:in=…` describes it. */
export interface ExistingCustomer {
  id: number;
  email: string;
  access: ChannelAccess;
  originChannelId?: number;
}

/** Whether a channel allows global logins: `undefined` when that is not known. */
export type GlobalLoginsOf = (channelId: number) => boolean | undefined;

/**
 * BigCommerce's default when the store's settings are not known: only the default
 * storefront, channel 1, allows global logins; any other channel may have been switched on.
 */
export const defaultGlobalLogins: GlobalLoginsOf = (channelId) => (channelId === 1 ? true : undefined);

/** The global-logins setting of each channel, from a store's catalogue (`null`: no override, so unknown). */
export function globalLoginsFrom(settings: Readonly<Record<number, boolean | null>> | undefined): GlobalLoginsOf {
  return (channelId) => {
    const allowed = settings?.[channelId];
    return typeof allowed === 'boolean' ? allowed : defaultGlobalLogins(channelId);
  };
}

/** The access a `channel_ids` value grants; `undefined` for a value that is not null or a list of ids. */
export function channelAccessOf(channelIds: unknown): ChannelAccess | undefined {
  if (channelIds === null || channelIds === undefined) return 'global';
  if (Array.isArray(channelIds) && channelIds.length > 0 && channelIds.every((id) => Number.isInteger(id))) return channelIds as number[];
  return undefined;
}

/** The access of a customer object (as written or as a store lists it); `undefined` for a `channel_ids` that is not null or a list of ids. */
export function channelAccessOfCustomer(customer: unknown): ChannelAccess | undefined {
  if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) return 'global';
  return channelAccessOf((customer as Record<string, unknown>).channel_ids);
}

/** One customer of a `GET /v3/customers` answer; `undefined` when it lacks an id or an email. */
export function existingCustomerOf(raw: unknown): ExistingCustomer | undefined {
  const record = asRecord(raw);
  const id = record?.['id'];
  const email = record?.['email'];
  if (!Number.isInteger(id) || typeof email !== 'string') return undefined;
  // An answer without channel_ids comes from a store without multi-storefront: one login for all.
  const access = channelAccessOf(record?.['channel_ids']) ?? 'global';
  const origin = record?.['origin_channel_id'];
  return { id: id as number, email, access, ...(Number.isInteger(origin) ? { originChannelId: origin as number } : {}) };
}

/**
 * Whether two customers with the same email could log in on a common channel, which
 * BigCommerce refuses: `true`, `false`, or `undefined` when it depends on a channel's
 * global-logins setting that is not known.
 */
export function accessOverlaps(a: ChannelAccess, b: ChannelAccess, globalLogins: GlobalLoginsOf = defaultGlobalLogins): boolean | undefined {
  if (a === 'global' && b === 'global') return true;
  if (a !== 'global' && b !== 'global') return a.some((id) => b.includes(id));
  const listed = a === 'global' ? (b as readonly number[]) : a;
  const settings = listed.map(globalLogins);
  if (settings.includes(true)) return true;
  return settings.includes(undefined) ? undefined : false;
}

/**
 * The existing customer that stops a new one with the same email from being created, if any:
 * one whose access certainly overlaps, else one whose overlap is unknown (`certain: false`).
 * `undefined` when every existing customer with that email is on other channels.
 */
export function collidingCustomer(
  access: ChannelAccess,
  existing: readonly ExistingCustomer[],
  globalLogins: GlobalLoginsOf = defaultGlobalLogins,
): { customer: ExistingCustomer; certain: boolean } | undefined {
  let possible: ExistingCustomer | undefined;
  for (const customer of existing) {
    const overlap = accessOverlaps(access, customer.access, globalLogins);
    if (overlap === true) return { customer, certain: true };
    if (overlap === undefined) possible ??= customer;
  }
  return possible && { customer: possible, certain: false };
}

/** "all channels that allow global logins", "channel 2", "channels 2 and 3" */
export function describeAccess(access: ChannelAccess): string {
  if (access === 'global') return 'all channels that allow global logins';
  if (access.length === 1) return `channel ${access[0]}`;
  return `channels ${access.slice(0, -1).join(', ')} and ${access[access.length - 1]}`;
}
