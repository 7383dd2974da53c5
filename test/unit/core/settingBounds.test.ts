import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { boundedSetting, SETTING_BOUNDS } from '../../../src/core/settingBounds';

describe('boundedSetting', () => {
  it('clamps what a workspace sets: store data is never reloaded without pause', () => {
    assert.equal(boundedSetting('storeData.maxAgeMinutes', -1), 1);
    assert.equal(boundedSetting('storeData.maxAgeMinutes', 0), 1);
    assert.equal(boundedSetting('storeData.maxAgeMinutes', 1e9), 1440);
    assert.equal(boundedSetting('storeData.maxAgeMinutes', 30), 30);
    for (const junk of [Number.NaN, Infinity, '5', null, undefined, {}]) assert.equal(boundedSetting('storeData.maxAgeMinutes', junk), 10);
    assert.equal(boundedSetting('send.maxStoreWaitSeconds', 86_400), 3600);
    assert.equal(boundedSetting('send.maxStoreWaitSeconds', -5), 0);
  });

  it("agrees with package.json's settings: default, minimum and maximum", () => {
    const properties = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')).contributes.configuration.properties;
    for (const [name, bounds] of Object.entries(SETTING_BOUNDS)) {
      const setting = properties[`bigcommerceCustomers.${name}`];
      assert.deepEqual([setting.default, setting.minimum, setting.maximum], [bounds.fallback, bounds.min, bounds.max], name);
    }
  });
});
