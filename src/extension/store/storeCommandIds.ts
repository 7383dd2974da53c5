/**
 * The commands that talk to a store, or to the results of sending to one. They work on the
 * desktop only: a browser page cannot call BigCommerce's API. In the browser they stay, and
 * say so.
 */
export const storeCommandIds = {
  send: 'bigcommerceCustomers.send',
  previewSend: 'bigcommerceCustomers.previewSend',
  copyCurl: 'bigcommerceCustomers.copyCurl',
  setCredentials: 'bigcommerceCustomers.setCredentials',
  selectStore: 'bigcommerceCustomers.selectStore',
  clearCredentials: 'bigcommerceCustomers.clearCredentials',
  testConnection: 'bigcommerceCustomers.testConnection',
  refreshStoreData: 'bigcommerceCustomers.refreshStoreData',
  forgetResult: 'bigcommerceCustomers.forgetResult',
  exportResults: 'bigcommerceCustomers.exportResults',
} as const;
