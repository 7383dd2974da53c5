/**
 * Postal codes by country, from the postcode-validator package: which countries' addresses
 * have one, and whether a value has the shape of that country's codes. BigCommerce's reference
 * gives no pattern, so these are hints, never proof.
 */
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';

/** Whether the country's addresses have postal codes (those where a code is optional do not count). */
export function usesPostalCodes(countryCode: string): boolean {
  return postcodeValidatorExistsForCountry(countryCode) && !postcodeValidator('', countryCode);
}

/** `false` only when the country has a known pattern and the value does not fit it. */
export function postalCodeFits(countryCode: string, postalCode: string): boolean {
  if (!postcodeValidatorExistsForCountry(countryCode)) return true;
  const value = postalCode.trim();
  return postcodeValidator(value, countryCode) || postcodeValidator(value.toUpperCase(), countryCode);
}
