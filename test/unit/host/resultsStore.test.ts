import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomerResult } from '../../../src/core/results/sendResults';
import { ResultsStore } from '../../../src/extension/send/resultsStore';
import { MapState } from './fakeHost';

const file = 'file:///work/a.bccustomers.json';
const at = new Date(0).toISOString();
const created = (email: string, storeHash: string, id: number): CustomerResult => ({ email, storeHash, outcome: 'created', id, at });

describe('ResultsStore', () => {
  it("keeps each file's results in the workspace state, merged by email, and says which file changed", async () => {
    const state = new MapState();
    const changed: string[] = [];
    const results = new ResultsStore(state);
    results.onDidChange((uri) => changed.push(uri));
    await results.add(file, [created('a@example.com', 'one', 1)]);
    await results.add(file, [created('b@example.com', 'one', 2), created('a@example.com', 'two', 3)]);
    assert.deepEqual(
      new ResultsStore(state)
        .get(file)
        .map((r) => `${r.storeHash}:${r.email}`)
        .sort(),
      ['one:a@example.com', 'one:b@example.com', 'two:a@example.com'],
    );
    assert.deepEqual(changed, [file, file]);
  });

  it("forgets one customer's result, or every result of a store, and drops a file left without any", async () => {
    const state = new MapState();
    const results = new ResultsStore(state);
    await results.add(file, [created('a@example.com', 'one', 1), created('b@example.com', 'one', 2), created('a@example.com', 'two', 3)]);
    await results.forget(file, 'one', 'a@example.com');
    assert.deepEqual(
      results
        .get(file)
        .map((r) => `${r.storeHash}:${r.email}`)
        .sort(),
      ['one:b@example.com', 'two:a@example.com'],
    );
    await results.forget(file, 'one');
    assert.deepEqual(
      results.get(file).map((r) => r.storeHash),
      ['two'],
    );
    await results.forget(file, 'two');
    assert.deepEqual(state.get('bigcommerceCustomers.sendResults'), {});
  });

  it('reads damaged state as no results', () => {
    const state = new MapState();
    state.values.set('bigcommerceCustomers.sendResults', 'not results');
    assert.deepEqual(new ResultsStore(state).get(file), []);
  });
});
