import type { Analysis } from '../analyze';
import type { Host } from '../host/host';
import { readSettings } from '../host/settings';
import type { CustomerResult } from '../results/sendResults';
import { planSend, type SendPlan } from './sendPlan';

/** What the user can do about a send that cannot start; the editor gives each a button. */
export type SendRemedy = 'manage-trust' | 'set-credentials' | 'show-problems' | 'open-settings';

export type EditorSendPlan<S extends { hash: string }> =
  { ok: false; reason: string; remedy?: SendRemedy } | (Extract<SendPlan, { ok: true }> & { store: S; token: string; baseUrl: string });

export interface EditorSendInput<S extends { hash: string }> {
  host: Pick<Host, 'isTrusted' | 'settings'>;
  stores: { active(): S | undefined; token(hash: string): Promise<string | undefined> };
  /** The file's analysis, asked for only once trust and the store allow a send. */
  analysis: () => Analysis;
  /** Results of earlier sends of the file. */
  earlierResults: readonly CustomerResult[];
}

/** The editor's pre-send checks around the shared ones: Workspace Trust and the selected store, then the file and the target. */
export async function planEditorSend<S extends { hash: string }>({ host, stores, analysis, earlierResults }: EditorSendInput<S>): Promise<EditorSendPlan<S>> {
  if (!host.isTrusted()) {
    return {
      ok: false,
      reason: 'Sending customers is disabled in Restricted Mode. Trust this workspace to send; checking and quick fixes keep working.',
      remedy: 'manage-trust',
    };
  }
  const store = stores.active();
  const token = store && (await stores.token(store.hash));
  if (!store || !token) return { ok: false, reason: 'No BigCommerce store is selected.', remedy: 'set-credentials' };
  const baseUrl = readSettings(host.settings, undefined).apiBaseUrl;
  const plan = planSend({ analysis: analysis(), target: { apiBaseUrl: baseUrl, storeHash: store.hash, accessToken: token }, earlierResults });
  if (plan.ok) return { ...plan, store, token, baseUrl };
  if (plan.problem === 'errors')
    return { ok: false, reason: `This file has ${plan.reason} Fix them (see the Problems panel), then send again.`, remedy: 'show-problems' };
  return { ok: false, reason: `The store settings are not usable: ${plan.reason}`, remedy: 'open-settings' };
}
