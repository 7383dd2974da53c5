import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { format } from 'jsonc-parser';
import { foldingRanges } from '../../../src/core/language/folding';
import { type FormatOptions, formatEdits } from '../../../src/core/language/format';
import type { TextEdit } from '../../../src/core/fixes/fixSpec';
import { selectionRangesAt } from '../../../src/core/language/selectionRanges';
import { strictJsonFormatEdits } from '../../../src/core/language/strictFormat';
import { type CustomerSymbol, customerSymbols } from '../../../src/core/language/symbols';
import { address, body, customer } from './helpers';

const spaces2: FormatOptions = { tabSize: 2, insertSpaces: true, eol: '\n' };
/** Edits in document order, apart from one another, as the formatter gives them. */
function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].reverse().reduce((result, e) => result.slice(0, e.offset) + e.newText + result.slice(e.offset + e.length), text);
}
const formatted = (text: string, options = spaces2, range?: { start: number; end: number }) => applyEdits(text, formatEdits(text, range, options));

describe('format', () => {
  it('lays out a one-line file as strict JSON with the editor indentation', () => {
    const text = '[{"email":"a@b.co","first_name":"A","addresses":[{"city":"X"}],"channel_ids":[1,2]}]';
    assert.equal(formatted(text), body(JSON.parse(text)[0]));
    assert.equal(formatted(text, { tabSize: 4, insertSpaces: false, eol: '\n' }), JSON.stringify(JSON.parse(text), null, '\t'));
  });

  it('keeps the line ending of the document, and adds a final newline when asked', () => {
    assert.equal(formatted('[{"a":1}]', { ...spaces2, eol: '\r\n', insertFinalNewline: true }), '[\r\n  {\r\n    "a": 1\r\n  }\r\n]\r\n');
  });

  it('gives no edits for a file already formatted, and keeps number spellings', () => {
    const text = body(customer({ store_credit_amounts: [{ amount: 1.5 }] }));
    assert.deepEqual(formatEdits(text, undefined, spaces2), []);
    assert.match(formatted('[{"amount":1.50,"id":12345678901234567890}]'), /"amount": 1\.50,\n {4}"id": 12345678901234567890/);
  });

  it('formats only the selected customer', () => {
    const text = '[\n  {"email":"a@b.co"},\n  {"email":"c@d.co"}\n]';
    const second = text.indexOf('{"email":"c');
    const result = formatted(text, spaces2, { start: second, end: text.indexOf('}', second) + 1 });
    assert.equal(result, '[\n  {"email":"a@b.co"},\n  {\n    "email": "c@d.co"\n  }\n]');
  });

  it('gives one edit for a large reformat, with the same result', () => {
    const customers = Array.from({ length: 600 }, (_, i) => customer({ email: `c${i}@example.com`, addresses: [address()] }));
    const text = JSON.stringify(customers);
    const edits = formatEdits(text, undefined, spaces2);
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(text, edits), JSON.stringify(customers, null, 2));
  });
});

