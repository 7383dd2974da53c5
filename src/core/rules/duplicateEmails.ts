import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import type { TextRange } from '../document/jsonDocument';

/** The key two customers share when they have the same email: trimmed, any case; undefined without one. */
export function emailKeyOf(customer: unknown): string | undefined {
  if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) return undefined;
  const email: unknown = (customer as Record<string, unknown>).email;
  if (typeof email !== 'string') return undefined;
  return email.trim().toLowerCase() || undefined;
}

/** The first customer of the body with each email: all that the duplicate-email check keeps of a customer. */
export class EmailRegister {
  private readonly firstByEmail = new Map<string, number>();

  /** Registers the customer at `index`; gives the index of an earlier customer with the same email, if any. */
  add(key: string | undefined, index: number): number | undefined {
    if (key === undefined) return undefined;
    const first = this.firstByEmail.get(key);
    if (first === undefined) this.firstByEmail.set(key, index);
    return first;
  }
}

export interface DuplicateEmail {
  index: number;
  /** the email as written */
  email: string;
  range: TextRange;
  first: number;
  /** where the first customer's email is, when it is still known */
  firstRange?: TextRange;
  /** whether the two customers are the same customer twice, when it is known */
  identical?: boolean;
}

/** Emails are unique in a store: the second customer with the same email would be refused. */
export function duplicateEmailDiagnostic({ index, email, range, first, firstRange, identical }: DuplicateEmail): BcDiagnostic {
  return diagnostic('duplicate-email', `${email} is already used by customer ${first + 1} of this file; emails must be unique in the store`, range, `/${index}/email`, {
    ...(firstRange ? { related: [{ message: `customer ${first + 1} uses the same email`, range: firstRange }] } : {}),
    fix: { kind: 'remove', pointer: `/${index}`, title: identical ? 'Remove this duplicated customer' : `Remove customer ${index + 1}`, preferred: identical === true },
  });
}
