import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendSummaryMarkdown, type ResultRow } from '../../../src/core/journal';

const rows: ResultRow[] = [
  { index: 0, email: 'ada@example.com', status: 'created', customerId: 101 },
  { index: 1, email: 'taken@example.com', status: 'exists', customerId: 7, message: 'Error creating customers: email taken@example.com already in use' },
  { index: 2, email: 'grace@example.com', status: 'refused', message: 'The customer group does not exist.' },
  {
    index: 3,
    email: 'Jane.Doe@example.com',
    status: 'exists',
    customerId: 8,
    message: 'A customer with this email already exists in the store (id 8), so it was not sent.',
  },
  { index: 6, email: 'kim@example.com', status: 'refused', message: 'Error creating customers: email kim@example.com is not valid' },
  { index: 7, email: 'Lou@example.com', status: 'refused', message: 'Error creating customers: email lou@example.com is not valid' },
  { index: 4, email: 'lin@example.com', status: 'not created' },
  { index: 5, email: 'mo@example.com', status: 'not created' },
].sort((a, b) => a.index - b.index) as ResultRow[];
const summary = sendSummaryMarkdown({
  file: 'import.bccustomers.json',
  storeHash: 'abc123',
  rows,
  unclear: new Set([4]),
  linkTo: (index) => `file:///w/import.bccustomers.json#L${index * 3 + 2}`,
});

describe('the send summary', () => {
  it('totals created, refused and unclear', () => {
    assert.ok(summary.startsWith('# Send summary: import.bccustomers.json → store abc123\n'));
    assert.match(summary, /\*\*1 created · 5 refused · 1 unclear\*\* · 1 not sent, of 8 customers/);
  });

  it('groups refusals by the store’s words, the customer’s own email left out so they group; customers already in the store in one group', () => {
    const headings = summary.split('\n').filter((line) => line.startsWith('### '));
    assert.deepEqual(headings, [
      '### A customer with this email already exists in the store. (2)',
      '### Error creating customers: email ‹email› is not valid (2)',
      '### The customer group does not exist. (1)',
    ]);
  });

  it('links each customer to its line in the file', () => {
    const group = summary.slice(summary.indexOf('### A customer'), summary.indexOf('### Error creating'));
    assert.deepEqual(
      group.split('\n').filter((l) => l.startsWith('- ')),
      [
        '- [customer 2 · taken@example.com](file:///w/import.bccustomers.json#L5) — customer #7 in the store',
        '- [customer 4 · Jane.Doe@example.com](file:///w/import.bccustomers.json#L11) — customer #8 in the store',
      ],
    );
    assert.match(summary, /## Unclear \(1\)[\s\S]*- \[customer 5 · lin@example\.com\]\(file:\/\/\/w\/import\.bccustomers\.json#L14\)/);
    assert.match(summary, /## Not sent \(1\)[\s\S]*- \[customer 6 · mo@example\.com\]/);
  });

  it('keeps the store’s words from being read as Markdown', () => {
    const text = sendSummaryMarkdown({
      file: 'f',
      storeHash: 's',
      rows: [{ index: 0, email: 'a_b@example.com', status: 'refused', message: 'Field [phone] is <b>bad</b> #1' }],
      unclear: new Set(),
      linkTo: () => 'file:///f#L1',
    });
    assert.match(text, /### Field \\\[phone\\\] is \\<b\\>bad\\<\/b\\> \\#1 \(1\)/);
    assert.match(text, /customer 1 · a\\_b@example\.com/);
  });

  it('has no sections for what did not happen', () => {
    const text = sendSummaryMarkdown({ file: 'f', storeHash: 's', rows: rows.slice(0, 1), unclear: new Set(), linkTo: () => '' });
    assert.doesNotMatch(text, /^## /m);
  });
});
