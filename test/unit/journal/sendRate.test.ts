import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRate } from '../../../src/core/send/sendRate';

describe('the rate and time left shown while sending', () => {
  it('says nothing before the first customer or the first second', () => {
    assert.equal(describeRate(0, 100, 5_000), undefined);
    assert.equal(describeRate(10, 100, 500), undefined);
  });

  it('counts customers per minute and the time the rest takes at that pace', () => {
    assert.equal(describeRate(300, 50_000, 60_000), '300 customers/min · about 2 h 46 min left');
    assert.equal(describeRate(3_420, 50_000, 6 * 60_000), '570 customers/min · about 1 h 22 min left');
    assert.equal(describeRate(50, 60, 30_000), '100 customers/min · less than a minute left');
    assert.equal(describeRate(60, 60, 30_000), '120 customers/min · finishing');
  });
});
