/**
 * Addresses against BigCommerce's built-in country and state table (no store needed): countries
 * its table may lack, states written as codes or not as BigCommerce lists them, missing states,
 * and postal codes. BigCommerce's reference does not say which countries require a state or a
 * postal code, so without a store every finding here is a Warning.
 */
import { countriesMissingFromBigCommerce } from '../data/countries';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { openingRange, rangeOf, type TextRange } from '../document/jsonDocument';
import { usesPostalCodes, postalCodeFits } from '../geography/postalCodes';
import { builtInStates, countryCodeOf, countryName, judgeState } from '../geography/states';
import { objectLabel } from '../schema/customerSchema';
import { describeValue } from './describeValue';
import { type ObjectVisit, valueNode } from './objectWalker';

/** The address's country, when it names one the table knows. */
function addressCountry({ value, schema }: ObjectVisit): string | undefined {
  if (objectLabel(schema) !== 'address') return undefined;
  const country = value.country_code;
  return typeof country === 'string' ? countryCodeOf(country) : undefined;
}

/** A string field's value, or undefined when the field is absent, not a string or blank. */
function filledString(value: Record<string, unknown>, name: string): string | undefined {
  const field = value[name];
  return typeof field === 'string' && field.trim() !== '' ? field : undefined;
}

/** Where a field's value is, or the object's opening brace when the field is absent. */
function placeOf(visit: ObjectVisit, name: string): { range: TextRange; pointer: string; present: boolean } {
  const node = Object.hasOwn(visit.value, name) ? valueNode(visit.node, name) : undefined;
  return node
    ? { range: rangeOf(node), pointer: visit.pointerTo(name), present: true }
    : { range: openingRange(visit.node), pointer: visit.pointerTo(), present: false };
}

/** ISO countries that BigCommerce's documented table does not list. */
export function countryAvailability(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const code = addressCountry(visit);
  if (!code || !countriesMissingFromBigCommerce.includes(code)) return;
  out.push(
    diagnostic(
      'country-not-in-bigcommerce',
      `BigCommerce's reference does not say whether stores accept ${code} (${countryName(code)}): the country list in its documentation does not include it. Select a store to check against that store's own countries.`,
      rangeOf(valueNode(visit.node, 'country_code')!),
      visit.pointerTo('country_code'),
    ),
  );
}

/** state_or_province against the states BigCommerce lists for the address's country. */
export function stateOrProvince(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const code = addressCountry(visit);
  const states = code && builtInStates(code);
  if (!code || !states) return;
  const state = filledString(visit.value, 'state_or_province');
  if (state === undefined) {
    const { range, pointer, present } = placeOf(visit, 'state_or_province');
    out.push(
      diagnostic(
        'state-missing',
        `state_or_province is missing: BigCommerce lists states for ${countryName(code)}, and requires one for countries whose addresses contain a state (its reference does not list those countries)`,
        range,
        pointer,
        present ? {} : { fix: { kind: 'add-properties', pointer, names: ['state_or_province'], title: 'Add state_or_province', preferred: false } },
      ),
    );
    return;
  }
  const verdict = judgeState(state, states);
  if (verdict.kind === 'known') return;
  const pointer = visit.pointerTo('state_or_province');
  const range = rangeOf(valueNode(visit.node, 'state_or_province')!);
  if (verdict.kind === 'abbreviation') {
    out.push(
      diagnostic('state-code', `state_or_province ${describeValue(state)} is a code; BigCommerce wants the full name: "${verdict.name}"`, range, pointer, {
        fix: { kind: 'set-value', pointer, value: verdict.name, title: `Change state_or_province to "${verdict.name}"`, preferred: true },
      }),
    );
  } else if (verdict.kind === 'unknown') {
    const guess = verdict.suggestion ? ` Did you mean "${verdict.suggestion}"?` : '';
    out.push(
      diagnostic(
        'state-name',
        `state_or_province ${describeValue(state)} is not one of the states BigCommerce lists for ${countryName(code)}.${guess}`,
        range,
        pointer,
        {
          ...(verdict.suggestion
            ? { fix: { kind: 'set-value', pointer, value: verdict.suggestion, title: `Change state_or_province to "${verdict.suggestion}"`, preferred: false } }
            : {}),
        },
      ),
    );
  }
}

/** A missing postal code where the country has them, and one whose shape does not fit the country. */
export function postalCode(visit: ObjectVisit, out: BcDiagnostic[]): void {
  const code = addressCountry(visit);
  if (!code) return;
  const postal = filledString(visit.value, 'postal_code');
  if (postal === undefined) {
    if (!usesPostalCodes(code)) return;
    const { range, pointer } = placeOf(visit, 'postal_code');
    out.push(
      diagnostic(
        'postal-code-missing',
        `postal_code is missing: addresses in ${countryName(code)} have postal codes, and BigCommerce requires one for countries whose addresses have them`,
        range,
        pointer,
      ),
    );
    return;
  }
  if (postalCodeFits(code, postal)) return;
  out.push(
    diagnostic(
      'postal-code-shape',
      `postal_code ${describeValue(postal)} does not have the shape of a postal code of ${countryName(code)}`,
      rangeOf(valueNode(visit.node, 'postal_code')!),
      visit.pointerTo('postal_code'),
    ),
  );
}

export const addressRules = [countryAvailability, stateOrProvince, postalCode];
