/**
 * Checks a customers file against the store it is sent to: attribute, group and
 * channel ids the store does not have, attribute values that do not fit their
 * type, global access a channel does not allow, emails the store already has on
 * the same channels, and countries and states not as the store lists them. A
 * check whose store data is missing stays silent; the file then gets one note
 * saying which checks were skipped and why — never a false error.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { bodyArrayOffset, forEachCustomerNode, type JsonDocument, openingRange, rangeOf, type TextRange } from '../document/jsonDocument';
import { toPointer } from '../document/jsonPointer';
import { describeValue } from '../rules/describeValue';
import { valueNode } from '../rules/objectWalker';
import { closestName } from '../rules/suggest';
import { emailKey } from '../results/sendResults';
import { attributeValueFits } from './attributeValues';
import { builtInStates, countryCodeOf, countryName, judgeState } from '../geography/states';
import { CATALOGUE_PARTS, type CataloguePart, type StoreAttribute, type StoreCatalogue, type StoreChannel, type StoreState } from './catalogueTypes';
import { channelAccessOf, collidingCustomer, describeAccess, type ExistingCustomer, globalLoginsFrom } from './channelAccess';
import { skippedChecksSentences } from './skippedChecks';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';

export interface StoreRuleOptions {
  /** why existing emails could not be looked up, when they could not */
  emailLookupProblem?: string;
  /**
   * The store's customers with each email (as `ExistingEmailChecker.existingCustomers` gives
   * them): an email is then reported only where their channel access meets the new customer's.
   */
  existingCustomers?: ReadonlyMap<string, readonly ExistingCustomer[]>;
}

/** Lists of the store's ids in messages stop after this many. */
const LISTED = 15;

export function storeDiagnostics(
  doc: JsonDocument,
  catalogue: StoreCatalogue | undefined,
  existing: ReadonlyMap<string, number>,
  storeHash: string,
  options: StoreRuleOptions = {},
): BcDiagnostic[] {
  const check = new StoreCheck(catalogue, storeHash);
  const isArray = forEachCustomerNode(doc, (customer, index) => {
    if (customer.type !== 'object') return;
    check.attributes(customer, index);
    check.customerGroup(customer, index);
    check.channels(customer, index);
    check.globalLogins(customer, index);
    check.existingEmail(customer, index, existing, options.existingCustomers);
    check.addresses(customer, index);
  });
  const arrayStart = bodyArrayOffset(doc);
  if (!isArray || arrayStart === undefined) return [];
  const found = check.found.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const note = check.skippedNote({ start: arrayStart, end: arrayStart + 1 }, options.emailLookupProblem);
  return note ? [note, ...found] : found;
}

class StoreCheck {
  readonly found: BcDiagnostic[] = [];
  /** parts the file needed but the catalogue lacks */
  private readonly skipped = new Set<CataloguePart>();
  private needsEmailLookup = false;

  constructor(
    private readonly catalogue: StoreCatalogue | undefined,
    private readonly storeHash: string,
  ) {}

  attributes(customer: Node, index: number): void {
    const list = valueNode(customer, 'attributes');
    if (list?.type !== 'array') return;
    list.children?.forEach((attribute, position) => {
      if (attribute.type !== 'object') return;
      const idNode = valueNode(attribute, 'attribute_id');
      if (idNode?.type !== 'number' && idNode?.type !== 'string') return;
      const known = this.catalogue?.attributes;
      if (!known) {
        this.skipped.add('attributes');
        return;
      }
      const definition = this.attributeOf(idNode, known, [index, 'attributes', position, 'attribute_id']);
      const valueNodeOfAttribute = valueNode(attribute, 'attribute_value');
      if (definition && valueNodeOfAttribute?.type === 'string') {
        this.attributeValue(definition, valueNodeOfAttribute, [index, 'attributes', position, 'attribute_value']);
      }
    });
  }

