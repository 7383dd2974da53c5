import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Publication, Publications } from '../../../src/core/diagnostics/publications';

const uri = 'file:///a.bccustomers.json';
const resolvedYet = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('Publications', () => {
  it('tells every listener of every source, in order', () => {
    const publications = new Publications();
    const seen: Publication[] = [];
    const listening = publications.onDidPublish((p) => seen.push(p));
    publications.record({ uri, version: 1, source: 'file' });
    publications.record({ uri, version: 1, source: 'store' });
    listening.dispose();
    publications.record({ uri, version: 1, source: 'send' });
    assert.deepEqual(
      seen.map((p) => p.source),
      ['file', 'store'],
    );
  });

  it('resolves a wait for a version at once when it is published, otherwise when its source publishes it', async () => {
    const publications = new Publications();
    publications.record({ uri, version: 2, source: 'file' });
    assert.equal(await resolvedYet(publications.when(uri, 'file', 2)), true);
    const storeWait = publications.when(uri, 'store', 2);
    publications.record({ uri, version: 2, source: 'send' });
    publications.record({ uri, version: 1, source: 'store' });
    publications.record({ uri: 'file:///b.bccustomers.json', version: 2, source: 'store' });
    assert.equal(await resolvedYet(storeWait), false, 'another source, an older version or another file does not count');
    publications.record({ uri, version: 2, source: 'store' });
    assert.equal(await resolvedYet(storeWait), true);
  });

  it('waits for the next publication of a source, and forgets a closed file', async () => {
    const publications = new Publications();
    publications.record({ uri, version: 3, source: 'store' });
    const next = publications.next(uri, 'store');
    assert.equal(await resolvedYet(next), false);
    publications.record({ uri, version: 3, source: 'store' });
    assert.equal(await resolvedYet(next), true);
    publications.forget(uri);
    assert.equal(publications.latestVersion(uri, 'store'), undefined);
    assert.equal(await resolvedYet(publications.when(uri, 'store', 3)), false);
  });
});
