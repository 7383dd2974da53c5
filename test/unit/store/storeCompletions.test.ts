import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeItems, channelItems, customerGroupItems, describeStoreId, storeItemsFor } from '../../../src/core/store/storeCompletions';
import { demoCatalogue } from './helpers';

describe('store completions and hover', () => {
  it('lists attributes with id, name and type, inserting the id', () => {
    const items = attributeItems(demoCatalogue());
    assert.deepEqual(items[0], {
      label: '1 — Shoe size (number)',
      insertText: '1',
      detail: 'number attribute of store abc123',
      filterText: '1 Shoe size',
      sortText: '0000000001',
    });
    assert.deepEqual(
      items.map((i) => i.label),
      ['1 — Shoe size (number)', '2 — Birthday (date)', '3 — Loyalty tier (string)'],
    );
  });

  it('lists groups after 0 (no group), and channels with their kind and global logins', () => {
    assert.deepEqual(
      customerGroupItems(demoCatalogue()).map((i) => [i.label, i.insertText]),
      [
        ['0 — no group', '0'],
        ['1 — Retail', '1'],
        ['2 — Wholesale', '2'],
      ],
    );
    const channels = channelItems(demoCatalogue());
    assert.deepEqual(
      channels.map((i) => i.label),
      ['1 — Default storefront (storefront, active)', '2 — Wholesale storefront (storefront, active)', '3 — Amazon marketplace (marketplace, connected)'],
    );
    assert.equal(channels[1]!.detail, 'channel of store abc123; does not allow global logins');
  });

  it('offers nothing for a part that is not loaded, or a field that is not a store id', () => {
    assert.deepEqual(storeItemsFor(demoCatalogue({ channels: undefined }), 'channel_ids'), []);
    assert.deepEqual(storeItemsFor(demoCatalogue({ customerGroups: undefined }), 'customer_group_id'), []);
    assert.deepEqual(storeItemsFor(undefined, 'attribute_id'), []);
    assert.deepEqual(storeItemsFor(demoCatalogue(), 'email'), []);
    assert.equal(storeItemsFor(demoCatalogue(), 'origin_channel_id').length, 3);
  });

  it('describes an id for hover', () => {
    const catalogue = demoCatalogue();
    assert.equal(describeStoreId(catalogue, 'attribute_id', 1), 'Shoe size (number attribute)');
    assert.equal(describeStoreId(catalogue, 'attribute_id', 9), 'not an attribute of store abc123');
    assert.equal(describeStoreId(catalogue, 'customer_group_id', 2), 'Wholesale (customer group)');
    assert.equal(describeStoreId(catalogue, 'customer_group_id', 0), 'no customer group');
    assert.equal(describeStoreId(catalogue, 'channel_ids', 2), 'Wholesale storefront (storefront channel; does not allow global logins)');
    assert.equal(describeStoreId(catalogue, 'origin_channel_id', 3), 'Amazon marketplace (marketplace channel; connected)');
    assert.equal(describeStoreId(catalogue, 'email', 1), undefined);
    assert.equal(describeStoreId(undefined, 'attribute_id', 1), undefined);
    assert.equal(describeStoreId(demoCatalogue({ attributes: undefined }), 'attribute_id', 1), undefined);
  });
});
