/**
 * Keeps the running result of a send: each customer is settled once, and a
 * customer whose request is in flight is "in doubt" until its outcome is
 * known, so a stop at any moment reports it honestly rather than as unsent.
 */
import { SAFE_TO_RESEND } from './storeProblems';
import type { CreatedCustomer, FailedCustomer, SendItem, SendReport } from './sendTypes';

export class SendTracker {
  private readonly created: CreatedCustomer[] = [];
  private readonly failed: FailedCustomer[] = [];
  private readonly settled = new Set<number>();
  private readonly inDoubt = new Set<number>();
  private readonly results = new Map<number, { created?: CreatedCustomer; failed?: FailedCustomer }>();

  constructor(private readonly allIndices: number[]) {}

  isSettled(index: number): boolean {
    return this.settled.has(index);
  }

  /** what is known of one customer so far */
  resultOf(index: number): { created?: CreatedCustomer; failed?: FailedCustomer } {
    return this.results.get(index) ?? {};
  }

  addCreated(customer: CreatedCustomer): void {
    if (!this.settle(customer.index)) return;
    this.created.push(customer);
    this.results.set(customer.index, { created: customer });
  }

  addFailed(customer: FailedCustomer): void {
    if (!this.settle(customer.index)) return;
    this.failed.push(customer);
    this.results.set(customer.index, { failed: customer });
  }

  markInDoubt(items: SendItem[]): void {
    for (const item of items) if (!this.settled.has(item.index)) this.inDoubt.add(item.index);
  }

  clearDoubt(items: Iterable<SendItem>): void {
    for (const item of items) this.inDoubt.delete(item.index);
  }

  counts(): { created: number; failed: number; done: number; total: number } {
    return { created: this.created.length, failed: this.failed.length, done: this.settled.size, total: this.allIndices.length };
  }

  report(requests: number, cancelled: boolean, stopped?: { reason: string; status?: number }): SendReport {
    for (const index of [...this.inDoubt]) {
      this.addFailed({
        index,
        path: `/${index}`,
        message: `Sending stopped before the store confirmed whether this customer was created; it may or may not exist in the store now. ${SAFE_TO_RESEND}`,
        outcomeUnknown: true,
      });
    }
    const byIndex = <T extends { index: number }>(a: T, b: T): number => a.index - b.index;
    const report: SendReport = {
      created: [...this.created].sort(byIndex),
      failed: [...this.failed].sort(byIndex),
      notSent: this.allIndices.filter((i) => !this.settled.has(i)).sort((a, b) => a - b),
      requests,
      cancelled,
    };
    if (stopped) report.stopped = stopped;
    return report;
  }

  private settle(index: number): boolean {
    this.inDoubt.delete(index);
    if (this.settled.has(index)) return false;
    this.settled.add(index);
    return true;
  }
}
