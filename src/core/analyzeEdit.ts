export { checkEdit as analyzeEdit, checkEditWithinCustomer as analyzeEditWithinCustomer, type TextEdit } from './check/checkEdit';
