import type { Node } from 'jsonc-parser';
import { applyObjectRules } from './analyze';
import type { BcDiagnostic } from './diagnostics/diagnostic';
import { jsonDocument } from './document/jsonDocument';
import type { FixSpec } from './fixes/fixSpec';
import { forEachObjectOfCustomer } from './rules/objectWalker';
import { schemaDiagnostics } from './schema/schemaDiagnostics';

/**
 * The schema's and the rules' problems of one customer of the body — the item at `index`,
 * parsed as `node` and `value` — with pointers into the whole body. What needs the other
 * customers (duplicate emails, the body's size) is not among them.
 */
export function customerDiagnostics(text: string, node: Node, value: unknown, index: number): BcDiagnostic[] {
  // The schema checks the customer as the only item of a body, then its pointers move from /0 to /index.
  const alone = jsonDocument({ text, root: { type: 'array', offset: 0, length: 0, children: [node] }, value: [value], syntaxProblems: [], comments: [], trailingCommas: [] });
  const found = schemaDiagnostics(alone)
    .filter((d) => d.path !== '')
    .map((d) => ({ ...d, path: movePointer(d.path, index), ...(d.fix ? { fix: moveFix(d.fix, index) } : {}) }));
  forEachObjectOfCustomer(node, index, (object) => applyObjectRules(object, found));
  return found;
}

function movePointer(pointer: string, index: number): string {
  return pointer.replace(/^\/0(?=\/|$)/, `/${index}`);
}

function moveFix(fix: FixSpec, index: number): FixSpec {
  return 'pointer' in fix ? { ...fix, pointer: movePointer(fix.pointer, index) } : fix;
}
