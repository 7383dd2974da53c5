import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreRegistry } from '../../../src/extension/store/storeRegistry';
import { FakeHost } from './fakeHost';

describe('StoreRegistry', () => {
  it('keeps the stores in the global state and their tokens only in the secret storage', async () => {
    const host = new FakeHost();
    const registry = new StoreRegistry(host);
    let changes = 0;
    registry.onDidChange(() => changes++);
    await registry.save({ hash: 'zzz9', production: false }, 'token-z');
    await registry.save({ hash: 'abc1', production: true }, 'token-a');
    assert.deepEqual(
      registry.list().map((s) => s.hash),
      ['abc1', 'zzz9'],
    );
    assert.equal(registry.active()?.hash, 'abc1', 'the store saved last is the active one');
    assert.equal(await registry.token('zzz9'), 'token-z');
    assert.ok(!JSON.stringify([...host.globalState.values]).includes('token-'), 'no token in the state');
    assert.equal(changes, 2);
  });

  it('selects another store when the active one is removed, and forgets its token', async () => {
    const host = new FakeHost();
    const registry = new StoreRegistry(host);
    await registry.save({ hash: 'one', production: false }, 't1');
    await registry.save({ hash: 'two', production: false }, 't2');
    await registry.remove('two');
    assert.equal(registry.active()?.hash, 'one');
    assert.equal(await registry.token('two'), undefined);
    await registry.remove('one');
    assert.equal(registry.active(), undefined);
    assert.deepEqual(registry.list(), []);
  });

  it('reads stored state it cannot use as no stores', () => {
    const host = new FakeHost();
    host.globalState.values.set('bigcommerceCustomers.stores', [{ nohash: 1 }, 'abc', { hash: 'ok1', production: false }]);
    assert.deepEqual(new StoreRegistry(host).list(), [{ hash: 'ok1', production: false }]);
    host.globalState.values.set('bigcommerceCustomers.stores', 'broken');
    assert.deepEqual(new StoreRegistry(host).list(), []);
  });
});
