import type { DiagnosticCode } from '../diagnostics/diagnostic';

/** The codes of the checks against the store's own data; their severities are in `diagnosticCodes`. */
export const storeDiagnosticCodeNames = [
  'unknown-attribute',
  'attribute-value-type',
  'unknown-customer-group',
  'unknown-channel',
  'global-logins-disabled',
  'email-exists-in-store',
  'unknown-country',
  'store-state-code',
  'store-state-name',
  'store-state-missing',
  'store-data-unavailable',
] as const satisfies readonly DiagnosticCode[];

export type StoreDiagnosticCode = (typeof storeDiagnosticCodeNames)[number];

export function isStoreDiagnosticCode(code: string): code is StoreDiagnosticCode {
  return (storeDiagnosticCodeNames as readonly string[]).includes(code);
}
