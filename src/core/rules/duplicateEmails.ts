import { type BcDiagnostic, type DiagnosticCode, diagnostic } from '../diagnostics/diagnostic';
import { emailKey } from '../email';
import type { TextRange } from '../document/jsonDocument';
import { grown, KeyTable, type KeyTableOptions } from '../text/keyTable';
import { accessOverlaps, type ChannelAccess, describeAccess } from '../store/channelAccess';

export { channelAccessOfCustomer } from '../store/channelAccess';

/** The codes this rule reports; an edit to one customer finds them all again. */
export const duplicateEmailCodes: ReadonlySet<DiagnosticCode> = new Set(['duplicate-email', 'duplicate-email-maybe', 'duplicate-email-other-channel']);

/** The key two customers share when they have the same email: trimmed, any case; undefined without one. */
export function emailKeyOf(customer: unknown): string | undefined {
  if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) return undefined;
  return emailKey((customer as Record<string, unknown>).email);
}

/** An earlier customer of the body with the same email, and whether the two share a channel (undefined: it depends on a channel's settings). */
export interface EmailClash {
  first: number;
  firstAccess: ChannelAccess | undefined;
  overlap: boolean | undefined;
}

interface EmailOwner {
  index: number;
  access: ChannelAccess | undefined;
}

/**
 * Each email's customers and their channels: all that the duplicate-email check keeps of a
 * customer. The emails sit in a compact table (a million must fit in memory); of each, its first
 * customer's index and channel access (lists of channels are kept once each: a file has few),
 * and the list of all its customers only once it is used again, the rare case.
 */
export class EmailRegister {
  private readonly emails: KeyTable;
  /** the first customer of each email (by the table's numbering) */
  private firstOwner: Int32Array = new Int32Array(16);
  /** that customer's access: an index into `accesses` */
  private firstAccess: Int32Array = new Int32Array(16);
  private readonly accesses: (ChannelAccess | undefined)[] = ['global', undefined];
  private readonly accessIndex = new Map<string, number>();
  /** every customer of the emails used more than once */
  private readonly ownerLists = new Map<number, EmailOwner[]>();

  constructor(options?: KeyTableOptions) {
    this.emails = new KeyTable(options);
  }

  /** Registers the customer at `index`; gives the earlier customer with the same email that clashes most, if any. */
  add(key: string | undefined, access: ChannelAccess | undefined, index: number): EmailClash | undefined {
    if (key === undefined) return undefined;
    const known = this.emails.size;
    const email = this.emails.intern(key);
    if (email === known) {
      if (email === this.firstOwner.length) {
        this.firstOwner = grown(this.firstOwner, email * 2);
        this.firstAccess = grown(this.firstAccess, email * 2);
      }
      this.firstOwner[email] = index;
      this.firstAccess[email] = this.accessNumber(access);
      return undefined;
    }
    const owners = this.ownerLists.get(email) ?? [{ index: this.firstOwner[email]!, access: this.accesses[this.firstAccess[email]!] }];
    const clash = closestClash(owners, access);
    owners.push({ index, access });
    this.ownerLists.set(email, owners);
    return clash;
  }

  /** The memory the emails take, in bytes (the rare lists of owners left out). */
  get byteSize(): number {
    return this.emails.byteSize + this.firstOwner.byteLength + this.firstAccess.byteLength;
  }

  private accessNumber(access: ChannelAccess | undefined): number {
    if (access === 'global') return 0;
    if (access === undefined) return 1;
    const key = access.join();
    let number = this.accessIndex.get(key);
    if (number === undefined) {
      number = this.accesses.push(access) - 1;
      this.accessIndex.set(key, number);
    }
    return number;
  }
}

/** The earlier customer that clashes most: certainly, else possibly, else the first; undefined when there is none. */
function closestClash(earlier: readonly EmailOwner[], access: ChannelAccess | undefined): EmailClash | undefined {
  let possible: EmailOwner | undefined;
  for (const other of earlier) {
    // A channel_ids value that is not a list of ids is reported by the schema; count it as a clash.
    const overlap = access && other.access ? accessOverlaps(access, other.access) : true;
    if (overlap === true) return { first: other.index, firstAccess: other.access, overlap };
    if (overlap === undefined) possible ??= other;
  }
  const first = possible ?? earlier[0];
  if (!first) return undefined;
  return { first: first.index, firstAccess: first.access, overlap: possible ? undefined : false };
}

export interface DuplicateEmail extends EmailClash {
  index: number;
  access: ChannelAccess | undefined;
  /** the email as written */
  email: string;
  range: TextRange;
  /** where the first customer's email is, when it is still known */
  firstRange?: TextRange | undefined;
  /** whether the two customers are the same customer twice, when it is known */
  identical?: boolean;
}

/**
 * Emails are unique per channel: the same email twice is refused where the two customers'
 * channel access overlaps (global access overlaps every channel that allows global logins),
 * and is a second account where it does not.
 */
export function duplicateEmailDiagnostic({ index, access, email, range, first, firstAccess, overlap, firstRange, identical }: DuplicateEmail): BcDiagnostic {
  let code: DiagnosticCode;
  let message: string;
  // Only reached with two lists of channel access: an unreadable one counts as overlapping.
  const channels = () => `${describeAccess(firstAccess!)}; this one: ${describeAccess(access!)}`;
  if (overlap === true) {
    code = 'duplicate-email';
    message = `${email} is already used by customer ${first + 1} of this file, on the same channels; an email can be used once per channel`;
  } else if (overlap === undefined) {
    code = 'duplicate-email-maybe';
    message = `${email} is also used by customer ${first + 1} of this file (${channels()}): BigCommerce refuses the second if one of these channels allows global logins`;
  } else {
    code = 'duplicate-email-other-channel';
    message = `${email} is also used by customer ${first + 1} of this file, on other channels (${channels()}): in a multi-storefront store these are two separate accounts`;
  }
  return diagnostic(code, message, range, `/${index}/email`, {
    ...(firstRange ? { related: [{ message: `customer ${first + 1} uses the same email`, range: firstRange }] } : {}),
    fix: {
      kind: 'remove',
      pointer: `/${index}`,
      title: identical ? 'Remove this duplicated customer' : `Remove customer ${index + 1}`,
      preferred: identical === true && overlap === true,
    },
  });
}
