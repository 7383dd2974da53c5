import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accessOverlaps,
  channelAccessOf,
  collidingCustomer,
  existingCustomerOf,
  globalLoginsFrom,
  type ExistingCustomer,
} from '../../../src/core/store/channelAccess';

describe('channel access', () => {
  it('reads channel_ids: absent or null is global access, a list is those channels', () => {
    assert.equal(channelAccessOf(undefined), 'global');
    assert.equal(channelAccessOf(null), 'global');
    assert.deepEqual(channelAccessOf([1, 2]), [1, 2]);
    assert.equal(channelAccessOf([]), undefined);
    assert.equal(channelAccessOf(['1']), undefined);
  });

  it('overlaps where a channel is shared, and global access where a channel allows global logins', () => {
    assert.equal(accessOverlaps('global', 'global'), true);
    assert.equal(accessOverlaps([1, 2], [2, 3]), true);
    assert.equal(accessOverlaps([1], [2]), false);
    // BigCommerce's default: channel 1 allows global logins; others are not known.
    assert.equal(accessOverlaps('global', [1]), true);
    assert.equal(accessOverlaps([2], 'global'), undefined);
    const store = globalLoginsFrom({ 1: true, 2: false, 3: null });
    assert.equal(accessOverlaps('global', [2], store), false);
    assert.equal(accessOverlaps('global', [3], store), undefined);
    assert.equal(accessOverlaps('global', [2, 1], store), true);
  });

  it('finds the existing customer a new one collides with, preferring a certain collision', () => {
    const existing: ExistingCustomer[] = [
      { id: 7, email: 'a@b.co', access: [3] },
      { id: 8, email: 'a@b.co', access: [2] },
    ];
    const store = globalLoginsFrom({ 1: true, 2: false, 3: null });
    assert.equal(collidingCustomer([1], existing, store), undefined);
    assert.deepEqual(collidingCustomer([2], existing, store), { customer: existing[1], certain: true });
    assert.deepEqual(collidingCustomer('global', existing, store), { customer: existing[0], certain: false });
  });

  it('reads a customer of a GET /v3/customers answer', () => {
    assert.deepEqual(existingCustomerOf({ id: 5, email: 'a@b.co', channel_ids: [2], origin_channel_id: 2 }), {
      id: 5,
      email: 'a@b.co',
      access: [2],
      originChannelId: 2,
    });
    assert.deepEqual(existingCustomerOf({ id: 5, email: 'a@b.co', channel_ids: null }), { id: 5, email: 'a@b.co', access: 'global' });
    assert.equal(existingCustomerOf({ email: 'a@b.co' }), undefined);
  });
});
