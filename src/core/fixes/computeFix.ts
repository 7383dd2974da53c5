import { type FormattingOptions, modify } from 'jsonc-parser';
import { type JsonDocument, keyNodeOf, nodeAt } from '../document/jsonDocument';
import { fromPointer } from '../document/jsonPointer';
import { schemaAt, type SchemaNode, typesOf } from '../schema/customerSchema';
import type { Fix, FixSpec, TextEdit } from './fixSpec';

/** Turns a fix description into minimal text edits on the current text. */
export function computeFix(doc: JsonDocument, spec: FixSpec): Fix | undefined {
  const base = { title: spec.title, preferred: spec.preferred };
  switch (spec.kind) {
    case 'delete-range':
      return { ...base, edits: [{ offset: spec.range.start, length: spec.range.end - spec.range.start, newText: '' }] };
    case 'set-value':
    case 'remove': {
      const edits = modifyEdits(doc, spec.pointer, spec.kind === 'set-value' ? spec.value : undefined);
      return edits && { ...base, edits };
    }
    case 'rename-property': {
      const key = keyOf(doc, spec.pointer);
      return key && { ...base, edits: [{ offset: key.offset, length: key.length, newText: JSON.stringify(spec.to) }] };
    }
    case 'add-properties':
      return addProperties(doc, spec.pointer, spec.names, base);
    case 'split-file':
      return { ...base, edits: [], split: { size: spec.size } };
    case 'reopen-with-encoding':
      return { ...base, edits: [], reopenWithEncoding: true };
  }
}

function keyOf(doc: JsonDocument, pointer: string) {
  const value = nodeAt(doc, pointer);
  return value && keyNodeOf(value);
}

/** Formatting that matches the file: its indentation and line endings. */
export function formattingOf(text: string): Required<Pick<FormattingOptions, 'insertSpaces' | 'tabSize' | 'eol'>> {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 4 : Math.min(indent.length, 8) || 2,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

// No re-formatting: the edit touches only the value (or the property) itself.
function modifyEdits(doc: JsonDocument, pointer: string, value: unknown): TextEdit[] | undefined {
  const path = fromPointer(pointer);
  try {
    const customers = doc.customers;
    const [index] = path;
    const start = customers && path.length >= 2 && typeof index === 'number' ? customers.starts[index] : undefined;
    const end = customers && typeof index === 'number' ? customers.ends[index] : undefined;
    if (start !== undefined && end !== undefined) {
      // Inside one customer: only its text is parsed again, however large the file.
      const text = doc.text.slice(start, end);
      return modify(text, path.slice(1), value, {}).map((e) => ({ offset: start + e.offset, length: e.length, newText: e.content }));
    }
    return modify(doc.text, path, value, {}).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
  } catch {
    return undefined; // text too broken for jsonc-parser to place the edit: no fix rather than a wrong one
  }
}

/** Inserts the missing fields after the last one, in the object's own layout, with tab stops for their values. */
function addProperties(doc: JsonDocument, pointer: string, names: string[], base: { title: string; preferred: boolean }): Fix | undefined {
  const object = nodeAt(doc, pointer);
  if (object?.type !== 'object') return undefined;
  const path = fromPointer(pointer);
  const properties = names.map((name, i) => `${JSON.stringify(name)}: ${tabStop(i + 1, schemaAt([...path, name]))}`);
  const last = object.children?.[object.children.length - 1];
  const objectText = doc.text.slice(object.offset, object.offset + object.length);
  let edit: TextEdit;
  if (!last) {
    edit = { offset: object.offset + 1, length: object.length - 2, newText: ' ' + properties.join(', ') + ' ' };
  } else if (!objectText.includes('\n')) {
    edit = { offset: last.offset + last.length, length: 0, newText: ', ' + properties.join(', ') };
  } else {
    const { eol } = formattingOf(doc.text);
    const lineStart = doc.lines.lineStart(doc.lines.positionAt(last.offset).line);
    const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, last.offset))![0];
    edit = { offset: last.offset + last.length, length: 0, newText: ',' + eol + indent + properties.join(',' + eol + indent) };
  }
  return { ...base, snippet: true, edits: [edit] };
}

/** A tab stop whose default keeps the JSON valid for the field's type. */
function tabStop(n: number, schema: SchemaNode | undefined): string {
  const types = schema ? typesOf(schema) : ['string'];
  if (types.includes('string')) return `"\${${n}}"`;
  if (types.includes('integer') || types.includes('number')) return `\${${n}:0}`;
  if (types.includes('boolean')) return `\${${n}:false}`;
  if (types.includes('array')) return `[\${${n}}]`;
  return `{\${${n}}}`;
}
