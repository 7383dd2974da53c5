import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { TextRange } from '../document/jsonDocument';

export type CustomerSymbolKind = 'customer' | 'addresses' | 'address' | 'attributes' | 'attribute';

export interface CustomerSymbol {
  name: string;
  detail: string;
  kind: CustomerSymbolKind;
  /** All of it: what the Outline selects and breadcrumbs follow. */
  range: TextRange;
  /** What is revealed when it is picked: the email of a customer, the key of a list. */
  selectionRange: TextRange;
  children: CustomerSymbol[];
}

/** The fields each kind of symbol is named and described by. */
const namingFields: Partial<Record<CustomerSymbolKind, ReadonlySet<string>>> = {
  customer: new Set(['email', 'first_name', 'last_name']),
  address: new Set(['address1', 'city', 'country_code', 'first_name', 'last_name']),
  attribute: new Set(['attribute_id', 'attribute_value']),
};

interface Frame {
  open: number;
  isObject: boolean;
  kind: CustomerSymbolKind | undefined;
  /** The range of the key this container is the value of (a list's symbol reveals it). */
  keyStart: number;
  keyEnd: number;
  /** The naming fields' values, and where the email is. */
  values: Record<string, string> | undefined;
  emailStart: number;
  emailEnd: number;
  children: CustomerSymbol[];
}

/** What a new container holds, from its parents and the key it is the value of. */
function kindOf(
  parent: Frame | undefined,
  grandparent: Frame | undefined,
  depth: number,
  key: string | undefined,
  isObject: boolean,
): CustomerSymbolKind | undefined {
  if (!parent) return undefined;
  if (depth === 1) return isObject && !parent.isObject ? 'customer' : undefined;
  if (parent.kind === 'customer') return !isObject && (key === 'addresses' || key === 'attributes') ? key : undefined;
  if (isObject && grandparent?.kind === 'customer' && (parent.kind === 'addresses' || parent.kind === 'attributes'))
    return parent.kind === 'addresses' ? 'address' : 'attribute';
  return undefined;
}

/**
 * Each customer by email and name, with its addresses and attributes under it, from one pass
 * of the scanner (no tree is built, so a large file stays quick). Text that is not an array of
 * customers has none; text being typed gets what can be read of it.
 */
export function customerSymbols(text: string): CustomerSymbol[] {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  const top: CustomerSymbol[] = [];
  let expectingKey = false;
  let key: string | undefined;
  let keyStart = -1;
  let keyEnd = -1;

  const close = (end: number) => {
    const frame = stack.pop()!;
    if (frame.kind) {
      const parent = stack.at(-1);
      const siblings = frame.kind === 'customer' || !parent ? top : parent.children;
      const symbol = toSymbol(frame, end, siblings.length);
      if (symbol) siblings.push(symbol);
    }
    // The container was a value: a comma or the end of its parent comes next.
    expectingKey = false;
    key = undefined;
  };

  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        const isObject = token === SyntaxKind.OpenBraceToken;
        const parent = stack[stack.length - 1];
        const ownKey = parent?.isObject ? key : undefined;
        const kind = kindOf(parent, stack[stack.length - 2], stack.length, ownKey, isObject);
        stack.push({
          open: scanner.getTokenOffset(),
          isObject,
          kind,
          keyStart: ownKey === undefined ? -1 : keyStart,
          keyEnd,
          values: kind && namingFields[kind] ? {} : undefined,
          emailStart: -1,
          emailEnd: -1,
          children: [],
        });
        expectingKey = isObject;
        key = undefined;
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (stack.length) close(scanner.getTokenOffset() + 1);
        break;
      case SyntaxKind.CommaToken:
        expectingKey = stack.at(-1)?.isObject ?? false;
        key = undefined;
        break;
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword: {
        const frame = stack[stack.length - 1];
        if (!frame?.isObject) break;
        if (expectingKey) {
          if (token !== SyntaxKind.StringLiteral) break;
          key = scanner.getTokenValue();
          keyStart = scanner.getTokenOffset();
          keyEnd = keyStart + scanner.getTokenLength();
          expectingKey = false;
        } else if (key !== undefined && frame.values && namingFields[frame.kind!]!.has(key)) {
          const start = scanner.getTokenOffset();
          const end = start + scanner.getTokenLength();
          frame.values[key] = token === SyntaxKind.StringLiteral ? scanner.getTokenValue().trim() : text.slice(start, end);
          if (key === 'email') {
            frame.emailStart = start;
            frame.emailEnd = end;
          }
        }
        break;
      }
    }
  }
  while (stack.length) close(text.length);
  return top;
}

function joined(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

function toSymbol(frame: Frame, end: number, index: number): CustomerSymbol | undefined {
  const kind = frame.kind!;
  const values = frame.values ?? {};
  const range = { start: frame.open, end };
  const opening = { start: frame.open, end: frame.open + 1 };
  const children = frame.children;
  switch (kind) {
    case 'customer':
      return {
        kind,
        name: values.email || `customer ${index + 1} (no email)`,
        detail: joined(values.first_name, values.last_name),
        range,
        selectionRange: frame.emailStart >= 0 ? { start: frame.emailStart, end: frame.emailEnd } : opening,
        children,
      };
    case 'addresses':
    case 'attributes':
      // An empty list adds nothing to the outline.
      if (!children.length) return undefined;
      // From its key: the range must hold the key it reveals.
      return {
        kind,
        name: kind,
        detail: String(children.length),
        range: { start: frame.keyStart, end },
        selectionRange: { start: frame.keyStart, end: frame.keyEnd },
        children,
      };
    case 'address': {
      const place = [values.address1, values.city, values.country_code].filter(Boolean).join(', ');
      return { kind, name: place || `address ${index + 1}`, detail: joined(values.first_name, values.last_name), range, selectionRange: opening, children };
    }
    case 'attribute':
      return { kind, name: `attribute ${values.attribute_id ?? '?'}`, detail: values.attribute_value ?? '', range, selectionRange: opening, children };
  }
}
