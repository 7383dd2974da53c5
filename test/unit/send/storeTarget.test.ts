import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkApiBaseUrl, checkStoreHash, checkStoreTarget, customersUrl, isLoopbackHost } from '../../../src/core/send/storeTarget';

describe('checkStoreHash', () => {
  it('accepts short lowercase alphanumerics', () => {
    for (const hash of ['z4zn3wo', 'abc123', 'a', '0'.repeat(32)]) assert.equal(checkStoreHash(hash), undefined, hash);
  });

  it('explains what is wrong', () => {
    assert.match(checkStoreHash('')!, /empty/);
    assert.match(checkStoreHash('ABC123')!, /lowercase/);
    assert.match(checkStoreHash('https://api.bigcommerce.com/stores/abc/v3')!, /only the store hash/);
    assert.match(checkStoreHash('abc 123')!, /lowercase letters .* digits/);
    assert.match(checkStoreHash(' abc')!, /spaces/);
    assert.match(checkStoreHash('a'.repeat(33))!, /too long/);
    assert.match(checkStoreHash('abc-123')!, /only lowercase letters/);
  });
});

describe('checkApiBaseUrl', () => {
  it('accepts https anywhere and http only on this computer', () => {
    for (const url of [
      'https://api.bigcommerce.com',
      'https://api.bigcommerce.com/',
      'https://proxy.example.com:8443/bc',
      'http://127.0.0.1:4000',
      'http://127.8.9.10',
      'http://localhost:3000',
      'http://[::1]:9000',
    ]) {
      assert.equal(checkApiBaseUrl(url), undefined, url);
    }
  });

  it('refuses anything that could leak the token', () => {
    assert.match(checkApiBaseUrl('http://api.bigcommerce.com')!, /unencrypted/);
    assert.match(checkApiBaseUrl('http://10.0.0.5')!, /unencrypted/);
    assert.match(checkApiBaseUrl('http://127.0.0.1.evil.com')!, /unencrypted/);
    assert.match(checkApiBaseUrl('https://user:pw@api.bigcommerce.com')!, /user name or password/);
    assert.match(checkApiBaseUrl('https://api.bigcommerce.com?x=1')!, /query/);
    assert.match(checkApiBaseUrl('https://api.bigcommerce.com#top')!, /fragment/);
    assert.match(checkApiBaseUrl('ftp://api.bigcommerce.com')!, /https:\/\//);
    assert.match(checkApiBaseUrl('api.bigcommerce.com')!, /not a valid URL|https/);
    assert.match(checkApiBaseUrl('')!, /empty/);
    assert.match(checkApiBaseUrl('https://api.bigcommerce.com/stores/abc/v3')!, /store hash in its own setting/);
  });

  it('knows the loopback names', () => {
    assert.ok(isLoopbackHost('LOCALHOST'));
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(!isLoopbackHost('128.0.0.1'));
    assert.ok(!isLoopbackHost('127.0.0.256'));
  });

  it('does not count names under .localhost as this computer: they may be looked up in DNS', () => {
    assert.ok(!isLoopbackHost('store.localhost'));
    assert.match(checkApiBaseUrl('http://store.localhost:4010')!, /looked up in DNS.*http:\/\/localhost/);
    assert.equal(checkApiBaseUrl('https://store.localhost'), undefined, 'https protects the token wherever DNS points');
  });
});

describe('checkStoreTarget', () => {
  const target = { apiBaseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123' };

  it('refuses, before any request, a token that an HTTP header cannot carry, without repeating it', () => {
    for (const accessToken of ['tok€n', 'tok\u0007en', 'tok en', 'tok\ten']) {
      const problem = checkStoreTarget({ ...target, accessToken });
      assert.match(problem ?? '', /character an HTTP header cannot carry/, JSON.stringify(accessToken));
      assert.ok(!problem!.includes(accessToken));
    }
    assert.equal(checkStoreTarget({ ...target, accessToken: 'abcDEF123-_.~' }), undefined);
  });
});

describe('customersUrl', () => {
  it('joins base, hash and path without doubled slashes', () => {
    assert.equal(customersUrl({ apiBaseUrl: 'https://api.bigcommerce.com/', storeHash: 'abc123' }), 'https://api.bigcommerce.com/stores/abc123/v3/customers');
    assert.equal(customersUrl({ apiBaseUrl: 'http://127.0.0.1:4000//', storeHash: 'demo123' }), 'http://127.0.0.1:4000/stores/demo123/v3/customers');
  });
});
