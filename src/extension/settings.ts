import * as vscode from 'vscode';
import { boundedSetting } from '../core/settingBounds';
import { DEFAULT_API_BASE_URL } from '../core/send/storeTarget';

export const languageId = 'bccustomers';
export const extensionId = 'bccustomers.bigcommerce-customers';

export interface Settings {
  /** In characters. */
  maxFileSize: number;
}

export function settings(): Settings {
  const config = vscode.workspace.getConfiguration('bigcommerceCustomers');
  return { maxFileSize: Math.max(0, config.get<number>('validation.maxFileSizeMB', 64)) * 1_048_576 };
}

/** Where requests go. The setting is application-scoped: a workspace cannot redirect a token. */
export function apiBaseUrl(): string {
  const configured = vscode.workspace.getConfiguration('bigcommerceCustomers').inspect<string>('apiBaseUrl');
  return (configured?.globalValue ?? configured?.defaultValue ?? DEFAULT_API_BASE_URL).trim();
}

/** How long loaded store data is used before it is loaded again, clamped: a workspace cannot make it reload without pause. */
export function storeDataMaxAgeMs(): number {
  return boundedSetting('storeData.maxAgeMinutes', vscode.workspace.getConfiguration('bigcommerceCustomers').get('storeData.maxAgeMinutes')) * 60_000;
}

/** The longest wait a store may impose on a send before it is cut short. */
/** Whether every created customer gets its own "✓ Created #142 · forget" lens, not only the refused ones. */
export function codeLensPerCreatedCustomer(): boolean {
  return vscode.workspace.getConfiguration('bigcommerceCustomers').get<boolean>('results.codeLensPerCustomer') === true;
}

export function maxStoreWaitMs(): number {
  return boundedSetting('send.maxStoreWaitSeconds', vscode.workspace.getConfiguration('bigcommerceCustomers').get('send.maxStoreWaitSeconds')) * 1000;
}
