import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headroomFor, lowerCaseHeaders, RateLimitPacer, readRateLimit, waitAfterTooManyRequests } from '../../../src/core/send/rateLimit';

describe('readRateLimit', () => {
  it('reads the headers whatever their case, converting X-Retry-After from seconds', () => {
    const headers = lowerCaseHeaders({
      'X-Rate-Limit-Requests-Left': '35',
      'x-rate-limit-requests-quota': '150',
      'X-RATE-LIMIT-TIME-RESET-MS': '15000',
      'X-Rate-Limit-Time-Window-Ms': '30000',
      'X-Retry-After': '2',
    });
    assert.deepEqual(readRateLimit(headers), { left: 35, quota: 150, resetMs: 15000, windowMs: 30000, retryAfterMs: 2000 });
  });

  it('ignores missing and malformed values', () => {
    assert.deepEqual(readRateLimit({ 'x-rate-limit-requests-left': 'lots', 'x-retry-after': '' }), {});
    assert.deepEqual(readRateLimit({ 'x-rate-limit-requests-left': '-3' }), {});
  });
});

describe('waitAfterTooManyRequests', () => {
  it('honours the longer of the two waits', () => {
    assert.equal(waitAfterTooManyRequests({ resetMs: 27320, retryAfterMs: 1000 }), 27320);
    assert.equal(waitAfterTooManyRequests({ resetMs: 300, retryAfterMs: 1000 }), 1000);
    assert.equal(waitAfterTooManyRequests({ retryAfterMs: 3000 }), 3000);
  });

  it('says "no idea" when the 429 carried no header, so the caller backs off', () => {
    assert.equal(waitAfterTooManyRequests({}), undefined);
    assert.equal(waitAfterTooManyRequests({ left: 0 }), undefined);
  });
});

describe('RateLimitPacer', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('does not wait before it knows anything', () => {
    assert.equal(new RateLimitPacer().delayBeforeNextRequest(), 0);
  });

  it('spreads the usable requests over the rest of the window', () => {
    const c = clock();
    const pacer = new RateLimitPacer(c.now);
    pacer.observe({ left: 107, quota: 150, resetMs: 20_000, windowMs: 30_000 });
    // 107 left minus 8 of headroom = 99 requests in 20 s: one every 200 ms, the last 200 ms before the window refreshes
    assert.equal(pacer.delayBeforeNextRequest(), 200);
    c.advance(150);
    assert.equal(pacer.delayBeforeNextRequest(), 50, 'time already spent counts');
    c.advance(100);
    assert.equal(pacer.delayBeforeNextRequest(), 0);
  });

  it('counts the spacing from the start of the previous request, so its round trip is not added on top', () => {
    const c = clock();
    const pacer = new RateLimitPacer(c.now);
    pacer.requestStarted();
    c.advance(120); // the round trip
    pacer.observe({ left: 107, quota: 150, resetMs: 20_000, windowMs: 30_000 });
    assert.equal(pacer.delayBeforeNextRequest(), 80);
    c.advance(80);
    pacer.requestStarted();
    c.advance(250);
    assert.equal(pacer.delayBeforeNextRequest(), 0, 'a round trip longer than the spacing needs no wait');
  });

  it('waits for the window to refresh when only the headroom is left', () => {
    const c = clock();
    const pacer = new RateLimitPacer(c.now);
    pacer.observe({ left: 8, quota: 150, resetMs: 4_000 });
    assert.equal(pacer.delayBeforeNextRequest(), 4_000);
    c.advance(4_001);
    assert.equal(pacer.delayBeforeNextRequest(), 0, 'a new window has started');
  });

  it('holds every request back after a 429 for as long as the store asked', () => {
    const c = clock();
    const pacer = new RateLimitPacer(c.now);
    pacer.blockFor(1_500);
    assert.equal(pacer.delayBeforeNextRequest(), 1_500);
    c.advance(1_000);
    assert.equal(pacer.delayBeforeNextRequest(), 500);
  });

  it('keeps a little headroom for the other apps on the store', () => {
    assert.equal(headroomFor(150), 8);
    assert.equal(headroomFor(450), 10);
    assert.equal(headroomFor(10), 1);
    assert.equal(headroomFor(3), 0);
  });
});
