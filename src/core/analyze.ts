/**
 * The check of a payload text, as the editor, the CLI and the store-aware checks call it. It is
 * one workflow (`check/check.ts`); these names are its entry points.
 */
export { type Analysis, checkText as analyzeText, inDocumentOrder } from './check/check';
