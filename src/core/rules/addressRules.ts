/**
 * Addresses against BigCommerce's built-in country and state table (no store needed): countries
 * its table may lack, states written as codes or not as BigCommerce lists them, missing states,
 * and postal codes. BigCommerce's reference does not say which countries require a state or a
 * postal code, so without a store every finding here is a Warning.
 */
import type { Node } from 'jsonc-parser';
import { countriesMissingFromBigCommerce } from '../data/countries';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { openingRange, rangeOf } from '../document/jsonDocument';
import { usesPostalCodes, postalCodeFits } from '../geography/postalCodes';
import { builtInStates, countryCodeOf, countryName, judgeState } from '../geography/states';
import { objectLabel } from '../schema/customerSchema';
import { describeValue } from './describeValue';
import { type ObjectVisit, valueNode } from './objectWalker';

/** The address's country, when it names one the table knows. */
function addressCountry({ node, schema }: ObjectVisit): string | undefined {
  if (objectLabel(schema) !== 'address') return undefined;
  const country = valueNode(node, 'country_code');
  return country?.type === 'string' ? countryCodeOf(String(country.value)) : undefined;
}

/** A string field's node, or undefined when the field is absent or blank. */
function filledString(node: Node, name: string): Node | undefined {
  const value = valueNode(node, name);
  return value?.type === 'string' && String(value.value).trim() !== '' ? value : undefined;
}

/** ISO countries that BigCommerce's documented table does not list. */
export function countryAvailability(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const code = addressCountry(visit);
  const node = valueNode(visit.node, 'country_code');
  if (!code || !node || !countriesMissingFromBigCommerce.includes(code)) return;
  out.push(
    diagnostic(
      'country-not-in-bigcommerce',
      `BigCommerce's reference does not say whether stores accept ${code} (${countryName(code)}): the country list in its documentation does not include it. Select a store to check against that store's own countries.`,
      rangeOf(node),
      visit.pointerTo('country_code'),
    ),
  );
}

/** state_or_province against the states BigCommerce lists for the address's country. */
export function stateOrProvince(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const code = addressCountry(visit);
  const states = code && builtInStates(code);
  if (!code || !states) return;
  const pointer = visit.pointerTo('state_or_province');
  const state = filledString(visit.node, 'state_or_province');
  if (!state) {
    const present = valueNode(visit.node, 'state_or_province');
    out.push(
      diagnostic(
        'state-missing',
        `state_or_province is missing: BigCommerce lists states for ${countryName(code)}, and requires one for countries whose addresses contain a state (its reference does not list those countries)`,
        present ? rangeOf(present) : openingRange(visit.node),
        present ? pointer : visit.pointerTo(),
        present ? {} : { fix: { kind: 'add-properties', pointer: visit.pointerTo(), names: ['state_or_province'], title: 'Add state_or_province', preferred: false } },
      ),
    );
    return;
  }
  const verdict = judgeState(String(state.value), states);
  if (verdict.kind === 'abbreviation') {
    out.push(
      diagnostic('state-code', `state_or_province ${describeValue(state.value)} is a code; BigCommerce wants the full name: "${verdict.name}"`, rangeOf(state), pointer, {
        fix: { kind: 'set-value', pointer, value: verdict.name, title: `Change state_or_province to "${verdict.name}"`, preferred: true },
      }),
    );
  } else if (verdict.kind === 'unknown') {
    const guess = verdict.suggestion ? ` Did you mean "${verdict.suggestion}"?` : '';
    out.push(
      diagnostic('state-name', `state_or_province ${describeValue(state.value)} is not one of the states BigCommerce lists for ${countryName(code)}.${guess}`, rangeOf(state), pointer, {
        ...(verdict.suggestion ? { fix: { kind: 'set-value', pointer, value: verdict.suggestion, title: `Change state_or_province to "${verdict.suggestion}"`, preferred: false } } : {}),
      }),
    );
  }
}

/** A missing postal code where the country has them, and one whose shape does not fit the country. */
export function postalCode(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const code = addressCountry(visit);
  if (!code) return;
  const value = filledString(visit.node, 'postal_code');
  if (!value) {
    if (!usesPostalCodes(code)) return;
    const present = valueNode(visit.node, 'postal_code');
    out.push(
      diagnostic(
        'postal-code-missing',
        `postal_code is missing: addresses in ${countryName(code)} have postal codes, and BigCommerce requires one for countries whose addresses have them`,
        present ? rangeOf(present) : openingRange(visit.node),
        present ? visit.pointerTo('postal_code') : visit.pointerTo(),
      ),
    );
    return;
  }
  if (postalCodeFits(code, String(value.value))) return;
  out.push(
    diagnostic('postal-code-shape', `postal_code ${describeValue(value.value)} does not have the shape of a postal code of ${countryName(code)}`, rangeOf(value), visit.pointerTo('postal_code')),
  );
}

export const addressRules = [countryAvailability, stateOrProvince, postalCode];
