/** How emails are compared everywhere: BigCommerce treats them case-insensitively, and spaces around one are not part of it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The comparison key of a value that should be an email; `undefined` for anything else or a blank one. */
export function emailKey(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? normalizeEmail(value) : undefined;
}
