/**
 * Judging a `state_or_province` against a country's states — BigCommerce's built-in table
 * or a store's own list — so that both say the same thing the same way.
 */
import { countryCodeAliases, stateNames, subdivisionNames } from '../data/countries';
import { closestName } from '../rules/suggest';
import { resolve, rootSchema } from '../schema/customerSchema';

export interface KnownState {
  name: string;
  abbreviation?: string;
}

export type StateVerdict =
  | { kind: 'known' }
  /** an abbreviation of exactly one state: BigCommerce wants `name` */
  | { kind: 'abbreviation'; name: string }
  | { kind: 'unknown'; suggestion?: string };

export function judgeState(written: string, states: readonly KnownState[]): StateVerdict {
  const wanted = written.trim().toLowerCase();
  if (states.some((s) => s.name.trim().toLowerCase() === wanted)) return { kind: 'known' };
  const [abbreviated, ...others] = states.filter((s) => s.abbreviation?.trim().toLowerCase() === wanted);
  if (abbreviated && !others.length) return { kind: 'abbreviation', name: abbreviated.name };
  const suggestion = closestName(
    written,
    states.map((s) => s.name),
  );
  return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
}

let namesByCode: Map<string, string> | undefined;

/** Country code → name, from the schema's `country_code` values and their descriptions. */
function countryNames(): Map<string, string> {
  if (!namesByCode) {
    const schema = resolve(rootSchema.definitions?.['address'])?.properties?.['country_code'];
    namesByCode = new Map((schema?.enum ?? []).map((code, i) => [String(code), schema?.enumDescriptions?.[i] ?? String(code)]));
  }
  return namesByCode;
}

/** The ISO code a written country code or name stands for ("USA", "us", "Germany" → US, DE). */
export function countryCodeOf(written: string): string | undefined {
  const upper = written.trim().toUpperCase();
  return countryNames().has(upper) ? upper : countryCodeAliases[upper];
}

export function countryName(code: string): string {
  return countryNames().get(code) ?? code;
}

const builtIn = new Map<string, KnownState[]>();

/** The states BigCommerce's table lists for a country; `undefined` when it lists none. */
export function builtInStates(countryCode: string): readonly KnownState[] | undefined {
  const names = stateNames[countryCode];
  if (!names) return undefined;
  let states = builtIn.get(countryCode);
  if (!states) {
    const abbreviations = new Map(Object.entries(subdivisionNames[countryCode] ?? {}).map(([abbreviation, name]) => [name, abbreviation]));
    states = names.map((name) => ({ name, ...(abbreviations.has(name) ? { abbreviation: abbreviations.get(name)! } : {}) }));
    builtIn.set(countryCode, states);
  }
  return states;
}
