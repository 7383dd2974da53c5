import { addressRules } from './addressRules';
import { referenceSilence } from './referenceSilence';

/** Rules run on every object of the body, after the built-in ones; each reports its own codes. */
export const extraObjectRules = [...addressRules, referenceSilence];