  /** The attribute an `attribute_id` names, reporting it when the store has none such. */
  private attributeOf(idNode: Node, known: StoreAttribute[], path: (string | number)[]): StoreAttribute | undefined {
    const pointer = toPointer(path);
    const range = rangeOf(idNode);
    const shown = idNode.type === 'number' ? String(idNode.value) : describeValue(idNode.value);
    const listing =
      known.length === 0
        ? `store ${this.storeHash} has no customer attributes; create the attribute in the control panel before sending customers with it`
        : `its attributes are ${listAttributes(known)}`;
    const notAnAttribute = `attribute_id ${shown} is not an attribute of store ${this.storeHash}; ${listing}`;
    const text = String(idNode.value).trim();

    // A number, or a number written as a string (which the schema check already reports).
    if (idNode.type === 'number' || /^\d+$/.test(text)) {
      const found = known.find((a) => a.id === Number(idNode.value));
      if (!found) this.report('unknown-attribute', notAnAttribute, range, pointer);
      return found;
    }
    const byName = known.find((a) => a.name.trim().toLowerCase() === text.toLowerCase());
    if (byName) {
      this.report('unknown-attribute', `attribute_id ${shown} is a name, not an id: the store's id for it is ${byName.id}; ${listing}`, range, pointer, {
        fix: { kind: 'set-value', pointer, value: byName.id, title: `Change attribute_id to ${byName.id} (${byName.name})`, preferred: true },
      });
      return byName;
    }
    const guess = closestName(
      text,
      known.map((a) => a.name),
    );
    const guessed = known.find((a) => a.name === guess);
    const fix = guessed && {
      kind: 'set-value' as const,
      pointer,
      value: guessed.id,
      title: `Change attribute_id to ${guessed.id} (${guessed.name})`,
      preferred: false,
    };
    this.report('unknown-attribute', notAnAttribute, range, pointer, fix ? { fix } : {});
    return undefined;
  }

  private attributeValue(definition: StoreAttribute, node: Node, path: (string | number)[]): void {
    const fit = attributeValueFits(definition.type, String(node.value));
    if (fit.fits) return;
    this.report(
      'attribute-value-type',
      `attribute_value ${describeValue(node.value)} does not fit attribute ${definition.id} "${definition.name}", which is a ${definition.type} attribute: the store expects ${fit.expected}`,
      rangeOf(node),
      toPointer(path),
    );
  }

  customerGroup(customer: Node, index: number): void {
    const node = valueNode(customer, 'customer_group_id');
    // 0 means "no group" and is valid in every store.
    if (node?.type !== 'number' || node.value === 0) return;
    const groups = this.catalogue?.customerGroups;
    if (!groups) {
      this.skipped.add('customerGroups');
      return;
    }
    if (groups.some((g) => g.id === node.value)) return;
    const pointer = toPointer([index, 'customer_group_id']);
    const listing = groups.length === 0 ? `store ${this.storeHash} has no customer groups` : `its groups are ${listNamed(groups)}`;
    this.report(
      'unknown-customer-group',
      `customer_group_id ${node.value} is not a customer group of store ${this.storeHash}; ${listing} (0 means no group)`,
      rangeOf(node),
      pointer,
      {
        fix: { kind: 'set-value', pointer, value: 0, title: 'Change customer_group_id to 0 (no group)', preferred: false },
      },
    );
  }

  channels(customer: Node, index: number): void {
    const ids = valueNode(customer, 'channel_ids');
    const origin = valueNode(customer, 'origin_channel_id');
    const entries =
      ids?.type === 'array' ? (ids.children ?? []).map((node, position) => ({ node, path: [index, 'channel_ids', position], field: 'channel_ids' })) : [];
    if (origin) entries.push({ node: origin, path: [index, 'origin_channel_id'], field: 'origin_channel_id' });
    for (const { node, path, field } of entries) {
      if (node.type !== 'number') continue;
      const channels = this.catalogue?.channels;
      if (!channels) {
        this.skipped.add('channels');
        continue;
      }
      if (channels.some((c) => c.id === node.value)) continue;
      const what = field === 'channel_ids' ? `channel ${node.value} in channel_ids` : `origin_channel_id ${node.value}`;
      this.report(
        'unknown-channel',
        `${what} is not a channel of store ${this.storeHash}; its channels are ${listChannels(channels)}`,
        rangeOf(node),
        toPointer(path),
      );
    }
  }

