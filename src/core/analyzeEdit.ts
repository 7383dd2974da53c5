export { checkEdit as analyzeEdit, checkEditWithinCustomer as analyzeEditWithinCustomer } from './check/checkEdit';
