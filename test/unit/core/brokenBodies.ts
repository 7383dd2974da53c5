/** Bodies of customers broken on purpose, each kind of mistake at a chosen customer: what the checks must read exactly as the whole text. */
import fc from 'fast-check';
import { address, customer } from './helpers';

/** Customers to build bodies from: some valid, some with problems, some sharing an email. */
const someCustomers = fc.constantFrom(
  customer(),
  customer({ email: 'b@example.com', id: 7 }),
  customer({ email: 'B@example.com', channel_ids: [2] }),
  customer({ email: 'b@example.com', channel_ids: [1] }),
  customer({ addresses: [address({ country_code: 'USA', state_or_province: 'TX' })] }),
  customer({ email: 'c@example.com', last_name: undefined, phone: 12, attributes: [{ attribute_id: 1, attribute_value: 2 }] }),
  customer({ email: 'd@example.com', authentication: { new_password: 'abc' } }),
);

interface Layout {
  text: string;
  /** [start, end) of each customer */
  spans: { start: number; end: number }[];
}

function layout(customers: unknown[]): Layout {
  const spans: Layout['spans'] = [];
  let text = '[\n';
  customers.forEach((c, i) => {
    const item = JSON.stringify(c, null, 2).replace(/\n/g, '\n  ');
    text += `${i ? ',\n' : ''}  `;
    spans.push({ start: text.length, end: text.length + item.length });
    text += item;
  });
  return { text: `${text}\n]\n`, spans };
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** The ways a body is broken: each makes one edit to customer `k` (or after it), `pick` choosing among variants. */
export const breakages: Record<string, (body: Layout, k: number, pick: number) => Edit> = {
  'comment between customers': ({ spans }, k, pick) => ({ at: spans[k]!.end, remove: 0, insert: pick % 2 ? ' // note\n' : '/* note */' }),
  'comment inside a customer': ({ spans }, k, pick) => ({ at: spans[k]!.start + 1, remove: 0, insert: pick % 2 ? '\n    // note' : ' /* note */' }),
  'trailing comma inside a customer': ({ text, spans }, k) => {
    let at = spans[k]!.end - 1;
    while (/\s/.test(text[at - 1]!)) at--;
    return { at, remove: 0, insert: ',' };
  },
  'trailing comma at the end of the array': ({ spans }) => ({ at: spans.at(-1)!.end, remove: 0, insert: ',' }),
  'missing comma between customers': ({ text, spans }, k) =>
    k < spans.length - 1 ? { at: text.indexOf(',', spans[k]!.end), remove: 1, insert: '' } : { at: spans[k]!.end, remove: 0, insert: '{}' },
  'missing colon': ({ text, spans }, k, pick) => {
    const colons = [...text.slice(spans[k]!.start, spans[k]!.end).matchAll(/:/g)].map((m) => spans[k]!.start + m.index);
    return { at: colons[pick % colons.length]!, remove: 1, insert: '' };
  },
  'unclosed string': ({ text, spans }, k, pick) => {
    const quotes = [...text.slice(spans[k]!.start, spans[k]!.end).matchAll(/"/g)].map((m) => spans[k]!.start + m.index);
    return { at: quotes[pick % quotes.length]!, remove: 1, insert: '' };
  },
  'unclosed object': ({ spans }, k) => ({ at: spans[k]!.end - 1, remove: 1, insert: '' }),
  'unclosed object and array at the end': ({ text, spans }) => ({ at: spans.at(-1)!.end - 1, remove: text.length, insert: '' }),
  'stray ]': ({ spans }, k, pick) => (pick % 2 ? { at: spans[k]!.end, remove: 0, insert: ']' } : { at: spans[k]!.start + 1, remove: 0, insert: ']' }),
  'text after the closing ]': ({ text }, _k, pick) => ({
    at: text.length,
    remove: 0,
    insert: ['x', ', {}', ' ]', '{"email": "a@example.com"}', '// end'][pick % 5]!,
  }),
};

/** Breakages that leave nothing strict after them: their stretch runs to the end of the text. */
export const endOnly = new Set(['trailing comma at the end of the array', 'unclosed object and array at the end', 'text after the closing ]']);

/** Several edits at once, made from the end of the text back so that each one's offsets hold. */
function broken(body: Layout, edits: { kind: string; customer: number; pick: number }[]): string {
  const count = body.spans.length;
  const made = edits.map(({ kind, customer: c, pick }) => breakages[kind]!(body, c < 0 ? count - 1 : c % count, pick));
  let text = body.text;
  for (const { at, remove, insert } of made.sort((a, b) => b.at - a.at)) text = text.slice(0, at) + insert + text.slice(at + remove);
  return text;
}

const breakage = (kinds: string[]) =>
  fc.record({ kind: fc.constantFrom(...kinds), customer: fc.oneof(fc.constant(0), fc.constant(-1), fc.nat(20)), pick: fc.nat(9) });

export const brokenBody = (kinds: string[], maxEdits: number) =>
  fc
    .tuple(fc.array(someCustomers, { minLength: 1, maxLength: 8 }), fc.array(breakage(kinds), { minLength: 1, maxLength: maxEdits }))
    .map(([customers, edits]) => broken(layout(customers), edits));
