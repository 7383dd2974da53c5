/**
 * Every command the extension contributes, by id. package.json's `contributes.commands` and
 * menus name exactly these, and commands are registered through them.
 */

/** The commands that talk to a store, or to the results of sending to one. They work on the
 * desktop only: a browser page cannot call BigCommerce's API. In the browser they stay, and
 * say so. */
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
  showSendSummary: 'bigcommerceCustomers.showSendSummary',
} as const;

export const commandIds = {
  ...storeCommandIds,
  newFile: 'bigcommerceCustomers.newFile',
  fixAll: 'bigcommerceCustomers.fixAll',
  splitFile: 'bigcommerceCustomers.splitFile',
  importCsv: 'bigcommerceCustomers.importCsv',
} as const;

/** Registered but not contributed: tests ask it for a document's published diagnostics. */
export const waitForDiagnosticsCommand = 'bigcommerceCustomers.waitForDiagnostics';
