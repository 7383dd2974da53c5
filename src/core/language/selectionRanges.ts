import { findNodeAtOffset, type Node, parseTree } from 'jsonc-parser';
import type { TextRange } from '../document/jsonDocument';
import { customerAround } from './customerAround';

/**
 * What Expand Selection steps through at `offset`, innermost first: a string's content, the
 * value, its property (key and value), the object or array holding it, and so on out to the
 * whole body. Only the customer under the cursor is parsed, so a large file stays quick.
 */
export function selectionRangesAt(text: string, offset: number): TextRange[] {
  const customer = customerAround(text, offset);
  const body = bodyRange(text);
  if (!customer) {
    const inside = body && text.charCodeAt(body.start) === 0x5b /* [ */ ? [] : rangesInTree(text, offset, 0);
    return distinct([...inside, ...(body ? [body] : [])]);
  }
  const ranges = rangesInTree(text.slice(customer.start, customer.end), offset - customer.start, customer.start);
  return distinct([...ranges, customer, ...(body ? [body] : [])]);
}

/** The text without the white space around it. */
function bodyRange(text: string): TextRange | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  return { start, end: text.trimEnd().length };
}

function rangesInTree(text: string, offset: number, shift: number): TextRange[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const ranges: TextRange[] = [];
  for (let node: Node | undefined = root && findNodeAtOffset(root, offset, true); node; node = node.parent) {
    const start = node.offset + shift;
    const end = start + node.length;
    // Inside a string, its content comes before the string with its quotes.
    if (node.type === 'string' && offset > node.offset && offset < node.offset + node.length) ranges.push({ start: start + 1, end: end - 1 });
    ranges.push({ start, end });
  }
  return ranges;
}

function distinct(ranges: TextRange[]): TextRange[] {
  return ranges.filter((r, i) => {
    const before = ranges[i - 1];
    return !before || r.start !== before.start || r.end !== before.end;
  });
}
