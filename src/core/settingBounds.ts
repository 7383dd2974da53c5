/**
 * Numeric settings a workspace can set, read within bounds: a value out of
 * range is clamped and one that is not a number falls back to the default, so
 * no settings file can make the extension ask a store without pause or wait
 * without end.
 */
import { DEFAULT_MAX_STORE_WAIT_MS } from './send/storeClient';

export interface Bounds {
  min: number;
  max: number;
  fallback: number;
}

export const SETTING_BOUNDS = {
  'storeData.maxAgeMinutes': { min: 1, max: 1440, fallback: 10 },
  'send.maxStoreWaitSeconds': { min: 0, max: 3600, fallback: DEFAULT_MAX_STORE_WAIT_MS / 1000 },
} as const satisfies Record<string, Bounds>;

export type BoundedSetting = keyof typeof SETTING_BOUNDS;

export function boundedSetting(name: BoundedSetting, value: unknown): number {
  const { min, max, fallback } = SETTING_BOUNDS[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
