import type { BcDiagnostic } from '../diagnostics/diagnostic';
import { addressRules } from './addressRules';
import { duplicateAttributes, readOnlyFields, recommendedValues } from './fieldRules';
import type { ObjectVisit } from './objectWalker';
import { referenceSilence } from './referenceSilence';

/**
 * A rule on one object of a customer (the customer, an address, an attribute, …). It gets the
 * object as a plain value and its schema; it should decide from `value`, and read `node` (a
 * tree with positions, built on first use) only to point at what it found.
 */
export type ObjectRule = (object: ObjectVisit, out: BcDiagnostic[]) => void;

/** Every object rule, in one place: the editor, the CLI and every path of the check run these. */
export const objectRules: readonly ObjectRule[] = [readOnlyFields, recommendedValues, duplicateAttributes, ...addressRules, referenceSilence];
