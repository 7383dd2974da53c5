import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { emailLookupQuery, findExistingCustomers, StoreRequestError } from '../../../src/core/send/lookup';
import { demoData, startSandboxStore, type SandboxStore } from '../../sandbox/store';
import { targetOf } from './helpers';

describe('findExistingCustomers', () => {
  let store: SandboxStore;
  before(async () => {
    const data = demoData();
    data.customers.push({ id: 99, email: 'fred.rogers+neighbor@example.com', first_name: 'Fred', last_name: 'Rogers' });
    store = await startSandboxStore({ quota: 10_000, data });
  });
  after(() => store.close());

  it('finds emails with + and in any case, and sends + as %2B', async () => {
    const found = (await findExistingCustomers(targetOf(store), ['Fred.Rogers+Neighbor@example.com', 'TAKEN@example.com', 'nobody@example.com'])).found;
    assert.deepEqual([...found].sort(), [
      ['fred.rogers+neighbor@example.com', 99],
      ['taken@example.com', 57],
    ]);
    assert.match(store.requests().at(-1)!.query, /fred\.rogers%2Bneighbor%40example\.com/i);
  });

  it('asks in chunks of at most 10 emails', async () => {
    const before = store.requests().length;
    const emails = Array.from({ length: 23 }, (_, i) => `x${i}@example.com`).concat('jane.doe@example.com');
    const found = (await findExistingCustomers(targetOf(store), emails)).found;
    assert.deepEqual([...found], [['jane.doe@example.com', 55]]);
    const lookups = store.requests().slice(before);
    assert.equal(lookups.length, 3);
    for (const r of lookups) assert.ok(new URLSearchParams(r.query).get('email:in')!.split(',').length <= 10);
  });

  it('asks nothing for an empty list', async () => {
    const before = store.requests().length;
    assert.equal((await findExistingCustomers(targetOf(store), [])).found.size, 0);
    assert.equal(store.requests().length, before);
  });

  it('rejects with a plain StoreRequestError that never carries the token', async () => {
    await assert.rejects(findExistingCustomers({ ...targetOf(store), accessToken: 'very-secret-value' }, ['a@b.co']), (error: unknown) => {
      assert.ok(error instanceof StoreRequestError);
      assert.equal(error.status, 401);
      assert.match(error.message, /access token or store hash is wrong/);
      assert.ok(!JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes('very-secret-value'));
      return true;
    });
  });

  it('encodes every value', () => {
    assert.equal(emailLookupQuery(['a+b@x.co', ' c,d@x.co ']), 'email:in=a%2Bb%40x.co,c%2Cd%40x.co');
  });
});
