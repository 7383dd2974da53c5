import { getNodeValue, type Node, visit } from 'jsonc-parser';
import { parseTolerantly, type SyntaxParts, tolerantOptions, tolerantReading } from '../document/jsonDocument';
import { shiftOffsets } from '../document/strictJsonTree';

/**
 * Where a body's text stops being strict JSON, it is read with the tolerant parser only as far
 * as it must be. Between two items of the top-level array, the tolerant parser's state is one of
 * two: right after the "[" or a comma, or right after an item. So a stretch that starts right
 * after the "[" (read from there) or right after an item (read as if after a stand-in item,
 * `[0 `) and ends with a comma of the top-level array is read exactly as the whole text would be.
 */

/** How many broken stretches were read, and how many of them ended before the end of their text: what tests count to see a kind of mistake read this way. */
export const regionsRead = { regions: 0, endedEarly: 0 };

/** A customer read tolerantly: its tree, offsets in the whole text, and its value. */
export interface TolerantCustomer {
  node: Node;
  value: unknown;
}

/** Where a broken stretch starts: right after the body's "[" (its offset), or right after an item (where it ends). */
export interface RegionStart {
  offset: number;
  afterItem: boolean;
}

/**
 * Where the broken stretch from `start` ends: just after the first comma of the top-level array
 * after which `resumes` says strict reading takes over (its answer comes back with it), or
 * `undefined` when none does and the stretch runs to the end of the text. The text is read in
 * growing windows, so that a short stretch costs little however long the text.
 */
export function findRegionEnd<T>(text: string, start: RegionStart, resumes: (offset: number) => T | undefined): { end: number; resumed: T } | undefined {
  const { prefix, shift } = framing(start);
  for (let window = FIRST_WINDOW; ; window *= 2) {
    const windowEnd = Math.min(text.length, start.offset + window);
    const framed = prefix + text.slice(start.offset, windowEnd);
    tolerantReading.characters += framed.length;
    let depth = 0;
    let found: { end: number; resumed: T } | undefined;
    try {
      visit(
        framed,
        {
          onObjectBegin: () => void depth++,
          onObjectEnd: () => void depth--,
          onArrayBegin: () => void depth++,
          onArrayEnd: (offset) => {
            // The array closed by its "]" (not by the window's end): the rest of the text belongs to the stretch.
            if (--depth === 0 && offset < framed.length) throw stop;
          },
          onSeparator: (separator, offset) => {
            if (separator !== ',' || depth !== 1) return;
            const end = offset + 1 + shift;
            const resumed = resumes(end);
            if (resumed === undefined) return;
            found = { end, resumed };
            throw stop;
          },
        },
        tolerantOptions,
      );
    } catch (error) {
      if (error !== stop) throw error;
      return found;
    }
    if (windowEnd === text.length) return undefined;
  }
}

/**
 * The customers and syntax problems of the stretch from `start` to `end` (just after a comma of
 * the top-level array), or to the end of the text: what the tolerant parser gives for that stretch
 * of the whole text, with offsets in the whole text. The customers' parent is `root`.
 */
export function parseRegion(text: string, start: RegionStart, end: number | undefined, root: Node): SyntaxParts & { customers: TolerantCustomer[] } {
  regionsRead.regions++;
  if (end !== undefined) regionsRead.endedEarly++;
  const { prefix, shift } = framing(start);
  // After the comma, a stand-in item and the "]": the comma is read as the whole text reads it, before an item.
  const parsed = parseTolerantly(prefix + text.slice(start.offset, end) + (end === undefined ? '' : '0]'));
  const elements = parsed.root?.children ?? [];
  const customers = elements.slice(start.afterItem ? 1 : 0, end === undefined ? undefined : -1).map((node) => {
    shiftOffsets(node, shift);
    (node as { parent?: Node }).parent = root;
    return { node, value: getNodeValue(node) as unknown };
  });
  const move = (range: { start: number; end: number }) => ({ start: range.start + shift, end: range.end + shift });
  return {
    customers,
    syntaxProblems: parsed.syntaxProblems.map((p) => ({ ...p, range: move(p.range) })),
    comments: parsed.comments.map(move),
    trailingCommas: parsed.trailingCommas.map(move),
  };
}

/** What the stretch is read behind, and how far its offsets move back into the whole text. */
function framing({ offset, afterItem }: RegionStart): { prefix: string; shift: number } {
  // After an item: a stand-in item, and a space so that nothing joins it (a "." or "e" would).
  // After the "[": the stretch starts at the "[" itself.
  return afterItem ? { prefix: '[0 ', shift: offset - 3 } : { prefix: '', shift: offset };
}

/** The first window is a few customers; each next one doubles. */
const FIRST_WINDOW = 1 << 12;

const stop = new Error('broken region read');
