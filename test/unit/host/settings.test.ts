import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSettings } from '../../../src/core/host/settings';
import { DEFAULT_API_BASE_URL } from '../../../src/core/send/storeTarget';
import { FakeHost } from './fakeHost';

const file = 'file:///work/a/customers.bccustomers.json';

describe('readSettings', () => {
  it('gives the defaults when nothing is set', () => {
    const settings = readSettings(new FakeHost().settings, file);
    assert.deepEqual(settings, {
      maxFileSize: 64 * 1_048_576,
      storeDataEnabled: true,
      storeDataMaxAgeMs: 10 * 60_000,
      maxStoreWaitMs: 300_000,
      codeLensPerCreatedCustomer: false,
      apiBaseUrl: DEFAULT_API_BASE_URL,
    });
  });

  it('reads every resource setting for the document it is asked for', () => {
    const host = new FakeHost();
    host.set(file, { 'validation.maxFileSizeMB': 2, 'storeData.enable': false, 'results.codeLensPerCustomer': true });
    const settings = readSettings(host.settings, file);
    assert.equal(settings.maxFileSize, 2 * 1_048_576);
    assert.equal(settings.storeDataEnabled, false);
    assert.equal(settings.codeLensPerCreatedCustomer, true);
    assert.ok(host.reads.length > 0);
    assert.ok(
      host.reads.every((read) => read.scope === file),
      'every setting is read with the document as its scope',
    );
    assert.equal(readSettings(host.settings, 'file:///work/b/other.bccustomers.json').storeDataEnabled, true, 'another folder keeps its own values');
  });

  it('clamps what a workspace may set, and ignores values that are not numbers', () => {
    const host = new FakeHost();
    host.set(file, { 'storeData.maxAgeMinutes': 0, 'send.maxStoreWaitSeconds': 99_999, 'validation.maxFileSizeMB': 'big' });
    const settings = readSettings(host.settings, file);
    assert.equal(settings.storeDataMaxAgeMs, 60_000);
    assert.equal(settings.maxStoreWaitMs, 3_600_000);
    assert.equal(settings.maxFileSize, 64 * 1_048_576);
  });

  it('takes the API address from the user alone: a workspace cannot redirect a token', () => {
    const host = new FakeHost();
    host.set(file, { apiBaseUrl: 'https://attacker.example' });
    assert.equal(readSettings(host.settings, file).apiBaseUrl, DEFAULT_API_BASE_URL);
    host.user.apiBaseUrl = ' http://127.0.0.1:4000 ';
    assert.equal(readSettings(host.settings, file).apiBaseUrl, 'http://127.0.0.1:4000');
  });
});
