import type { Node } from 'jsonc-parser';
import type { BcDiagnostic } from '../diagnostics/diagnostic';
import { findNode, jsonDocument } from '../document/jsonDocument';
import type { FixSpec } from '../fixes/fixSpec';
import { forEachObjectOfCustomer } from '../rules/objectWalker';
import { objectRules } from '../rules/registry';
import { textDiagnostics } from '../rules/textRules';
import { schemaErrorDiagnostics, validateBody } from '../schema/schemaDiagnostics';
import { ItemFlags, type ScannedItem } from '../text/arrayItemScanner';

/** One customer of the body: its value, and its tree with positions in the whole text, built only if asked for. */
export interface CustomerToCheck {
  index: number;
  value: unknown;
  tree(): Node | undefined;
  /**
   * Whether the text may hold what JSON.parse hides (a key written twice, a lone surrogate,
   * U+FFFD): the scanner knows when it cannot, so that the tree is not built for nothing.
   */
  textMayHide: boolean;
}

/**
 * The problems of one customer — the schema's, every object rule's and the text's — with
 * pointers and ranges into the whole body. What needs the other customers (duplicate emails,
 * the body's size) is not among them. The customer's tree is built only when it has a problem.
 */
export function checkCustomer(customer: CustomerToCheck): BcDiagnostic[] {
  const { index, value } = customer;
  let tree: Node | undefined;
  let built = false;
  const treeOf = (): Node | undefined => {
    if (!built) {
      built = true;
      tree = customer.tree();
    }
    return tree;
  };
  const found: BcDiagnostic[] = [];
  const errors = validateBody([value]);
  if (errors) {
    const node = treeOf();
    if (node) {
      // The customer is checked as the only item of a body; its pointers move from /0 to /index.
      const alone = jsonDocument({
        text: '',
        root: { type: 'array', offset: 0, length: 0, children: [node] },
        value: [value],
        syntaxProblems: [],
        comments: [],
        trailingCommas: [],
      });
      for (const d of schemaErrorDiagnostics(alone, errors)) {
        if (d.path !== '') found.push({ ...d, path: movePointer(d.path, index), ...(d.fix ? { fix: moveFix(d.fix, index) } : {}) });
      }
    }
  }
  const locate = (path: readonly (string | number)[]) => {
    const node = treeOf();
    return node && findNode(node, path.slice(1));
  };
  forEachObjectOfCustomer(value, index, locate, (object) => {
    for (const rule of objectRules) rule(object, found);
  });
  if (customer.textMayHide) {
    const node = treeOf();
    if (node) textDiagnostics(node, index, found);
  }
  return found;
}

/** Whether a customer's text may hold what JSON.parse hides: the scanner saw an escape or U+FFFD, or the text writes more keys than the value has. */
export function textMayHide(item: Pick<ScannedItem, 'flags' | 'colons'>, value: unknown): boolean {
  return item.flags !== ItemFlags.None || item.colons !== propertyCount(value);
}

/** How many properties a value has, nested ones included: fewer than its text writes means a key written twice. */
function propertyCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += propertyCount(item);
    return count;
  }
  for (const key in value) count += 1 + propertyCount((value as Record<string, unknown>)[key]);
  return count;
}

function movePointer(pointer: string, index: number): string {
  return pointer.replace(/^\/0(?=\/|$)/, `/${index}`);
}

function moveFix(fix: FixSpec, index: number): FixSpec {
  return 'pointer' in fix ? { ...fix, pointer: movePointer(fix.pointer, index) } : fix;
}
