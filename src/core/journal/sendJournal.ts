/**
 * Writes one send's records to a journal. Each append waits for the one
 * before it, so records land in the order they were made, and an intent is
 * durable before its request may leave.
 */
import { journalLine, type CustomerOutcome, type JournalCustomer, type JournalRecord, type StoreIdentity } from './journalRecords';
import type { JournalStorage } from './journalStorage';

export class SendJournal {
  private nextRequest: number;
  private last: Promise<void> = Promise.resolve();

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

  private write(prefix: string, record: JournalRecord): Promise<void> {
    const text = prefix + journalLine(record);
    const written = this.last.then(() => this.storage.append(text));
    this.last = written.catch(() => undefined);
    return written;
  }
}
