/**
 * Which storefronts (channels) a customer can log in to. In a store with
 * several storefronts an email must be unique per channel, not per store, so
 * two customers with the same email clash only when their channels overlap.
 */

/** `null`: global access (no `channel_ids`), which reaches every channel that allows global logins. */
export type ChannelAccess = readonly number[] | null;

/** The channel access of a customer as sent or as the store lists it: its `channel_ids`, or global. */
export function channelAccessOf(customer: unknown): ChannelAccess {
  const ids = (customer as { channel_ids?: unknown } | null)?.channel_ids;
  return Array.isArray(ids) && ids.length > 0 && ids.every((id) => Number.isInteger(id)) ? (ids as number[]) : null;
}

/**
 * Whether two customers' channels can meet. Global access is taken to meet
 * every channel: which channels allow global logins is not always known, and
 * assuming a clash never creates a customer twice.
 */
export function channelsOverlap(a: ChannelAccess, b: ChannelAccess): boolean {
  if (a === null || b === null) return true;
  return a.some((id) => b.includes(id));
}
