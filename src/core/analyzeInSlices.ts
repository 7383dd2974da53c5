export { checkTextInSlices as analyzeTextInSlices, type SliceOptions } from './check/check';
