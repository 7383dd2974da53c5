/**
 * Connects a send to its journal: the intent of each request before it
 * leaves, and afterwards what the store did with each of its customers.
 */
import type { RequestResult, SendJournalHooks } from '../send/sendTypes';
import type { CustomerOutcome, JournalCustomer } from './journalRecords';
import type { SendJournal } from './sendJournal';

/** `keyOf` gives the content key of the customer at a file index. */
export function journalHooks(journal: SendJournal, keyOf: (index: number) => string): SendJournalHooks {
  const named = ({ index, email }: { index: number; email: string }): JournalCustomer => ({ index, email, key: keyOf(index) });
  return {
    requestStarting: (items) => journal.intent(items.map(named)),
    requestSettled: (request, results, requestId) =>
      journal.outcomeLater(
        request,
        results.flatMap((result) => outcomeOf(named(result.item), result, requestId) ?? []),
      ),
    settledWithoutRequest: (results) => journal.settledWithoutRequest(results.flatMap((result) => outcomeOf(named(result.item), result, undefined) ?? [])),
    flush: () => journal.flush(),
  };
}

/**
 * Created, refused in the store's words, or unclear; undefined for a customer
 * known not to be created (it may be sent again).
 */
function outcomeOf(customer: JournalCustomer, { created, failed }: RequestResult, requestId: string | undefined): CustomerOutcome | undefined {
  if (created) return { ...customer, result: 'created', id: created.id, ...(requestId ? { requestId } : {}) };
  if (!failed) return undefined;
  if (failed.outcomeUnknown) return { ...customer, result: 'unclear' };
  if (!failed.emailInUse && failed.status !== 422) return undefined; // not the store's verdict on this customer
  const id = failed.requestId ?? requestId;
  return {
    ...customer,
    result: 'refused',
    message: failed.message,
    path: failed.path.replace(/^\/\d+/, ''),
    ...(failed.emailInUse ? { emailInUse: true } : {}),
    ...(failed.existingId !== undefined ? { existingId: failed.existingId } : {}),
    ...(id ? { requestId: id } : {}),
  };
}
