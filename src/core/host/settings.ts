import { boundedSetting } from '../settingBounds';
import { DEFAULT_API_BASE_URL } from '../send/storeTarget';
import type { HostSettings } from './host';

/** The extension's settings as its logic uses them, read for one document (`scope`, its URI). */
export interface ExtensionSettings {
  /** Above this many characters a file is not checked as one types. */
  maxFileSize: number;
  storeDataEnabled: boolean;
  /** How long loaded store data is used before it is loaded again; clamped, so a workspace cannot make it reload without pause. */
  storeDataMaxAgeMs: number;
  /** The longest wait a store may impose on a send before it is cut short. */
  maxStoreWaitMs: number;
  /** Whether every created customer gets its own "✓ Created #142 · forget" lens, not only the refused ones. */
  codeLensPerCreatedCustomer: boolean;
  /** Where requests go. Application-scoped: a workspace cannot redirect a token. */
  apiBaseUrl: string;
}

export function readSettings(settings: HostSettings, scope: string | undefined): ExtensionSettings {
  const maxFileSizeMB = settings.get('validation.maxFileSizeMB', scope);
  const apiBaseUrl = settings.userValue('apiBaseUrl');
  return {
    maxFileSize: Math.max(0, typeof maxFileSizeMB === 'number' && Number.isFinite(maxFileSizeMB) ? maxFileSizeMB : 64) * 1_048_576,
    storeDataEnabled: settings.get('storeData.enable', scope) !== false,
    storeDataMaxAgeMs: boundedSetting('storeData.maxAgeMinutes', settings.get('storeData.maxAgeMinutes', scope)) * 60_000,
    maxStoreWaitMs: boundedSetting('send.maxStoreWaitSeconds', settings.get('send.maxStoreWaitSeconds', scope)) * 1000,
    codeLensPerCreatedCustomer: settings.get('results.codeLensPerCustomer', scope) === true,
    apiBaseUrl: (typeof apiBaseUrl === 'string' ? apiBaseUrl : DEFAULT_API_BASE_URL).trim(),
  };
}
