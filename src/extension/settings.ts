import { readSettings } from '../core/host/settings';
import { vscodeSettings } from './host/vscodeHost';

export const languageId = 'bccustomers';
export const extensionId = 'bccustomers.bigcommerce-customers';

/** Where requests go. The setting is application-scoped: a workspace cannot redirect a token. */
export function apiBaseUrl(): string {
  return readSettings(vscodeSettings, undefined).apiBaseUrl;
}

/** Whether every created customer of the document at `scope` gets its own "✓ Created #142 · forget" lens, not only the refused ones. */
export function codeLensPerCreatedCustomer(scope: string): boolean {
  return readSettings(vscodeSettings, scope).codeLensPerCreatedCustomer;
}

/** The longest wait a store may impose on a send of the document at `scope` before it is cut short. */
export function maxStoreWaitMs(scope: string): number {
  return readSettings(vscodeSettings, scope).maxStoreWaitMs;
}
