import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../../src/core/check/check';
import { checkText } from '../../../src/core/check/check';
import type { TextEdit } from '../../../src/core/check/checkEdit';
import { CHECKED_IN_SLICES_ABOVE, type CheckedDocument, debounceFor, DocumentChecker } from '../../../src/core/check/documentChecker';
import { FakeHost } from './fakeHost';

/** An open file: its text, version and edits as an editor reports them. */
class FakeDocument implements CheckedDocument {
  version = 1;
  isClosed = false;
  constructor(
    readonly uri: string,
    private text: string,
  ) {}

  getText(): string {
    return this.text;
  }

  size(): number {
    return this.text.length;
  }

  /** Replaces `length` characters at `offset`, as one edit of a new version. */
  edit(offset: number, length: number, newText: string): TextEdit[] {
    this.text = this.text.slice(0, offset) + newText + this.text.slice(offset + length);
    this.version++;
    return [{ offset, length, newLength: newText.length }];
  }
}

const customer = (i: number, country = 'US') =>
  `{"email": "c${i}@example.com", "first_name": "First${i}", "last_name": "Last${i}", "addresses": [{"first_name": "F", "last_name": "L", "address1": "1 Main St", "city": "Austin", "country_code": "${country}", "postal_code": "78701", "state_or_province": "Texas"}]}`;
const fileOf = (count: number, country = 'US') => `[\n${Array.from({ length: count }, (_, i) => customer(i, country)).join(',\n')}\n]`;
const codes = (analysis: Analysis) => analysis.diagnostics.map((d) => `${d.code}@${d.range.start}`);

function setup(maxFileSize = Infinity) {
  const host = new FakeHost();
  const published: { uri: string; version: number; analysis: Analysis }[] = [];
  const checker = new DocumentChecker<FakeDocument>({
    clock: host.clock,
    nextTurn: () => host.nextTurn(),
    log: host.log,
    maxFileSize: () => maxFileSize,
    publish: (document, analysis) => published.push({ uri: document.uri, version: document.version, analysis }),
  });
  return { host, checker, published };
}

