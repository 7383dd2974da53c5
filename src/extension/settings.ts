import * as vscode from 'vscode';

export const languageId = 'bccustomers';
export const extensionId = 'bccustomers.bigcommerce-customers';

export interface Settings {
  /** In characters. */
  maxFileSize: number;
}

export function settings(): Settings {
  const config = vscode.workspace.getConfiguration('bigcommerceCustomers');
  return { maxFileSize: Math.max(0, config.get<number>('validation.maxFileSizeMB', 10)) * 1_048_576 };
}
