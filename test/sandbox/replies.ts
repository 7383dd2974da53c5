/** Answers as plain values, built by the route handlers and written by the server. */

export const STATUS_CODES_DOC = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';
/** the 429 body in BigCommerce's spec carries the relative form of the link */
export const STATUS_CODES_DOC_RELATIVE = '/api-docs/getting-started/api-status-codes';

export interface Reply {
  status: number;
  /** serialised as JSON unless `html` is set; absent = empty body */
  body?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export function jsonReply(status: number, body: unknown): Reply {
  return { status, body };
}

/** The usual `{status, title, type, errors}` error body. */
export function errorReply(status: number, title: string, errors: Record<string, string> = {}): Reply {
  return { status, body: { status, title, type: STATUS_CODES_DOC, errors } };
}

/** The `{status, title, type, detail}` variant, used for syntax errors and wrong methods. */
export function detailReply(status: number, title: string, detail: string): Reply {
  return { status, body: { status, title, type: STATUS_CODES_DOC, detail } };
}

export const unauthorized = (): Reply => errorReply(401, 'Unauthorized');

export const missingScope = (): Reply => errorReply(403, "You don't have a required scope to access the endpoint");

export const notFound = (title = 'Not Found'): Reply => errorReply(404, title);

export const methodNotAllowed = (): Reply => detailReply(405, 'Method Not Allowed', 'The requested HTTP method is invalid for this endpoint.');

export const tooManyRequests = (): Reply => ({
  status: 429,
  body: { status: 429, title: 'Too many requests', type: STATUS_CODES_DOC_RELATIVE, errors: {} },
});

/** Family D: a query problem, described in the title, with empty errors. */
export const invalidQuery = (title: string): Reply => errorReply(422, title);

/** Family C: JSON shape or type problems, keyed by path. */
export const invalidJson = (errors: Record<string, string>): Reply => errorReply(422, 'JSON data is missing or invalid', errors);

/** Family A: a business rule refused the whole batch. */
export const createFailed = (message: string): Reply =>
  errorReply(422, 'Create customers failed.', { '.customer_create': `Error creating customers: ${message}` });
