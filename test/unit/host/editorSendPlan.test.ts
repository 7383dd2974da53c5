import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analyze';
import type { CustomerResult } from '../../../src/core/results/sendResults';
import { planEditorSend } from '../../../src/core/send/editorSendPlan';
import { FakeHost } from './fakeHost';

const valid = analyzeText('[{"email": "a@example.com", "first_name": "A", "last_name": "B"}, {"email": "b@example.com", "first_name": "C", "last_name": "D"}]');
const wrong = analyzeText('[{"email": "a@example.com", "first_name": "A"}]');

function input(
  options: {
    trusted?: boolean;
    store?: { hash: string; production: boolean } | undefined;
    token?: string | undefined;
    analysis?: typeof valid;
    earlierResults?: CustomerResult[];
  } = {},
) {
  const host = new FakeHost();
  host.trusted = options.trusted ?? true;
  let analysed = 0;
  const store = 'store' in options ? options.store : { hash: 'abc123', production: false };
  return {
    host,
    analysed: () => analysed,
    input: {
      host,
      stores: { active: () => store, token: async () => ('token' in options ? options.token : 'secret-token') },
      analysis: () => {
        analysed++;
        return options.analysis ?? valid;
      },
      earlierResults: options.earlierResults ?? [],
    },
  };
}

describe('planEditorSend', () => {
  it('refuses in Restricted Mode before anything else, and offers to manage trust', async () => {
    const { input: i, analysed } = input({ trusted: false });
    const plan = await planEditorSend(i);
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.remedy, 'manage-trust');
    assert.equal(analysed(), 0, 'the file is not even analysed');
  });

  it('asks for credentials when no store is selected or its token is missing', async () => {
    for (const options of [{ store: undefined }, { token: undefined }]) {
      const plan = await planEditorSend(input(options).input);
      assert.deepEqual(plan, { ok: false, reason: 'No BigCommerce store is selected.', remedy: 'set-credentials' });
    }
  });

  it('points at the Problems panel when the file has errors', async () => {
    const plan = await planEditorSend(input({ analysis: wrong }).input);
    assert.equal(!plan.ok && plan.remedy, 'show-problems');
    assert.match(!plan.ok ? plan.reason : '', /^This file has 1 error that BigCommerce would reject/);
  });

  it("points at the settings when the user's API address cannot carry a token", async () => {
    const { host, input: i } = input();
    host.user.apiBaseUrl = 'http://api.example.com';
    const plan = await planEditorSend(i);
    assert.equal(!plan.ok && plan.remedy, 'open-settings');
    assert.match(!plan.ok ? plan.reason : '', /^The store settings are not usable: /);
  });

  it('plans the customers an earlier send of the file did not create, for the selected store', async () => {
    const earlierResults: CustomerResult[] = [{ email: 'a@example.com', storeHash: 'abc123', outcome: 'created', id: 7, at: new Date(0).toISOString() }];
    const plan = await planEditorSend(input({ earlierResults }).input);
    assert.ok(plan.ok);
    assert.deepEqual(
      plan.customers.map((c) => c.index),
      [1],
    );
    assert.deepEqual(plan.skipped, [{ index: 0, email: 'a@example.com', id: 7 }]);
    assert.deepEqual([plan.store.hash, plan.token, plan.baseUrl], ['abc123', 'secret-token', 'https://api.bigcommerce.com']);
  });
});
