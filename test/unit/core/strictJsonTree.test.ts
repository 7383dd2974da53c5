import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { parseStrictJsonTree } from '../../../src/core/document/strictJsonTree';
import { plain } from './helpers';

function checkParents(node: Node): void {
  for (const child of node.children ?? []) {
    assert.equal(child.parent, node);
    checkParents(child);
  }
}

/** What jsonc-parser makes of `text` when it is strict JSON, else undefined. */
function jsoncTreeOfStrict(text: string): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.length === 0 ? root : undefined;
}

function checkSameAsJsonc(text: string): void {
  const ours = parseStrictJsonTree(text);
  const theirs = jsoncTreeOfStrict(text);
  assert.deepEqual(plain(ours), plain(theirs), `different trees for ${JSON.stringify(text).slice(0, 300)}`);
  if (ours) checkParents(ours);
}

const whitespace = fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  \n    ');
const mutation = fc.tuple(fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', '/', '//x\n', '/* */', '0', '-', 'e', 'tru', 'x', '\u0001', ' '));

describe('parseStrictJsonTree', () => {
  it('builds exactly the tree jsonc-parser builds, for any JSON value however it is laid out', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 1, 2, 4, '\t'), whitespace, whitespace, (value, indent, before, after) => {
        checkSameAsJsonc(`${before}${JSON.stringify(value, null, indent)}${after}`);
      }),
      { numRuns: 500 },
    );
  });

  it('gives up exactly where strict JSON ends, for texts with a character changed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), mutation, (value, [at, inserted]) => {
        const text = JSON.stringify(value, null, 1);
        const position = at % (text.length + 1);
        checkSameAsJsonc(text.slice(0, position) + inserted + text.slice(position + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps escapes, unicode and numbers as JSON means them', () => {
    for (const text of ['"a\\"b\\\\c\\u00e9\\n"', '"😀 é"', '-0', '1e-7', '12.50E+3', '[1,2.5,-3e2]', '{"__proto__":1}', '{"a":1,"a":2}'])
      checkSameAsJsonc(text);
  });

  it('refuses what strict JSON does not allow', () => {
    for (const text of [
      '',
      ' ',
      '[1,]',
      '{"a":1,}',
      '// c\n[]',
      '[/* c */]',
      '01',
      '1.',
      '.5',
      '+1',
      "'a'",
      '{a:1}',
      '"a\tb"',
      '[1] 2',
      'NaN',
      '"\\x"',
      '\uFEFF[]',
    ]) {
      assert.equal(parseStrictJsonTree(text), undefined, `accepted ${JSON.stringify(text)}`);
    }
  });

  it('does not overflow the stack on deeply nested input', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assert.doesNotThrow(() => parseStrictJsonTree(deep));
  });
});
