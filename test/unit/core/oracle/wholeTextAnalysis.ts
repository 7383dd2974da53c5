/**
 * The check as it was before it worked a customer at a time: the whole text parsed into one
 * tree with positions, the generated validator on the whole body, every rule walking the tree.
 * Slow and memory-hungry on large files, but simple: the property tests hold the product's
 * check to giving exactly its diagnostics.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { type BcDiagnostic, type DiagnosticCode, diagnostic } from '../../../../src/core/diagnostics/diagnostic';
import { accessOverlaps, type ChannelAccess, channelAccessOf, describeAccess } from '../../../../src/core/store/channelAccess';
import { inDocumentOrder } from '../../../../src/core/check/check';
import { parseJsonDocument, propertyNode, rangeOf } from '../../../../src/core/document/jsonDocument';
import { toPointer } from '../../../../src/core/document/jsonPointer';
import { type ObjectVisit, valueNode } from '../../../../src/core/rules/objectWalker';
import { objectRules } from '../../../../src/core/rules/registry';
import { syntaxDiagnostics } from '../../../../src/core/rules/syntaxRules';
import { resolve, rootSchema, type SchemaNode } from '../../../../src/core/schema/customerSchema';
import { schemaDiagnostics } from '../../../../src/core/schema/schemaDiagnostics';

export function wholeTextDiagnostics(text: string): BcDiagnostic[] {
  const document = parseJsonDocument(text);
  const diagnostics = [...syntaxDiagnostics(document), ...schemaDiagnostics(document), ...duplicateEmails(document.root)];
  if (document.root) walk(document.root, resolve(rootSchema), [], (object) => objectRules.forEach((rule) => rule(object, diagnostics)));
  return inDocumentOrder(diagnostics);
}

interface Earlier {
  index: number;
  customer: Node;
  node: Node;
  access: ChannelAccess | undefined;
}

/** Emails are unique per channel: every customer against every earlier one with the same email. */
function duplicateEmails(root: Node | undefined): BcDiagnostic[] {
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
    const self = { index, customer, node: email, access };
    const earlier = earlierByEmail.get(key);
    const [oldest] = earlier ?? [];
    if (!earlier || !oldest) {
      earlierByEmail.set(key, [self]);
      return;
    }
    let clash: { first: Earlier; overlap: boolean | undefined } | undefined;
    for (const other of earlier) {
      const overlap = access && other.access ? accessOverlaps(access, other.access) : true;
      if (overlap === true) {
        clash = { first: other, overlap };
        break;
      }
      if (overlap === undefined) clash ??= { first: other, overlap };
    }
    clash ??= { first: oldest, overlap: false };
    earlier.push(self);
    const { first, overlap } = clash;
    const text = String(email.value);
    const identical = JSON.stringify(getNodeValue(customer)) === JSON.stringify(getNodeValue(first.customer));
    const channels = () => `${describeAccess(first.access!)}; this one: ${describeAccess(access!)}`;
    const [code, message]: [DiagnosticCode, string] =
      overlap === true
        ? [
            'duplicate-email',
            `${text} is already used by customer ${first.index + 1} of this file, on the same channels; an email can be used once per channel`,
          ]
        : overlap === undefined
          ? [
              'duplicate-email-maybe',
              `${text} is also used by customer ${first.index + 1} of this file (${channels()}): BigCommerce refuses the second if one of these channels allows global logins`,
            ]
          : [
              'duplicate-email-other-channel',
              `${text} is also used by customer ${first.index + 1} of this file, on other channels (${channels()}): in a multi-storefront store these are two separate accounts`,
            ];
    found.push(
      diagnostic(code, message, rangeOf(email), `/${index}/email`, {
        related: [{ message: `customer ${first.index + 1} uses the same email`, range: rangeOf(first.node) }],
        fix: {
          kind: 'remove',
          pointer: `/${index}`,
          title: identical ? 'Remove this duplicated customer' : `Remove customer ${index + 1}`,
          preferred: identical && overlap === true,
        },
      }),
    );
  });
  return found;
}

function walk(node: Node, schema: SchemaNode | undefined, path: (string | number)[], visit: (object: ObjectVisit) => void): void {
  if (!schema || !node.children) return;
  if (node.type === 'array') {
    const items = resolve(schema.items);
    if (!items) return;
    node.children.forEach((child, i) => {
      if (child.type !== 'array' && child.type !== 'object') return;
      walk(child, items, [...path, i], visit);
    });
  } else if (node.type === 'object') {
    visit({ node, value: getNodeValue(node) as Record<string, unknown>, schema, pointerTo: (...segments) => toPointer([...path, ...segments]) });
    const properties = schema.properties;
    if (!properties) return;
    for (const property of node.children) {
      const [key, value] = property.children ?? [];
      if (!key || !value || (value.type !== 'array' && value.type !== 'object')) continue;
      const name = String(key.value);
      // A key written twice: the last one is the value (as JSON.parse and BigCommerce read it); the other is reported as a duplicate key.
      if (propertyNode(node, name) !== property) continue;
      walk(value, resolve(properties[name]), [...path, name], visit);
    }
  }
}
