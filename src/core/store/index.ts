/** Checks against the store a file is sent to: its lookups, the rules, existing emails, completions. */
export { loadStoreCatalogue, readAllowGlobalLogins, DEFAULT_PAGE_SIZE, type LoadCatalogueOptions } from './catalogue';
export { CatalogueCache, type CatalogueCacheOptions, type CatalogueLoader } from './catalogueCache';
export type { CataloguePart, StoreAttribute, StoreCatalogue, StoreChannel, StoreCountry, StoreCustomerGroup, StoreState } from './catalogueTypes';
export {
  accessOverlaps,
  channelAccessOf,
  collidingCustomer,
  defaultGlobalLogins,
  describeAccess,
  existingCustomerOf,
  globalLoginsFrom,
  type ChannelAccess,
  type ExistingCustomer,
  type GlobalLoginsOf,
} from './channelAccess';
export { attributeValueFits } from './attributeValues';
export { ExistingEmailChecker, type CheckerTimers, type EmailAnswer, type EmailLookup, type ExistingEmailCheckerOptions } from './emailChecker';
export { isStoreDiagnosticCode, storeDiagnosticCodeNames, type StoreDiagnosticCode } from './storeCodes';
export {
  attributeItems,
  channelItems,
  customerGroupItems,
  describeStoreId,
  storeItemsFor,
  type StoreCompletionItem,
  type StoreIdField,
} from './storeCompletions';
export { storeDiagnostics, type StoreRuleOptions } from './storeRules';
export { findExistingCustomers, type FoundCustomers } from '../send/lookup';
