/**
 * The check as it was before it worked a customer at a time: the whole text parsed into one
 * tree with positions, the generated validator on the whole body, every rule walking the tree.
 * Slow and memory-hungry on large files, but simple: the property tests hold the product's
 * check to giving exactly its diagnostics.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { type BcDiagnostic, diagnostic } from '../../../../src/core/diagnostics/diagnostic';
import { inDocumentOrder } from '../../../../src/core/check/check';
import { parseJsonDocument, rangeOf } from '../../../../src/core/document/jsonDocument';
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

function duplicateEmails(root: Node | undefined): BcDiagnostic[] {
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
      const value = property.children?.[1];
      if (!value || (value.type !== 'array' && value.type !== 'object')) continue;
      const name = String(property.children![0].value);
      walk(value, resolve(properties[name]), [...path, name], visit);
    }
  }
}
