import { getNodeValue, type Node } from 'jsonc-parser';
import { type BcDiagnostic, type DiagnosticCode, diagnostic } from '../diagnostics/diagnostic';
import { rangeOf } from '../document/jsonDocument';
import { accessOverlaps, type ChannelAccess, channelAccessOf, describeAccess } from '../store/channelAccess';
import { valueNode } from './objectWalker';

/** The codes this rule reports; an edit to one customer finds them all again. */
export const duplicateEmailCodes: ReadonlySet<DiagnosticCode> = new Set(['duplicate-email', 'duplicate-email-maybe', 'duplicate-email-other-channel']);

interface Earlier {
  index: number;
  node: Node;
  access: ChannelAccess | undefined;
}

/**
 * Emails are unique per channel: the same email twice is refused where the two customers'
 * channel access overlaps (global access overlaps every channel that allows global logins),
 * and is a second account where it does not.
 */
export function duplicateEmails(root: Node | undefined): BcDiagnostic[] {
  if (root?.type !== 'array') return [];
  const found: BcDiagnostic[] = [];
  const earlierByEmail = new Map<string, Earlier[]>();
  root.children?.forEach((customer, index) => {
    const email = customer.type === 'object' ? valueNode(customer, 'email') : undefined;
    if (email?.type !== 'string') return;
    const key = String(email.value).trim().toLowerCase();
    if (!key) return;
    const channelIds = valueNode(customer, 'channel_ids');
    const access = channelAccessOf(channelIds ? getNodeValue(channelIds) : undefined);
    const earlier = earlierByEmail.get(key);
    const self = { index, node: email, access };
    if (!earlier) {
      earlierByEmail.set(key, [self]);
      return;
    }
    found.push(duplicateOf(root, customer, self, closestClash(earlier, access)));
    earlier.push(self);
  });
  return found;
}

/** The earlier customer that clashes most: certainly, else possibly, else the first. */
function closestClash(earlier: Earlier[], access: ChannelAccess | undefined): { first: Earlier; overlap: boolean | undefined } {
  let possible: Earlier | undefined;
  for (const other of earlier) {
    // A channel_ids value that is not a list of ids is reported by the schema; count it as a clash.
    const overlap = access && other.access ? accessOverlaps(access, other.access) : true;
    if (overlap === true) return { first: other, overlap };
    if (overlap === undefined) possible ??= other;
  }
  return possible ? { first: possible, overlap: undefined } : { first: earlier[0], overlap: false };
}

function duplicateOf(root: Node, customer: Node, self: Earlier, { first, overlap }: { first: Earlier; overlap: boolean | undefined }): BcDiagnostic {
  const email = String(self.node.value);
  const identical = JSON.stringify(getNodeValue(customer)) === JSON.stringify(getNodeValue(root.children![first.index]));
  const fix = { kind: 'remove', pointer: `/${self.index}`, title: identical ? 'Remove this duplicated customer' : `Remove customer ${self.index + 1}`, preferred: identical && overlap === true } as const;
  const related = [{ message: `customer ${first.index + 1} uses the same email`, range: rangeOf(first.node) }];
  // Only reached with two lists of channel access: an unreadable one counts as overlapping.
  const channels = () => `${describeAccess(first.access!)}; this one: ${describeAccess(self.access!)}`;
  let code: DiagnosticCode;
  let message: string;
  if (overlap === true) {
    code = 'duplicate-email';
    message = `${email} is already used by customer ${first.index + 1} of this file, on the same channels; an email can be used once per channel`;
  } else if (overlap === undefined) {
    code = 'duplicate-email-maybe';
    message = `${email} is also used by customer ${first.index + 1} of this file (${channels()}): BigCommerce refuses the second if one of these channels allows global logins`;
  } else {
    code = 'duplicate-email-other-channel';
    message = `${email} is also used by customer ${first.index + 1} of this file, on other channels (${channels()}): in a multi-storefront store these are two separate accounts`;
  }
  return diagnostic(code, message, rangeOf(self.node), `/${self.index}/email`, { related, fix });
}