  /** Global access (no `channel_ids`, or null) needs `allow_global_logins` on the customer's channel. */
  globalLogins(customer: Node, index: number): void {
    const ids = valueNode(customer, 'channel_ids');
    if (ids && ids.type !== 'null') return;
    const originNode = valueNode(customer, 'origin_channel_id');
    if (originNode && originNode.type !== 'number' && originNode.type !== 'null') return;
    const origin = originNode?.type === 'number' ? Number(originNode.value) : 1;
    const channels = this.catalogue?.channels;
    // An unknown origin channel is reported as such; its settings cannot exist.
    if (channels && !channels.some((c) => c.id === origin)) return;
    const allowed = this.catalogue?.globalLogins?.[origin];
    if (allowed === undefined) {
      this.skipped.add('globalLogins');
      return;
    }
    if (allowed !== false) return;
    const name = channels?.find((c) => c.id === origin)?.name;
    const channel = name ? `channel ${origin} "${name}"` : `channel ${origin}`;
    const how = ids ? 'channel_ids is null' : 'it has no channel_ids';
    // Point at what grants global access: `channel_ids: null`, else the origin channel, else the customer.
    const [range, path] = ids
      ? [rangeOf(ids), [index, 'channel_ids']]
      : originNode?.type === 'number'
        ? [rangeOf(originNode), [index, 'origin_channel_id']]
        : [openingRange(customer), [index]];
    this.report(
      'global-logins-disabled',
      `Customer ${index + 1} would get access to all channels (${how}), but ${channel} of store ${this.storeHash} does not allow global logins, which BigCommerce requires for that. Either list the channels the customer may use in channel_ids (for example [${origin}]), or turn on global logins for ${channel} in the control panel.`,
      range,
      toPointer(path),
      {
        fix: {
          kind: 'set-value',
          pointer: toPointer([index, 'channel_ids']),
          value: [origin],
          title: `Limit customer ${index + 1} to channel ${origin} (channel_ids: [${origin}])`,
          preferred: false,
        },
      },
    );
  }

  existingEmail(customer: Node, index: number, existing: ReadonlyMap<string, number>, customers?: ReadonlyMap<string, readonly ExistingCustomer[]>): void {
    const node = valueNode(customer, 'email');
    const key = node?.type === 'string' ? emailKey(node.value) : undefined;
    if (!node || !key) return;
    this.needsEmailLookup = true;
    let customerId = existing.get(key);
    if (customerId === undefined) return;
    let doubt = '';
    const sameEmail = customers?.get(key);
    const channelIds = valueNode(customer, 'channel_ids');
    const access = channelAccessOf(channelIds ? getNodeValue(channelIds) : undefined);
    if (sameEmail?.length && access) {
      const clash = collidingCustomer(access, sameEmail, globalLoginsFrom(this.catalogue?.globalLogins));
      // Only on other channels: a second account, which BigCommerce allows.
      if (!clash) return;
      customerId = clash.customer.id;
      if (!clash.certain)
        doubt = ` if one of these channels allows global logins (the store's customer: ${describeAccess(clash.customer.access)}; this one: ${describeAccess(access)})`;
    }
    this.report(
      'email-exists-in-store',
      `${String(node.value).trim()} is already a customer of store ${this.storeHash} (id ${customerId}): sending it will fail${doubt}`,
      rangeOf(node),
      toPointer([index, 'email']),
      {
        fix: { kind: 'remove', pointer: toPointer([index]), title: `Remove customer ${index + 1} (already in store ${this.storeHash})`, preferred: false },
        customerId,
      },
    );
  }

  /** Each address against the store's own countries and states. */
  addresses(customer: Node, index: number): void {
    const list = valueNode(customer, 'addresses');
    if (list?.type !== 'array') return;
    list.children?.forEach((address, position) => {
      if (address.type !== 'object') return;
      const countryNode = valueNode(address, 'country_code');
      const code = countryNode?.type === 'string' ? countryCodeOf(String(countryNode.value)) : undefined;
      if (!countryNode || !code) return;
      const countries = this.catalogue?.countries;
      if (!countries) {
        this.skipped.add('countries').add('states');
        return;
      }
      const path = [index, 'addresses', position];
      if (!countries.some((c) => c.iso2.toUpperCase() === code)) {
        this.report(
          'unknown-country',
          `store ${this.storeHash} has no country ${code} (${countryName(code)}) in its list of countries, so it refuses the address`,
          rangeOf(countryNode),
          toPointer([...path, 'country_code']),
        );
        return;
      }
      const states = this.catalogue?.states;
      if (!states) {
        this.skipped.add('states');
        return;
      }
      this.state(address, code, states[code] ?? [], path);
    });
  }

