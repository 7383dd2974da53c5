/**
 * The workflow around a send that the CLI and the editor share: what may be
 * sent after the pre-send checks, and what a finished send amounts to.
 */
import type { Analysis } from '../analyze';
import { customersOf, type CustomerResult } from '../results/sendResults';
import type { CustomerToSend, SendReport } from './sendTypes';
import { checkStoreTarget, type StoreTarget } from './storeTarget';

export interface PlanInput {
  analysis: Analysis;
  target: StoreTarget;
  /** results of earlier sends of this file: customers already created in this store are not sent again */
  earlierResults?: readonly CustomerResult[];
}

export type SendPlan =
  | { ok: false; problem: 'target' | 'errors'; reason: string; errorCount?: number }
  | {
      ok: true;
      customers: CustomerToSend[];
      /** file index → lower-cased email, for keeping results by email */
      emails: Map<number, string>;
      /** customers an earlier send of this file already created in this store, or (`inStore`) found there already */
      skipped: { index: number; email: string; id?: number; inStore?: boolean }[];
    };

export function planSend({ analysis, target, earlierResults = [] }: PlanInput): SendPlan {
  const targetProblem = checkStoreTarget(target);
  if (targetProblem) return { ok: false, problem: 'target', reason: targetProblem };
  const errorCount = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errorCount > 0) {
    return {
      ok: false,
      problem: 'errors',
      errorCount,
      reason: `${errorCount} error${errorCount === 1 ? '' : 's'} that BigCommerce would reject; nothing was sent.`,
    };
  }
  const created = new Map(earlierResults.filter((r) => r.storeHash === target.storeHash && r.outcome === 'created').map((r) => [r.email, r.id]));
  const values = Array.isArray(analysis.document.value) ? analysis.document.value : [];
  const customers: CustomerToSend[] = [];
  const emails = new Map<number, string>();
  const skipped: { index: number; email: string; id?: number }[] = [];
  for (const { index, email } of customersOf(analysis.document)) {
    if (email) emails.set(index, email);
    const id = email ? created.get(email) : undefined;
    if (email && created.has(email)) skipped.push({ index, email, ...(id !== undefined ? { id } : {}) });
    else customers.push({ index, value: values[index] });
  }
  return { ok: true, customers, emails, skipped };
}

/** What a send amounts to, customer by customer, in the lists both the CLI and the editor show. */
export interface SendSummary {
  created: { index: number; id: number; email: string }[];
  /** refused or unsettled customers, except those already in the store */
  failed: { index: number; path: string; message: string }[];
  /** customers the store already has: found there by this send, or created by an earlier send of this file */
  skipped: { index: number; email: string; reason: string; by: 'store' | 'earlier-send' }[];
  /** customers never sent, because sending stopped or was cancelled before them */
  notSent: { index: number; email: string; reason: string }[];
  requests: number;
  stopped?: string | undefined;
  cancelled: boolean;
}

export function summarizeSend(report: SendReport, plan: Extract<SendPlan, { ok: true }>, storeHash: string): SendSummary {
  const emailOf = (index: number): string => plan.emails.get(index) ?? '';
  const notSentReason = report.cancelled ? 'not sent: sending was cancelled before it' : 'not sent: sending stopped before it';
  const summary: SendSummary = {
    created: report.created.map((c) => ({ index: c.index, id: c.id, email: c.email })),
    failed: report.failed.filter((f) => !f.emailInUse).map((f) => ({ index: f.index, path: f.path, message: f.message })),
    skipped: [
      ...plan.skipped.map((s) =>
        s.inStore
          ? { index: s.index, email: s.email, reason: inStoreReason(storeHash, s.id), by: 'store' as const }
          : {
              index: s.index,
              email: s.email,
              reason: `already created in store ${storeHash} by an earlier send${s.id !== undefined ? ` (id ${s.id})` : ''}`,
              by: 'earlier-send' as const,
            },
      ),
      ...report.failed
        .filter((f) => f.emailInUse)
        .map((f) => ({
          index: f.index,
          email: emailOf(f.index),
          reason: inStoreReason(storeHash, f.existingId),
          by: 'store' as const,
        })),
    ].sort((a, b) => a.index - b.index),
    notSent: report.notSent.map((index) => ({ index, email: emailOf(index), reason: notSentReason })),
    requests: report.requests,
    cancelled: report.cancelled,
  };
  if (report.stopped) summary.stopped = report.stopped.reason;
  return summary;
}

function inStoreReason(storeHash: string, id: number | undefined): string {
  return `already a customer of store ${storeHash}${id ? ` (id ${id})` : ''}`;
}

/** Whether every customer now exists in the store (created, or there already). */
export function isComplete(summary: SendSummary): boolean {
  return summary.failed.length === 0 && summary.notSent.length === 0 && summary.stopped === undefined && !summary.cancelled;
}
