/**
 * Loads what a store holds that a customers file refers to: customer
 * attributes, customer groups, its countries and states, channels and whether
 * each channel allows global logins. Each part that cannot be read is left out
 * with the reason in plain words; loading never throws.
 */
import { checkStoreTarget, type StoreTarget } from '../send/storeTarget';
import {
  CATALOGUE_PARTS,
  type CataloguePart,
  type StoreAttribute,
  type StoreCatalogue,
  type StoreChannel,
  type StoreCountry,
  type StoreCustomerGroup,
  type StoreState,
} from './catalogueTypes';
import { asRecord, fetchJson, readV2List, readV3List, type ReadContext } from './listReads';
import type { ReadFailure } from './readFailures';
import { capitalize, joinWords, skippedChecksSentences } from './skippedChecks';
import type { RateLimitPacer } from '../send/rateLimit';
import { StoreClient, type StoreClientOptions } from '../send/storeClient';
import { systemClock } from '../send/clock';

export interface LoadCatalogueOptions extends StoreClientOptions {
  /** share one pacer with the store's other clients: they share its quota */
  pacer?: RateLimitPacer;
  /** cancels waits between requests; the catalogue then lists the rest as not loaded */
  signal?: AbortSignal;
  /** the clock for `loadedAt` */
  now?: () => number;
  /** items per page asked for, default 250 (the usual maximum of BigCommerce lists) */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 250;

export async function loadStoreCatalogue(target: StoreTarget, options: LoadCatalogueOptions = {}): Promise<StoreCatalogue> {
  const collected = new CatalogueCollector();
  try {
    const targetProblem = checkStoreTarget(target);
    if (targetProblem) {
      collected.failAll({ cause: `the store cannot be asked (${targetProblem.replace(/[.\s]+$/, '')})`, storeWide: true });
    } else {
      await loadParts(target, options, collected);
    }
  } catch (error) {
    // Defensive: a bug here must cost the checks, not the editor.
    collected.failAll({ cause: `loading stopped unexpectedly (${error instanceof Error ? error.message : String(error)})`, storeWide: true });
  }
  return collected.finish(target.storeHash, options.now ? options.now() : (options.clock ?? systemClock).now());
}

async function loadParts(target: StoreTarget, options: LoadCatalogueOptions, collected: CatalogueCollector): Promise<void> {
  const { signal, now: _now, pageSize: _pageSize, pacer, ...clientOptions } = options;
  const context: ReadContext = { reader: new StoreClient(target, clientOptions, pacer), storeHash: target.storeHash, ...(signal ? { signal } : {}) };
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));

  const attributes = await readV3List(context, '/v3/customers/attributes', pageSize, 'customers', parseAttribute);
  if (attributes.ok) collected.catalogue.attributes = attributes.items;
  else if (collected.fail(['attributes'], attributes.failure)) return;

  const groups = await readV2List(context, '/v2/customer_groups', pageSize, 'customers', parseGroup);
  if (groups.ok) collected.catalogue.customerGroups = groups.items;
  else if (collected.fail(['customerGroups'], groups.failure)) return;

  if (await loadGeography(context, pageSize, collected)) return;

  const channels = await readV3List(context, '/v3/channels', pageSize, 'channels', parseChannel);
  if (!channels.ok) {
    // Global logins are read per channel, so without channels they cannot be read either.
    collected.fail(['channels', 'globalLogins'], channels.failure);
    return;
  }
  collected.catalogue.channels = channels.items;
  await loadGlobalLogins(context, channels.items, collected);
}

/**
 * The store's countries, then every state of every country in one paged list
 * (`/v2/countries/states`) rather than one request per country: a few requests instead of 241.
 * Says whether to stop (a store-wide failure).
 */
async function loadGeography(context: ReadContext, pageSize: number, collected: CatalogueCollector): Promise<boolean> {
  const countries = await readV2List(context, '/v2/countries', pageSize, 'information', parseCountry);
  if (!countries.ok) return collected.fail(['countries', 'states'], countries.failure);
  collected.catalogue.countries = countries.items;
  const states = await readV2List(context, '/v2/countries/states', pageSize, 'information', parseState);
  if (!states.ok) return collected.fail(['states'], states.failure);
  collected.catalogue.states = statesByCountry(countries.items, states.items);
  return false;
}

function statesByCountry(countries: StoreCountry[], states: (StoreState & { countryId: number })[]): Record<string, StoreState[]> {
  const codeById = new Map(countries.map((c) => [c.id, c.iso2.toUpperCase()]));
  const byCountry: Record<string, StoreState[]> = {};
  for (const { countryId, ...state } of states) {
    const code = codeById.get(countryId);
    if (code) (byCountry[code] ??= []).push(state);
  }
  return byCountry;
}

function parseCountry(raw: unknown): StoreCountry | undefined {
  const item = asRecord(raw);
  const id = item?.['id'];
  const iso2 = item?.['country_iso2'];
  if (!Number.isInteger(id) || typeof iso2 !== 'string') return undefined;
  return { id: id as number, iso2, name: typeof item?.['country'] === 'string' ? item['country'] : iso2 };
}

