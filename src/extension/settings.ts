import * as vscode from 'vscode';

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

export const defaultApiBaseUrl = 'https://api.bigcommerce.com';

/** Where requests go. The setting is application-scoped: a workspace cannot redirect a token. */
export function apiBaseUrl(): string {
  const configured = vscode.workspace.getConfiguration('bigcommerceCustomers').inspect<string>('apiBaseUrl');
  return (configured?.globalValue ?? configured?.defaultValue ?? defaultApiBaseUrl).trim();
}
