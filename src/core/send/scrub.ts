/**
 * The one scrubber for everything a store answers: the token, and any other
 * value of the request's headers that is not public, are replaced by
 * "<redacted>" before an answer is read, shown, logged or printed.
 */
import type { HttpAnswer, HttpOutcome } from './http';

export type Scrubber = (text: string) => string;

/** Header values anyone may see; everything else sent in a header is treated as secret. */
const PUBLIC_HEADERS = new Set(['accept', 'content-type', 'user-agent']);
/** Shorter values would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = '<redacted>';

export function scrubberFor(headers: Record<string, string>): Scrubber {
  const secrets = Object.entries(headers)
    .filter(([name, value]) => !PUBLIC_HEADERS.has(name.toLowerCase()) && value.trim().length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value.trim())
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/** The outcome with every string the store sent passed through `scrub`. */
export function scrubOutcome<T extends HttpOutcome>(outcome: T, scrub: Scrubber): T {
  const answer: HttpOutcome = outcome;
  if (answer.kind !== 'answer') return { ...outcome, message: scrub(answer.message) };
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name, scrub(value)]));
  const scrubbed: HttpAnswer = { ...answer, headers, text: scrub(answer.text), json: scrubValue(answer.json, scrub) };
  if (answer.requestId !== undefined) scrubbed.requestId = scrub(answer.requestId);
  return scrubbed as T;
}

function scrubValue(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [scrub(key), scrubValue(item, scrub)]));
  }
  return value;
}
