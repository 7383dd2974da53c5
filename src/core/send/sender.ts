/**
 * Sends a file's customers to `POST /v3/customers`, one request at a time,
 * in file order, and reports what happened to every one of them.
 *
 * The one promise kept above all: no customer is created twice. Whenever an
 * answer leaves it unclear whether customers were stored (timeout, dropped
 * connection, 5xx, 422, an answer that is not the expected JSON), the store
 * is asked which of the request's emails exist before anything is sent again.
 */
import { SendRun } from './sendRun';
import type { StoreTarget } from './storeTarget';
import type { CustomerToSend, SendOptions, SendReport } from './sendTypes';

export { maxCustomersPerRequest } from '../schema/customerSchema';
export type { CreatedCustomer, CustomerProblem, CustomerToSend, FailedCustomer, RequestLogEntry, SendOptions, SendProgress, SendReport } from './sendTypes';

export function sendCustomers(target: StoreTarget, customers: CustomerToSend[], options: SendOptions = {}): Promise<SendReport> {
  return new SendRun(target, customers, options).run();
}
