import type { TextRange } from '../document/jsonDocument';
import type { FixSpec } from '../fixes/fixSpec';

export type Severity = 'error' | 'warning' | 'information';

/**
 * Every problem the extension and the CLI report, with its severity. The severity says what
 * BigCommerce would do: it rejects the request (error), it probably is a mistake (warning),
 * or it is worth knowing (information).
 */
export const diagnosticCodes = {
  'json-syntax': 'error',
  'json-comment': 'error',
  'json-trailing-comma': 'error',
  'body-not-array': 'error',
  'body-empty': 'warning',
  'batch-split': 'information',
  'missing-required': 'error',
  'wrong-type': 'error',
  'too-short': 'error',
  'too-long': 'error',
  'out-of-range': 'error',
  'invalid-value': 'error',
  'too-many-items': 'error',
  'unknown-property': 'warning',
  'read-only-property': 'warning',
  'invalid-email': 'error',
  'email-whitespace': 'warning',
  'duplicate-email': 'error',
  'duplicate-email-maybe': 'warning',
  'duplicate-email-other-channel': 'information',
  'country-code': 'error',
  'country-code-case': 'warning',
  'country-not-in-bigcommerce': 'warning',
  'state-code': 'warning',
  'state-name': 'warning',
  'state-missing': 'warning',
  'postal-code-missing': 'warning',
  'postal-code-shape': 'warning',
  'reference-silent': 'warning',
  'channel-ids-empty': 'error',
  'attribute-value-not-string': 'error',
  'duplicate-attribute': 'warning',
  'weak-password': 'warning',
  'duplicate-key': 'warning',
  'invalid-utf8': 'error',
  'lone-surrogate': 'error',
  'file-too-large': 'information',
  // Checks against the store's own data (attributes, groups, channels, existing customers).
  'unknown-attribute': 'error',
  'attribute-value-type': 'warning',
  'unknown-customer-group': 'error',
  'unknown-channel': 'error',
  'global-logins-disabled': 'warning',
  'email-exists-in-store': 'warning',
  'unknown-country': 'error',
  'store-state-code': 'warning',
  'store-state-name': 'warning',
  'store-state-missing': 'error',
  'store-data-unavailable': 'information',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

export interface RelatedInformation {
  message: string;
  range: TextRange;
}

export interface BcDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Offsets into the text. */
  range: TextRange;
  /** JSON Pointer of the offending value, or of the object that lacks a property. */
  path: string;
  related?: RelatedInformation[];
  /** How to repair it, when the repair is certain enough to offer. */
  fix?: FixSpec;
  /** The store's id of the existing customer an email belongs to, for a link to it. */
  customerId?: number;
}

export function diagnostic(code: DiagnosticCode, message: string, range: TextRange, path: string, extra: Partial<BcDiagnostic> = {}): BcDiagnostic {
  return { code, severity: diagnosticCodes[code], message, range, path, ...extra };
}
