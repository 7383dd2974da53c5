/**
 * Understands the store's error answers, whatever their shape, and says
 * which customer and field an error key points at.
 *
 * Shapes seen from BigCommerce: `{status,title,type,errors:{key:message}}`,
 * `{status,title,type,detail}`, `{code,message}`, HTML pages from gateways,
 * and empty bodies. Keys of `errors` on a create come in three families:
 * `.customer_create` (free text, no position), `"<i>.<field…>"`, and a bare
 * `"<field>"`.
 */

export interface ServerErrorEntry {
  key: string;
  message: string;
}

export interface ServerError {
  status: number;
  title?: string;
  detail?: string | undefined;
  type?: string;
  instance?: string;
  code?: string | number;
  entries: ServerErrorEntry[];
  isHtml: boolean;
  /** everything useful in one line of plain words */
  summary: string;
}

const MAX_SNIPPET = 300;

export function parseErrorBody(status: number, text: string, json: unknown): ServerError {
  const result: ServerError = { status, entries: [], isHtml: false, summary: '' };
  if (isRecord(json)) {
    readString(json, 'title', (v) => (result.title = v));
    readString(json, 'detail', (v) => (result.detail = v));
    readString(json, 'type', (v) => (result.type = v));
    readString(json, 'instance', (v) => (result.instance = v));
    if (typeof json.code === 'string' || typeof json.code === 'number') result.code = json.code;
    if (typeof json.message === 'string' && result.detail === undefined) result.detail = json.message;
    if (typeof json.error === 'string' && result.detail === undefined) result.detail = json.error;
    result.entries = readErrorEntries(json.errors);
  } else if (Array.isArray(json)) {
    result.entries = readErrorEntries(json);
  } else if (typeof json === 'string') {
    result.detail = json;
  } else if (looksLikeHtml(text)) {
    result.isHtml = true;
    result.detail = htmlHeadline(text);
  } else if (text.trim() !== '') {
    result.detail = snippet(text.trim());
  }
  result.summary = summarize(result);
  return result;
}

function readErrorEntries(errors: unknown): ServerErrorEntry[] {
  if (isRecord(errors)) {
    return Object.entries(errors).map(([key, value]) => ({ key, message: messageText(value) }));
  }
  if (Array.isArray(errors)) {
    return errors.map((item, position) => {
      if (isRecord(item)) {
        const key = firstString(item, ['field', 'path', 'key', 'pointer']) ?? String(position);
        const message = firstString(item, ['message', 'detail', 'title', 'error']) ?? messageText(item);
        return { key, message };
      }
      return { key: '', message: messageText(item) };
    });
  }
  return [];
}

function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(messageText).join('; ');
  if (value === null || value === undefined) return '';
  if (isRecord(value)) {
    const direct = firstString(value, ['message', 'detail', 'title', 'error']);
    if (direct !== undefined) return direct;
  }
  return snippet(JSON.stringify(value));
}

function summarize(error: ServerError): string {
  const parts: string[] = [];
  if (error.title) parts.push(error.title.trim());
  if (error.detail && error.detail !== error.title) parts.push(error.detail.trim());
  const entryText = error.entries
    .map((e) => (e.key && !isCreateFamilyKey(e.key) ? `${e.key}: ${e.message}` : e.message))
    .filter((s) => s.trim() !== '')
    .join('; ');
  if (entryText) parts.push(entryText);
  // Closing punctuation goes: the parts are joined with ": ". A part that is nothing else goes too.
  const said = parts.map((p) => p.replace(/[.:\s]+$/, '')).filter((p) => p !== '');
  if (said.length === 0) {
    return error.isHtml ? 'the store answered with a web page instead of JSON' : "the store's answer gave no details";
  }
  const text = said.join(': ');
  return error.isHtml ? `the store answered with a web page instead of JSON (${text})` : text;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<h1|<title|<\?xml)/i.test(text) || /<\/(html|body|h1|title)>/i.test(text);
}

function htmlHeadline(html: string): string | undefined {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const source = title ?? html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
  const text = decodeEntities(source.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : snippet(text);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function snippet(text: string): string {
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET)}…` : text;
}

// ---------------------------------------------------------------------------
// Locating an error key inside the request that was sent

export type ErrorLocation =
  /** `.customer_create`: free text that may name an email, never a position */
  | { family: 'create'; message: string }
  /** `"<i>.<field…>"`: the i-th customer of the request, then a field path (possibly empty) */
  | { family: 'indexed'; requestIndex: number; fieldPath: string[]; message: string }
  /** a bare `"<field…>"`: some customer of the request, not said which */
  | { family: 'field'; fieldPath: string[]; message: string }
  | { family: 'unknown'; key: string; message: string };

export function isCreateFamilyKey(key: string): boolean {
  return /^\.?customer_create$/i.test(key.trim());
}

export function locateErrorKey(key: string, message: string): ErrorLocation {
  const trimmed = key.trim();
  if (isCreateFamilyKey(trimmed)) return { family: 'create', message };
  const segments = keySegments(trimmed);
  if (segments === undefined || segments.length === 0) return { family: 'unknown', key, message };
  const [first, ...rest] = segments;
  if (first !== undefined && /^\d+$/.test(first)) {
    return { family: 'indexed', requestIndex: Number(first), fieldPath: rest, message };
  }
  if (segments.every((s) => /^[A-Za-z_][\w-]*$|^\d+$/.test(s))) return { family: 'field', fieldPath: segments, message };
  return { family: 'unknown', key, message };
}

/** `"0.addresses.1.country_code"`, `"obj[0].email"`, `"/0/email"`, `"[0].email"` → segments. */
function keySegments(key: string): string[] | undefined {
  if (key.startsWith('/')) {
    return key
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .filter((s) => s !== '');
  }
  const normalized = key
    .replace(/^obj(?=[.[])/, '') // Play JSON's root name
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\.+/, '');
  if (normalized === '' || /\s/.test(normalized)) return undefined;
  return normalized.split('.').filter((s) => s !== '');
}

// ---------------------------------------------------------------------------
// Words

const PLAY_CODES: Record<string, string> = {
  'error.path.missing': 'is required but missing',
  'error.expected.jsstring': 'must be text (a JSON string)',
  'error.expected.jsnumber': 'must be a number',
  'error.expected.jsboolean': 'must be true or false',
  'error.expected.jsarray': 'must be an array',
  'error.expected.jsobject': 'must be an object',
  'error.expected.jsnumberorjsstring': 'must be a number or text',
  'error.expected.int': 'must be a whole number',
  'error.minlength': 'is too short',
  'error.maxlength': 'is too long',
  'error.invalid': 'is not valid',
};

/** Adds plain words to Play-JSON codes and keeps the store's own words next to them. */
export function explainFieldMessage(message: string): string {
  const code = message.trim().toLowerCase();
  const words = PLAY_CODES[code];
  return words ? `${words} (the store said: ${message.trim()})` : message;
}

const EMAIL_TOKEN = /[^\s'"<>()[\],;:]+@[^\s'"<>()[\],;:]+/g;

/** Every email-looking token in a message, without trailing punctuation. */
export function emailsInMessage(message: string): string[] {
  return (message.match(EMAIL_TOKEN) ?? []).map((token) => token.replace(/[.!?]+$/, ''));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(record: Record<string, unknown>, key: string, set: (value: string) => void): void {
  const value = record[key];
  if (typeof value === 'string' && value.trim() !== '') set(value);
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}
