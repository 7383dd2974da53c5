/**
 * Writes one send's records to a journal. Each append waits for the one
 * before it, so records land in the order they were made, and an intent is
 * durable before its request may leave. An outcome may wait to be written
 * with the next intent, in one append and one flush to the disk: lost to a
 * kill meanwhile, it costs the next send one lookup, not a customer.
 */
import { journalLine, type CustomerOutcome, type JournalCustomer, type JournalRecord, type StoreIdentity } from './journalRecords';
import type { JournalStorage } from './journalStorage';

export class SendJournal {
  private nextRequest: number;
  private last: Promise<void> = Promise.resolve();
  /** outcomes written with the next record, or by `flush` */
  private pending = '';

  private constructor(
    private readonly storage: JournalStorage,
    nextRequest: number,
    private readonly now: () => number,
  ) {
    this.nextRequest = nextRequest;
  }

  /**
   * Starts a send in a journal whose current text is `existing`. A line torn
   * by a crash is closed first, so it stays one damaged line instead of
   * swallowing the next record.
   */
  static async start(
    storage: JournalStorage,
    store: StoreIdentity,
    options: { existing: string; nextRequest: number; now?: () => number },
  ): Promise<SendJournal> {
    const now = options.now ?? Date.now;
    const journal = new SendJournal(storage, options.nextRequest, now);
    const repair = options.existing !== '' && !options.existing.endsWith('\n') ? '\n' : '';
    await journal.write(repair, { type: 'send', version: 1, store: store.store, api: store.api, at: new Date(now()).toISOString() });
    return journal;
  }

  /** Records that a request is about to carry `customers`; resolves with its number once durable. */
  async intent(customers: JournalCustomer[]): Promise<number> {
    const request = this.nextRequest++;
    await this.write('', { type: 'intent', request, at: this.now(), customers });
    return request;
  }

  /** Records what became of a request's customers; those not listed were not created. */
  outcome(request: number, customers: CustomerOutcome[]): Promise<void> {
    return this.write('', { type: 'outcome', request, customers });
  }

  /** Records what became of a request's customers with the next record written, or at `flush`. */
  outcomeLater(request: number, customers: CustomerOutcome[]): void {
    this.pending += journalLine({ type: 'outcome', request, customers });
  }

  /** Records customers settled without a create request (found in the store already), under a number of their own, with the next record. */
  settledWithoutRequest(customers: CustomerOutcome[]): void {
    this.outcomeLater(this.nextRequest++, customers);
  }

  /** Writes the outcomes still waiting; resolves once they are durable. */
  flush(): Promise<void> {
    return this.pending === '' ? this.last : this.append('');
  }

  private write(prefix: string, record: JournalRecord): Promise<void> {
    return this.append(prefix + journalLine(record));
  }

  private append(records: string): Promise<void> {
    const text = this.pending + records;
    this.pending = '';
    const written = this.last.then(() => this.storage.append(text));
    this.last = written.catch(() => undefined);
    return written;
  }
}
