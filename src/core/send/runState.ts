/**
 * What one send knows about itself while it runs: who is settled, whether it
 * was stopped or cancelled, how many batches failed in a row, and whether
 * each batch now starts with a check of existing emails.
 */
import type { StopReason } from './storeProblems';
import type { SendTracker } from './sendTracker';
import type { CustomerProblem, SendItem } from './sendTypes';

export type Extras = { status?: number; requestId?: string };

export class RunState {
  stopped: StopReason | undefined;
  cancelled = false;
  private consecutiveFailedBatches = 0;

  constructor(
    readonly tracker: SendTracker,
    /** see SendOptions.checkExistingFirst: `undefined` turns the check on at the first customer the store already has */
    private readonly checkExistingFirst: boolean | undefined,
    public checkFirst = checkExistingFirst ?? false,
  ) {}

  stop(reason: StopReason): void {
    this.stopped ??= reason;
  }

  /** One failed batch may be bad luck; two in a row means the store is not taking customers now. */
  noteFailedBatch(reason: StopReason): void {
    this.consecutiveFailedBatches += 1;
    if (this.consecutiveFailedBatches >= 2) this.stop(reason);
  }

  /** The store answered as a working store does. */
  noteWorkingStore(): void {
    this.consecutiveFailedBatches = 0;
  }

  failEmailInUse(item: SendItem, message: string, existingId: number | undefined, extras: Extras = {}): void {
    if (this.checkExistingFirst === undefined) this.checkFirst = true;
    this.tracker.addFailed({
      index: item.index,
      path: `/${item.index}/email`,
      message,
      emailInUse: true,
      ...(existingId !== undefined ? { existingId } : {}),
      ...extras,
    });
  }

  failWithProblems(item: SendItem, problems: CustomerProblem[], extras: Extras): void {
    const [first, ...more] = problems;
    if (!first) return;
    this.tracker.addFailed({ index: item.index, path: first.path, message: first.message, ...extras, ...(more.length > 0 ? { more } : {}) });
  }
}
