import type { Node } from 'jsonc-parser';
import { type BcDiagnostic, diagnostic } from '../diagnostics/diagnostic';
import { rangeOf } from '../document/jsonDocument';
import { toPointer } from '../document/jsonPointer';
import type { InvalidByte } from '../text/decodeBytes';

/**
 * What the text says that JSON.parse hides: a key written twice in one object (JSON.parse and
 * BigCommerce keep the last one, silently), strings with a lone surrogate (`"\uD800"`: no
 * character at all), and U+FFFD, the mark of bytes that were not valid UTF-8 when the file was
 * read. `customer` is the tree of the item at `index`.
 */
export function textDiagnostics(customer: Node, index: number, out: BcDiagnostic[]): void {
  // A stack rather than recursion: the tree's depth is bounded, but this need not rely on it.
  const stack: [Node, (string | number)[]][] = [[customer, [index]]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (node.type === 'string') stringProblems(node, path, out);
    if (!node.children) continue;
    if (node.type === 'object') {
      const last = new Map<string, Node>();
      for (const property of node.children) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        stringProblems(key, [...path, name], out);
        last.set(name, property);
        if (property.children?.[1]) stack.push([property.children[1], [...path, name]]);
      }
      if (last.size < node.children.length) duplicateKeys(node, last, path, out);
    } else {
      node.children.forEach((child, i) => stack.push([child, [...path, i]]));
    }
  }
}

function duplicateKeys(object: Node, last: Map<string, Node>, path: (string | number)[], out: BcDiagnostic[]): void {
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    const kept = key && last.get(String(key.value));
    const keptKey = kept?.children?.[0];
    if (!key || !kept || !keptKey || kept === property) continue;
    const name = String(key.value);
    out.push(
      diagnostic(
        'duplicate-key',
        `${name} is written twice in this object; JSON.parse and BigCommerce keep only the last one, so this value is dropped`,
        rangeOf(key),
        toPointer([...path, name]),
        {
          related: [{ message: `the ${name} that is kept`, range: rangeOf(keptKey) }],
        },
      ),
    );
  }
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblems(node: Node, path: (string | number)[], out: BcDiagnostic[]): void {
  const text = String(node.value);
  const pointer = toPointer(path);
  const what = node.parent?.type === 'property' && node.parent.children?.[0] === node ? 'This property name' : 'This text';
  if (text.includes('\uFFFD')) {
    out.push(
      diagnostic(
        'invalid-utf8',
        `${what} contains "\uFFFD" (U+FFFD), which stands for bytes that were not valid UTF-8: the file was probably saved in another encoding (such as Windows-1252), and BigCommerce would store the replacement character instead of the text. Reopen the file with its encoding, then save it as UTF-8`,
        rangeOf(node),
        pointer,
        { fix: { kind: 'reopen-with-encoding', title: 'Reopen with Encoding', preferred: false } },
      ),
    );
  }
  const lone = loneSurrogate.exec(text);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    out.push(
      diagnostic(
        'lone-surrogate',
        `${what} has \\u${code}, half of a surrogate pair without its other half: it is not a character, and BigCommerce cannot store it`,
        rangeOf(node),
        pointer,
      ),
    );
  }
}

/** A file's bytes that are not UTF-8, as a problem at the first of them (when no string already shows it). */
export function invalidBytesDiagnostic(invalid: InvalidByte): BcDiagnostic {
  const hex = invalid.value.toString(16).toUpperCase().padStart(2, '0');
  return diagnostic(
    'invalid-utf8',
    `Byte 0x${hex} (byte ${invalid.byteOffset} of the file) is not valid UTF-8: the file was probably saved in another encoding, such as Windows-1252. Save it as UTF-8; until then it is shown with U+FFFD in place of such bytes and cannot be sent`,
    { start: invalid.offset, end: invalid.offset + 1 },
    '',
  );
}
