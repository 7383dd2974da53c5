import { countryCodeAliases, subdivisionNames } from '../data/countries';
import { schemaAt } from '../schema/customerSchema';

// The import's one door to the geography tables: the country codes BigCommerce accepts come
// from the schema, spellings and subdivision names from the shared data module.

let knownCodes: ReadonlySet<string> | undefined;

function isCountryCode(code: string): boolean {
  knownCodes ??= new Set((schemaAt([0, 'addresses', 0, 'country_code'])?.enum ?? []).filter((v): v is string => typeof v === 'string'));
  return knownCodes.has(code);
}

/** The ISO 3166-1 alpha-2 code for a code, alpha-3 code or English name, in any case; undefined when unknown. */
export function countryCodeOf(written: string): string | undefined {
  const upper = written.trim().toUpperCase();
  if (isCountryCode(upper)) return upper;
  return countryCodeAliases[upper];
}

/**
 * The full name BigCommerce wants for a subdivision code of `countryCode` ("ON" or "CA-ON" →
 * "Ontario"); undefined when `written` is not a code of that country (it may already be a name).
 */
export function subdivisionNameOf(countryCode: string | undefined, written: string): string | undefined {
  if (!countryCode) return undefined;
  const names = subdivisionNames[countryCode];
  if (!names) return undefined;
  const upper = written.trim().toUpperCase();
  const code = upper.startsWith(`${countryCode}-`) ? upper.slice(countryCode.length + 1) : upper;
  return names[code];
}