describe('formatting strict JSON in one pass, as Format Document does', () => {
  const byJsonc = (text: string, options: FormatOptions) =>
    applyEdits(
      text,
      format(text, undefined, options).map((e) => ({ offset: e.offset, length: e.length, newText: e.content })),
    );
  const options = fc.record({
    tabSize: fc.integer({ min: 1, max: 8 }),
    insertSpaces: fc.boolean(),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    insertFinalNewline: fc.boolean(),
  });
  const layouts = (value: unknown) => [JSON.stringify(value), JSON.stringify(value, null, 3), ` \r\n${JSON.stringify(value, null, '\t')}\n\n`];

  /** Both ways the edits come back: apart, and as one once they are more than the most kept apart. */
  const sameAsJsonc = (text: string, opts: FormatOptions) => {
    const expected = byJsonc(text, opts);
    for (const maxSeparateEdits of [undefined, 2]) {
      const edits = strictJsonFormatEdits(text, opts, maxSeparateEdits);
      assert.ok(edits && (maxSeparateEdits === undefined || edits.length <= maxSeparateEdits), text);
      assert.equal(applyEdits(text, edits), expected);
    }
  };

  it('gives exactly what jsonc-parser gives, whatever the layout and the characters in strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), options, (value, opts) => {
        for (const text of layouts(value)) sameAsJsonc(text, opts);
      }),
      { numRuns: 300 },
    );
  });

  it('gives exactly what jsonc-parser gives for numbers spelt as JSON allows but JSON.stringify never writes', () => {
    const number = fc
      .tuple(fc.integer(), fc.constantFrom('', '.50', '.0'), fc.constantFrom('', 'e+2', 'E-07', 'e0'))
      .map(([n, fraction, exponent]) => `${n}${fraction}${exponent}`);
    fc.assert(
      fc.property(fc.array(number, { maxLength: 5 }), options, (numbers, opts) => {
        for (const text of [`[${numbers.join(',')}]`, `{"n" : [ ${numbers.join(' ,\n')} ] }`]) sameAsJsonc(text, opts);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves what is not strict JSON to jsonc-parser', () => {
    for (const text of [
      '[1,]',
      '{"a":1,}',
      '[1 2]',
      '{"a" 1}',
      '{a: 1}',
      '// c\n[]',
      '[/* c */]',
      '[1]]',
      '[1] 2',
      '[',
      '"a\nb"',
      '"a\tb"',
      '"a\\x"',
      '"\\u12"',
      '["a\u0001"]',
      '',
      '{"a":tru}',
      '[01]',
      '[1.]',
      '[-]',
      '[1e]',
    ])
      assert.equal(strictJsonFormatEdits(text, spaces2), undefined, text);
  });

  it('changes only the white space that differs', () => {
    assert.deepEqual(strictJsonFormatEdits('[\n  1,\n 2\n]', spaces2), [{ offset: 6, length: 2, newText: '\n  ' }]);
  });

  it('keeps strings, escapes and numbers byte for byte', () => {
    const text = '{"a\\"b":"\\u00e9\\\\","n":[1.50,-0e+1,12345678901234567890],"é":"\\/"}';
    assert.equal(
      applyEdits(text, strictJsonFormatEdits(text, spaces2) ?? []),
      '{\n  "a\\"b": "\\u00e9\\\\",\n  "n": [\n    1.50,\n    -0e+1,\n    12345678901234567890\n  ],\n  "é": "\\/"\n}',
    );
  });

  it('keeps a character outside the BMP whole wherever the new text is cut into pieces', () => {
    for (let shift = -3; shift <= 3; shift++) {
      const filler = 'a'.repeat(2 ** 20 - 5 + shift);
      const edits = strictJsonFormatEdits(`["${filler}😀"]`, spaces2, 0);
      assert.equal(edits && applyEdits(`["${filler}😀"]`, edits), `[\n  "${filler}😀"\n]`);
    }
  });

  it('beyond the most edits kept apart, gives one edit from the first change to the last', () => {
    const text = '[1,2,3]';
    assert.deepEqual(strictJsonFormatEdits(text, spaces2, 1), [{ offset: 1, length: 5, newText: '\n  1,\n  2,\n  3\n' }]);
  });
});

const names = (symbols: CustomerSymbol[]): unknown[] => symbols.map((s) => (s.children.length ? [s.name, names(s.children)] : s.name));

describe('document symbols', () => {
  const text = body(
    customer({
      email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      addresses: [address({ address1: '1 Main St', city: 'Austin', country_code: 'US' })],
      attributes: [{ attribute_id: 3, attribute_value: 'Gold' }],
    }),
    customer({ email: undefined, first_name: 'No', last_name: 'Email', addresses: [] }),
  );

  it('names each customer by email and name, with its addresses and attributes under it', () => {
    const symbols = customerSymbols(text);
    assert.deepEqual(names(symbols), [
      [
        'ada@example.com',
        [
          ['addresses', ['1 Main St, Austin, US']],
          ['attributes', ['attribute 3']],
        ],
      ],
      'customer 2 (no email)',
    ]);
    const [ada, noEmail] = symbols;
    assert.ok(ada && noEmail);
    assert.equal(ada.detail, 'Ada Lovelace');
    assert.equal(noEmail.detail, 'No Email');
    assert.equal(ada.children[1]?.children[0]?.detail, 'Gold');
    assert.equal(ada.kind, 'customer');
    assert.deepEqual([ada.children[0]?.kind, ada.children[0]?.children[0]?.kind], ['addresses', 'address']);
  });

  it('selects the email of a customer and spans the whole customer', () => {
    const [ada, noEmail] = customerSymbols(text);
    const addresses = ada?.children[0];
    assert.ok(ada && noEmail && addresses);
    assert.equal(text.slice(ada.selectionRange.start, ada.selectionRange.end), '"ada@example.com"');
    assert.deepEqual(JSON.parse(text.slice(ada.range.start, ada.range.end)).email, 'ada@example.com');
    assert.equal(text.slice(noEmail.selectionRange.start, noEmail.selectionRange.end), '{');
    assert.equal(text.slice(addresses.selectionRange.start, addresses.selectionRange.end), '"addresses"');
  });

  it("keeps each selection range in its range, and each range in its parent's, as VS Code requires", () => {
    const check = (symbols: CustomerSymbol[], parent?: CustomerSymbol) => {
      for (const s of symbols) {
        assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end, `${s.name}: selection range outside its range`);
        if (parent) assert.ok(parent.range.start <= s.range.start && s.range.end <= parent.range.end, `${s.name}: outside ${parent.name}`);
        check(s.children, s);
      }
    };
    check(customerSymbols(text));
  });

  it('ignores the same keys deeper down, and reads what it can of text being typed', () => {
    const nested = '[{"email": "a@b.co", "form_fields": [{"name": "email", "value": "x@y.z"}], "addresses": [{"city": "X"}';
    assert.deepEqual(names(customerSymbols(nested)), [['a@b.co', [['addresses', ['X']]]]]);
    assert.deepEqual(customerSymbols('{"email": "a@b.co"}'), []);
    assert.deepEqual(customerSymbols(''), []);
  });
});