function parseState(raw: unknown): (StoreState & { countryId: number }) | undefined {
  const item = asRecord(raw);
  const countryId = item?.['country_id'];
  const name = item?.['state'];
  if (!Number.isInteger(countryId) || typeof name !== 'string') return undefined;
  const abbreviation = item?.['state_abbreviation'];
  return { countryId: countryId as number, name, abbreviation: typeof abbreviation === 'string' ? abbreviation : '' };
}

async function loadGlobalLogins(context: ReadContext, channels: StoreChannel[], collected: CatalogueCollector): Promise<void> {
  const globalLogins: Record<number, boolean | null> = {};
  const unread: number[] = [];
  let firstFailure: ReadFailure | undefined;
  for (const channel of channels) {
    if (firstFailure?.storeWide) {
      unread.push(channel.id);
      continue;
    }
    const fetched = await fetchJson(
      context,
      { path: `/v3/customers/settings/channels/${channel.id}`, note: `read customer settings of channel ${channel.id}` },
      'customers',
    );
    if (fetched.ok) {
      globalLogins[channel.id] = readAllowGlobalLogins(fetched.json);
    } else {
      firstFailure ??= fetched.failure;
      unread.push(channel.id);
    }
  }
  if (!firstFailure) {
    collected.catalogue.globalLogins = globalLogins;
    return;
  }
  if (unread.length === channels.length) {
    collected.fail(['globalLogins'], firstFailure);
    return;
  }
  collected.catalogue.globalLogins = globalLogins;
  collected.failPartly('globalLogins', firstFailure, partialLoginsSentence(firstFailure.cause, unread));
}

function partialLoginsSentence(cause: string, channelIds: number[]): string {
  const which = channelIds.length === 1 ? `channel ${channelIds[0]} allows` : `channels ${joinWords(channelIds.map(String))} allow`;
  return `${capitalize(cause)}, so whether ${which} global logins is not checked.`;
}

/** `data.allow_global_logins`; the spec's example nests it in `customer_group_settings`, so that is read too. */
export function readAllowGlobalLogins(json: unknown): boolean | null {
  const data = asRecord(asRecord(json)?.['data']);
  const direct = data?.['allow_global_logins'];
  if (typeof direct === 'boolean') return direct;
  const nested = asRecord(data?.['customer_group_settings'])?.['allow_global_logins'];
  return typeof nested === 'boolean' ? nested : null;
}

function parseAttribute(raw: unknown): StoreAttribute | undefined {
  const item = asRecord(raw);
  const id = item?.['id'];
  const name = item?.['name'];
  const type = item?.['type'];
  if (!Number.isInteger(id) || typeof name !== 'string') return undefined;
  return { id: id as number, name, type: typeof type === 'string' ? type : 'string' };
}

function parseGroup(raw: unknown): StoreCustomerGroup | undefined {
  const item = asRecord(raw);
  const id = item?.['id'];
  const name = item?.['name'];
  if (!Number.isInteger(id)) return undefined;
  return { id: id as number, name: typeof name === 'string' ? name : '' };
}

function parseChannel(raw: unknown): StoreChannel | undefined {
  const item = asRecord(raw);
  const id = item?.['id'];
  if (!Number.isInteger(id)) return undefined;
  const channel: StoreChannel = { id: id as number, name: typeof item?.['name'] === 'string' ? item['name'] : '' };
  if (typeof item?.['type'] === 'string') channel.type = item['type'];
  if (typeof item?.['status'] === 'string') channel.status = item['status'];
  return channel;
}

/** Gathers loaded parts and failures, and turns failures into sentences at the end. */
class CatalogueCollector {
  readonly catalogue: Omit<StoreCatalogue, 'storeHash' | 'loadedAt' | 'problems'> = {};
  private readonly unavailable: Partial<Record<CataloguePart, string>> = {};
  /** parts loaded in part only, with their own sentence */
  private readonly partial = new Map<CataloguePart, string>();

  /** Records the failure of `parts`; when it is store-wide, every part not loaded yet fails with it. Says whether to stop. */
  fail(parts: CataloguePart[], failure: ReadFailure): boolean {
    for (const part of parts) this.unavailable[part] = failure.cause;
    if (failure.storeWide) this.failAll(failure);
    return failure.storeWide;
  }

  failAll(failure: ReadFailure): void {
    for (const part of CATALOGUE_PARTS) {
      if (this.catalogue[part] === undefined) this.unavailable[part] ??= failure.cause;
    }
  }

  failPartly(part: CataloguePart, failure: ReadFailure, sentence: string): void {
    this.unavailable[part] = failure.cause;
    this.partial.set(part, sentence);
  }

  finish(storeHash: string, loadedAt: number): StoreCatalogue {
    const whole = CATALOGUE_PARTS.filter((part) => this.unavailable[part] !== undefined && !this.partial.has(part));
    const problems = [...skippedChecksSentences(this.unavailable, whole), ...this.partial.values()];
    const result: StoreCatalogue = { storeHash, loadedAt, ...this.catalogue, problems };
    if (Object.keys(this.unavailable).length > 0) result.unavailable = { ...this.unavailable };
    return result;
  }
}