describe('DocumentChecker', () => {
  it('checks a file as soon as it opens, and tells who waits', async () => {
    const { host, checker, published } = setup();
    const document = new FakeDocument('file:///a.bccustomers.json', fileOf(2, 'USA'));
    checker.opened(document);
    await checker.whenChecked(document);
    assert.deepEqual(host.clock.sleeps, [0]);
    assert.equal(published.length, 1);
    assert.deepEqual(codes(published[0]!.analysis), codes(checkText(document.getText())));
    assert.ok(published[0]!.analysis.diagnostics.length > 0, 'the three-letter country codes are found');
  });

  it('waits for typing to pause, longer for larger files, and checks only the last version', async () => {
    assert.deepEqual([debounceFor(10), debounceFor(150_000), debounceFor(2_000_000)], [60, 250, 600]);
    const { host, checker, published } = setup();
    const document = new FakeDocument('file:///a.bccustomers.json', fileOf(3));
    checker.opened(document);
    await checker.whenChecked(document);
    for (let i = 0; i < 5; i++) checker.changed(document, document.edit(document.getText().indexOf('First0') + 5, 0, 'x'));
    await checker.whenChecked(document);
    assert.deepEqual(host.clock.sleeps, [0, 60, 60, 60, 60, 60]);
    assert.deepEqual(
      published.map((p) => p.version),
      [1, 6],
      'one check after the burst of edits',
    );
    assert.deepEqual(codes(published[1]!.analysis), codes(checkText(document.getText())));
  });

  it('keeps up with edits inside one customer: what it publishes is what a full check finds', async () => {
    const { checker, published } = setup();
    const document = new FakeDocument('file:///a.bccustomers.json', fileOf(20));
    checker.opened(document);
    await checker.whenChecked(document);
    for (const i of [3, 7, 3, 15]) {
      const at = document.getText().indexOf(`"c${i}@example.com"`) + 1;
      checker.changed(document, document.edit(at, `c${i}@example.com`.length, `not an email ${i}`));
      await checker.whenChecked(document);
      assert.deepEqual(codes(published.at(-1)!.analysis), codes(checkText(document.getText())), `after the edit of customer ${i}`);
    }
  });

  it('checks a large file a slice at a time, giving the host its turns', async () => {
    const { host, checker, published } = setup();
    const document = new FakeDocument('file:///large.bccustomers.json', fileOf(1000).replace('"US"', '"USA"'));
    assert.ok(document.size() > CHECKED_IN_SLICES_ABOVE);
    checker.opened(document);
    await checker.whenChecked(document);
    assert.ok(host.turns > 0, 'the check paused for the host');
    assert.equal(published.length, 1);
    assert.deepEqual(codes(published[0]!.analysis), codes(checkText(document.getText())));
    assert.ok(host.log.lines.some((line) => line.startsWith('debug Checked file:///large.bccustomers.json')));
  });

  it('drops a slow check overtaken by an edit, and publishes the newest version only', async () => {
    const { checker, published } = setup();
    const document = new FakeDocument('file:///large.bccustomers.json', fileOf(1000));
    checker.opened(document);
    await new Promise((resolve) => setImmediate(resolve)); // the check has started
    // An edit between two customers: the quick path cannot take it, so a full check follows.
    checker.changed(document, document.edit(document.getText().indexOf(',\n') + 1, 0, ' '));
    await checker.whenChecked(document);
    assert.deepEqual(
      published.map((p) => p.version),
      [2],
    );
  });

  it('gives a file larger than the setting one "file-too-large" problem instead of checking it', async () => {
    const { checker, published } = setup(100);
    const document = new FakeDocument('file:///a.bccustomers.json', fileOf(5, 'USA'));
    checker.opened(document);
    await checker.whenChecked(document);
    assert.deepEqual(
      published[0]!.analysis.diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
    assert.match(published[0]!.analysis.diagnostics[0]!.message, /larger than bigcommerceCustomers\.validation\.maxFileSizeMB/);
  });

  it('checks a pending version on the spot when asked, and not again when the pause ends', async () => {
    const { checker, published } = setup();
    const document = new FakeDocument('file:///a.bccustomers.json', fileOf(3));
    checker.opened(document);
    await checker.whenChecked(document);
    checker.changed(document, document.edit(1, 0, ' '));
    const analysis = checker.analysisOf(document);
    assert.deepEqual(
      published.map((p) => p.version),
      [1, 2],
    );
    await checker.whenChecked(document);
    assert.equal(published.length, 2);
    assert.equal(checker.analysisIfReady(document), analysis);
  });

  it('does not hold the host for a large file whose check is pending, unless the edit stays inside one customer', async () => {
    const { checker } = setup();
    const document = new FakeDocument('file:///large.bccustomers.json', fileOf(1000));
    checker.opened(document);
    await checker.whenChecked(document);
    checker.changed(document, document.edit(document.getText().indexOf('First10') + 5, 0, 'x'));
    assert.ok(checker.analysisIfReady(document), 'an edit inside one customer is quick to check');
    checker.changed(document, document.edit(document.getText().indexOf(',\n') + 1, 0, ' '));
    assert.equal(checker.analysisIfReady(document), undefined);
    await checker.whenChecked(document);
    assert.ok(checker.analysisIfReady(document));
  });

  it('publishes nothing for a file closed before its check', async () => {
    const { host, checker, published } = setup();
    const document = new FakeDocument('file:///a.bccustomers.json', fileOf(1));
    checker.opened(document);
    checker.closed(document.uri);
    document.isClosed = true;
    await host.clock.sleep(0);
    await host.nextTurn();
    assert.deepEqual(published, []);
  });
});
