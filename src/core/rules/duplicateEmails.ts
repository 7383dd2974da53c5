import { getNodeValue, type Node } from 'jsonc-parser';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { rangeOf } from '../document/jsonDocument';
import { valueNode } from './objectWalker';

/** Emails are unique in a store: the second customer with the same email would be refused. */
export function duplicateEmails(root: Node | undefined): BcDiagnostic[] {
  if (root?.type !== 'array') return [];
  const found: BcDiagnostic[] = [];
  const firstByEmail = new Map<string, { index: number; node: Node }>();
  root.children?.forEach((customer, index) => {
    const email = customer.type === 'object' ? valueNode(customer, 'email') : undefined;
    if (email?.type !== 'string') return;
    const key = String(email.value).trim().toLowerCase();
    if (!key) return;
    const first = firstByEmail.get(key);
    if (!first) {
      firstByEmail.set(key, { index, node: email });
      return;
    }
    const identical = JSON.stringify(getNodeValue(customer)) === JSON.stringify(getNodeValue(root.children![first.index]));
    found.push(
      diagnostic('duplicate-email', `${String(email.value)} is already used by customer ${first.index + 1} of this file; emails must be unique in the store`, rangeOf(email), `/${index}/email`, {
        related: [{ message: `customer ${first.index + 1} uses the same email`, range: rangeOf(first.node) }],
        fix: { kind: 'remove', pointer: `/${index}`, title: identical ? 'Remove this duplicated customer' : `Remove customer ${index + 1}`, preferred: identical },
      }),
    );
  });
  return found;
}