describe('folding ranges', () => {
  it('folds every object and array that spans lines, keeping the closing bracket visible', () => {
    const text = body(customer({ addresses: [address()], channel_ids: [1] }));
    const lines = text.split('\n');
    const ranges = foldingRanges(text);
    const starts = ranges.map((r) => lines[r.startLine]?.trim());
    assert.deepEqual(starts.sort(), ['"addresses": [', '"channel_ids": [', '[', '{', '{'].sort());
    for (const r of ranges) assert.match(lines[r.endLine + 1]?.trim() ?? '', /^[\]}]/);
  });

  it('keeps one range per start line, and folds block comments', () => {
    const ranges = foldingRanges('[{\n  "a": [\n    1\n  ]\n}]\n/*\n note\n*/');
    assert.deepEqual(
      [...ranges].sort((a, b) => a.startLine - b.startLine),
      [
        { startLine: 0, endLine: 3 },
        { startLine: 1, endLine: 2 },
        { startLine: 5, endLine: 7, kind: 'comment' },
      ],
    );
  });
});

describe('selection ranges', () => {
  const text = '[\n  {"email": "a@b.co", "addresses": [{"city": "Austin"}]},\n  {"email": "c@d.co"}\n]';
  const slices = (offset: number) => selectionRangesAt(text, offset).map((r) => text.slice(r.start, r.end));

  it('expands from a string through its property, object and array out to the body', () => {
    assert.deepEqual(slices(text.indexOf('Austin') + 2), [
      'Austin',
      '"Austin"',
      '"city": "Austin"',
      '{"city": "Austin"}',
      '[{"city": "Austin"}]',
      '"addresses": [{"city": "Austin"}]',
      '{"email": "a@b.co", "addresses": [{"city": "Austin"}]}',
      text,
    ]);
  });

  it('has each range inside the next', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const ranges = selectionRangesAt(text, offset);
      ranges.forEach((r, i) => {
        assert.ok(r.start <= offset && offset <= r.end, `offset ${offset} outside ${JSON.stringify(r)}`);
        const inner = ranges[i - 1];
        if (inner) assert.ok(inner.start >= r.start && inner.end <= r.end && (inner.start !== r.start || inner.end !== r.end));
      });
    }
  });

  it('works on a body that is not an array, and between customers', () => {
    assert.deepEqual(
      selectionRangesAt('{"a": 1}', 6).map((r) => '{"a": 1}'.slice(r.start, r.end)),
      ['1', '"a": 1', '{"a": 1}'],
    );
    assert.deepEqual(slices(text.indexOf('},') + 2), [text]);
  });
});