  /** What the store's list of states adds to the built-in table's findings, which are reported anyway. */
  private state(address: Node, code: string, states: readonly StoreState[], path: (string | number)[]): void {
    if (states.length === 0) return;
    const node = valueNode(address, 'state_or_province');
    const pointer = toPointer([...path, 'state_or_province']);
    const written = node?.type === 'string' ? String(node.value) : '';
    if (written.trim() === '') {
      this.report(
        'store-state-missing',
        `state_or_province is required: store ${this.storeHash} lists states for ${countryName(code)}, such as ${listSome(states.slice(0, 3).map((s) => `"${s.name}"`))}`,
        node ? rangeOf(node) : openingRange(address),
        node ? pointer : toPointer(path),
      );
      return;
    }
    const verdict = judgeState(written, states);
    const builtIn = builtInStates(code);
    const builtInVerdict = builtIn && judgeState(written, builtIn);
    if (verdict.kind === 'abbreviation') {
      if (builtInVerdict?.kind === 'abbreviation' && builtInVerdict.name === verdict.name) return;
      this.report(
        'store-state-code',
        `state_or_province ${describeValue(written)} is a code; store ${this.storeHash} names that state "${verdict.name}", and BigCommerce wants the full name`,
        rangeOf(node!),
        pointer,
        {
          fix: { kind: 'set-value', pointer, value: verdict.name, title: `Change state_or_province to "${verdict.name}"`, preferred: true },
        },
      );
    } else if (verdict.kind === 'unknown') {
      if (builtInVerdict?.kind === 'unknown') return;
      const guess = verdict.suggestion ? ` Did you mean "${verdict.suggestion}"?` : '';
      this.report(
        'store-state-name',
        `state_or_province ${describeValue(written)} is not one of the states store ${this.storeHash} lists for ${countryName(code)}.${guess}`,
        rangeOf(node!),
        pointer,
        {
          ...(verdict.suggestion
            ? { fix: { kind: 'set-value', pointer, value: verdict.suggestion, title: `Change state_or_province to "${verdict.suggestion}"`, preferred: false } }
            : {}),
        },
      );
    }
  }

  /** The one note for the whole file about checks skipped for lack of store data, at the body's "[" (`at`). */
  skippedNote(at: TextRange, emailLookupProblem: string | undefined): BcDiagnostic | undefined {
    const sentences = skippedChecksSentences(
      this.skippedCauses(),
      CATALOGUE_PARTS.filter((p) => this.skipped.has(p)),
    );
    if (emailLookupProblem && this.needsEmailLookup) {
      sentences.push(`Emails are not checked against the store's customers: ${emailLookupProblem.trim().replace(/[.\s]+$/, '')}.`);
    }
    if (sentences.length === 0) return undefined;
    return diagnostic('store-data-unavailable', `Not every check against store ${this.storeHash} could run. ${sentences.join(' ')}`, at, '');
  }

  private skippedCauses(): Partial<Record<CataloguePart, string>> {
    const causes: Partial<Record<CataloguePart, string>> = {};
    for (const part of this.skipped) {
      causes[part] =
        this.catalogue === undefined
          ? `store ${this.storeHash}'s attributes, groups and channels have not been loaded yet`
          : (this.catalogue.unavailable?.[part] ?? `store ${this.storeHash}'s ${PART_NOUNS[part]} were not loaded`);
    }
    return causes;
  }

  private report(...args: Parameters<typeof diagnostic>): void {
    this.found.push(diagnostic(...args));
  }
}

const PART_NOUNS: Record<CataloguePart, string> = {
  attributes: 'customer attributes',
  customerGroups: 'customer groups',
  channels: 'channels',
  globalLogins: 'channel settings',
  countries: 'countries',
  states: 'states',
};

/** `1 "Shoe size" (number), 2 "Birthday" (date)` */
export function listAttributes(attributes: readonly StoreAttribute[]): string {
  return listSome(attributes.map((a) => `${a.id} "${a.name}" (${a.type})`));
}

function listNamed(items: readonly { id: number; name: string }[]): string {
  return listSome(items.map((item) => `${item.id} "${item.name}"`));
}

function listChannels(channels: readonly StoreChannel[]): string {
  return listSome(channels.map((c) => `${c.id} "${c.name}"${c.type ? ` (${c.type})` : ''}`));
}

function listSome(entries: string[]): string {
  if (entries.length <= LISTED) return entries.join(', ');
  return `${entries.slice(0, LISTED).join(', ')} and ${entries.length - LISTED} more`;
}
