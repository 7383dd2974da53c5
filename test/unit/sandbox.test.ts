/**
 * The sandbox store over real HTTP: auth and scopes, each error family, all-or-nothing
 * creates, lookups, rate limits and every fault kind.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { demoData, startSandboxStore, type SandboxOptions, type SandboxStore } from '../sandbox/store.js';

const TOKEN = 'sandbox-token';
const TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A tiny client bound to one store; every call is a real HTTP request. */
function client(store: SandboxStore, token: string | null = TOKEN) {
  const base = `${store.url}/stores/${store.storeHash}`;
  const send = async (method: string, path: string, body?: string, signal?: AbortSignal): Promise<Answer> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== null) headers['X-Auth-Token'] = token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = body;
    if (signal) init.signal = signal;
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return {
    base,
    get: (path: string) => send('GET', path),
    post: (items: unknown) => send('POST', '/v3/customers', JSON.stringify(items)),
    postRaw: (body: string, signal?: AbortSignal) => send('POST', '/v3/customers', body, signal),
    send,
  };
}

const customer = (email: string, extra: Record<string, unknown> = {}) => ({ email, first_name: 'Ada', last_name: 'Lovelace', ...extra });

async function withStore(options: SandboxOptions, run: (store: SandboxStore) => Promise<void>): Promise<void> {
  const store = await startSandboxStore(options);
  try {
    await run(store);
  } finally {
    await store.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('sandbox store', () => {
  let store: SandboxStore;
  let api: ReturnType<typeof client>;

  before(async () => {
    store = await startSandboxStore();
    api = client(store);
  });
  after(() => store.close());
  beforeEach(() => store.reset());

  describe('authentication and scopes', () => {
    it('answers 401 with the standard body when the token is missing or wrong', async () => {
      for (const token of [null, 'wrong-token']) {
        const answer = await client(store, token).get('/v3/customers');
        assert.equal(answer.status, 401);
        assert.deepEqual(answer.json, { status: 401, title: 'Unauthorized', type: TYPE, errors: {} });
        assert.ok(answer.headers.get('x-request-id'));
        assert.equal(answer.headers.get('x-rate-limit-requests-quota'), '150');
      }
    });

    it('accepts the token header in any letter case', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(`${api.base}/v3/customers`, { headers: { 'X-AUTH-TOKEN': TOKEN } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
      assert.equal(status, 200);
    });

    it('lets a read-only customers token read but not create (403 with the real body)', async () => {
      store.setScopes(['store_v2_customers_read_only']);
      assert.equal((await api.get('/v3/customers')).status, 200);
      assert.equal((await api.get('/v3/customers/attributes')).status, 200);
      assert.equal((await api.get('/v2/customer_groups')).status, 200);
      const created = await api.post([customer('new@example.com')]);
      assert.equal(created.status, 403);
      assert.deepEqual(created.json, {
        status: 403,
        title: "You don't have a required scope to access the endpoint",
        type: TYPE,
        errors: {},
      });
      assert.equal(store.customers().length, 3);
    });

    it('refuses customer endpoints to a token without a customers scope', async () => {
      store.setScopes(['store_channel_settings']);
      assert.equal((await api.get('/v3/customers')).status, 403);
      assert.equal((await api.get('/v3/channels')).status, 200);
    });

    it('needs a channel settings scope for /v3/channels', async () => {
      store.setScopes(['store_v2_customers']);
      assert.equal((await api.get('/v3/channels')).status, 403);
      store.setScopes(['store_v2_customers', 'store_channel_settings_read_only']);
      assert.equal((await api.get('/v3/channels')).status, 200);
    });

    it('answers JSON 404s for an unknown store hash or route, and 405 for a wrong method', async () => {
      const wrongStore = await fetch(`${store.url}/stores/nope/v3/customers`, { headers: { 'X-Auth-Token': TOKEN } });
      assert.equal(wrongStore.status, 404);
      assert.equal(((await wrongStore.json()) as { status: number }).status, 404);
      const unknownRoute = await api.get('/v3/orders');
      assert.equal(unknownRoute.status, 404);
      assert.equal((unknownRoute.json as { status: number }).status, 404);
      const wrongMethod = await api.send('DELETE', '/v3/customers');
      assert.equal(wrongMethod.status, 405);
      assert.equal((wrongMethod.json as { detail: string }).detail, 'The requested HTTP method is invalid for this endpoint.');
    });
  });

  describe('POST /v3/customers', () => {
    it('creates customers in request order with increasing ids and the real defaults', async () => {
      const answer = await api.post([
        customer('first@example.com', { authentication: { new_password: 'secret123', force_password_reset: true } }),
        customer('second@example.com', { customer_group_id: 2, channel_ids: [1, 2] }),
      ]);
      assert.equal(answer.status, 200);
      const body = answer.json as { data: Record<string, unknown>[]; meta: object };
      assert.deepEqual(body.meta, {});
      assert.deepEqual(
        body.data.map((c) => [c['id'], c['email']]),
        [
          [58, 'first@example.com'],
          [59, 'second@example.com'],
        ],
      );
      const first = body.data[0] ?? {};
      const { date_created: created, date_modified: modified, ...rest } = first;
      assert.match(String(created), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.equal(modified, created);
      assert.deepEqual(rest, {
        id: 58,
        authentication: { force_password_reset: true },
        company: '',
        customer_group_id: 0,
        email: 'first@example.com',
        first_name: 'Ada',
        last_name: 'Lovelace',
        notes: '',
        phone: '',
        registration_ip_address: '',
        tax_exempt_category: '',
        accepts_product_review_abandoned_cart_emails: false,
        store_credit_amounts: [{ amount: 0 }],
        origin_channel_id: 1,
        channel_ids: null,
      });
      assert.ok(!answer.text.includes('secret123'), 'new_password is never echoed');
      assert.equal(body.data[1]?.['customer_group_id'], 2);
      assert.deepEqual(body.data[1]?.['channel_ids'], [1, 2]);
      assert.deepEqual(
        store.customers().map((c) => c.id),
        [55, 56, 57, 58, 59],
      );
    });

    it('echoes addresses and attributes with their own ids', async () => {
      const answer = await api.post([
        customer('addr@example.com', {
          addresses: [{ first_name: 'Ada', last_name: 'L', address1: '1 Main St', city: 'Austin', country_code: 'US', state_or_province: 'Texas' }],
          attributes: [{ attribute_id: 3, attribute_value: 'gold' }],
          store_credit_amounts: [{ amount: 12.5 }],
        }),
      ]);
      assert.equal(answer.status, 200);
      const created = (answer.json as { data: Record<string, unknown>[] }).data[0] ?? {};
      const [address] = created['addresses'] as Record<string, unknown>[];
      assert.equal(address?.['customer_id'], 58);
      assert.equal(typeof address?.['id'], 'number');
      assert.equal(address?.['country'], 'United States');
      assert.equal(address?.['address_type'], 'residential');
      const [attribute] = created['attributes'] as Record<string, unknown>[];
      assert.equal(attribute?.['attribute_id'], 3);
      assert.equal(attribute?.['attribute_value'], 'gold');
      assert.equal(attribute?.['customer_id'], 58);
      assert.deepEqual(created['store_credit_amounts'], [{ amount: 12.5 }]);
    });

    it('keeps ids increasing across calls and starts again after reset', async () => {
      await api.post([customer('a@example.com')]);
      await api.post([customer('b@example.com'), customer('c@example.com')]);
      assert.deepEqual(
        store
          .customers()
          .slice(3)
          .map((c) => c.id),
        [58, 59, 60],
      );
      store.reset();
      const again = await api.post([customer('a@example.com')]);
      assert.equal((again.json as { data: { id: number }[] }).data[0]?.id, 58);
    });

    it('answers 413 for more than 10 items and stores nothing', async () => {
      const items = Array.from({ length: 11 }, (_, i) => customer(`bulk${i}@example.com`));
      const answer = await api.post(items);
      assert.equal(answer.status, 413);
      assert.equal((answer.json as { status: number }).status, 413);
      assert.equal(store.customers().length, 3);
      assert.equal((await api.post(items.slice(0, 10))).status, 200);
    });

    it('answers 400 "Input is invalid" for unparseable JSON', async () => {
      const answer = await api.postRaw('[{"email": ');
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.json, { status: 400, title: 'Input is invalid', type: TYPE, detail: 'Syntax error' });
    });

    it('answers family C for a body that is not an array, and for an empty array', async () => {
      const object = await api.post(customer('obj@example.com'));
      assert.deepEqual(object.json, {
        status: 422,
        title: 'JSON data is missing or invalid',
        type: TYPE,
        errors: { '': 'error.expected.jsarray' },
      });
      const empty = await api.post([]);
      assert.equal(empty.status, 422);
      assert.deepEqual((empty.json as { errors: object }).errors, { '': 'error.minLength' });
      assert.equal(store.customers().length, 3);
    });

    it('reports missing fields per item and stores none of the batch', async () => {
      const answer = await api.post([customer('fine@example.com'), { email: 'half@example.com', last_name: 'X' }, 42]);
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.json, {
        status: 422,
        title: 'JSON data is missing or invalid',
        type: TYPE,
        errors: {
          '1.first_name': 'error.path.missing',
          '2.email': 'error.path.missing',
          '2.first_name': 'error.path.missing',
          '2.last_name': 'error.path.missing',
        },
      });
      assert.equal(store.customers().length, 3);
    });

    it('reports wrong JSON types with the Play-JSON codes', async () => {
      const answer = await api.post([
        {
          email: 7,
          first_name: 'A',
          last_name: 'B',
          customer_group_id: '1',
          origin_channel_id: 1.5,
          channel_ids: 'all',
          accepts_product_review_abandoned_cart_emails: 'yes',
          addresses: {},
          attributes: [{ attribute_id: 1.5, attribute_value: 3 }],
        },
      ]);
      assert.deepEqual((answer.json as { errors: object }).errors, {
        '0.email': 'error.expected.jsstring',
        '0.customer_group_id': 'error.expected.jsnumber',
        '0.origin_channel_id': 'error.expected.int',
        '0.accepts_product_review_abandoned_cart_emails': 'error.expected.jsboolean',
        '0.channel_ids': 'error.expected.jsarray',
        '0.addresses': 'error.expected.jsarray',
        '0.attributes.0.attribute_id': 'error.expected.int',
        '0.attributes.0.attribute_value': 'error.expected.jsstring',
      });
    });

    it('reports length limits, including nested ones', async () => {
      const answer = await api.post([
        {
          email: 'ab',
          first_name: '',
          last_name: 'x'.repeat(101),
          addresses: [{ first_name: 'A', last_name: 'B', address1: '1', city: 'C', country_code: 'USA', address_type: 'home' }],
        },
        { email: `${'e'.repeat(240)}@example.com`, first_name: 'A', last_name: 'B' },
      ]);
      assert.deepEqual((answer.json as { errors: object }).errors, {
        '0.email': 'error.minLength',
        '0.first_name': 'error.minLength',
        '0.last_name': 'error.maxLength',
        '0.addresses.0.country_code': 'error.maxLength',
        '0.addresses.0.address_type': 'error.expected.validenumvalue',
        '1.email': 'error.maxLength',
      });
    });

    it('uses bare keys when errorKeyStyle is "bare"', async () => {
      await withStore({ errorKeyStyle: 'bare' }, async (bare) => {
        const answer = await client(bare).post([customer('ok@example.com'), { email: 'x@example.com', last_name: 'B' }]);
        assert.deepEqual((answer.json as { errors: object }).errors, { first_name: 'error.path.missing' });
      });
    });

    it('refuses an email already in the store, whatever its case, naming only the first', async () => {
      const answer = await api.post([customer('fresh@example.com'), customer('TAKEN@example.com'), customer('mixed.case@example.com')]);
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.json, {
        status: 422,
        title: 'Create customers failed.',
        type: TYPE,
        errors: { '.customer_create': 'Error creating customers: email TAKEN@example.com already in use' },
      });
      assert.equal(store.customers().length, 3, 'nothing from the batch is stored');
    });

    it('refuses an email that appears twice in one request', async () => {
      const answer = await api.post([customer('twice@example.com'), customer('other@example.com'), customer('Twice@Example.com')]);
      assert.deepEqual((answer.json as { errors: object }).errors, {
        '.customer_create': 'Error creating customers: email Twice@Example.com already in use',
      });
      assert.equal(store.customers().length, 3);
    });

    it('keeps emails unique across calls, case-insensitively', async () => {
      assert.equal((await api.post([customer('Once@Example.com')])).status, 200);
      const again = await api.post([customer('once@example.COM')]);
      assert.equal(again.status, 422);
      assert.match(JSON.stringify(again.json), /email once@example\.COM already in use/);
      assert.equal(store.customers().length, 4);
    });

    it('refuses unknown attributes, groups and channels, and empty channel_ids (family A)', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ attributes: [{ attribute_id: 99, attribute_value: 'x' }] }, /attribute 99/],
        [{ customer_group_id: 7 }, /customer group 7/],
        [{ channel_ids: [1, 9] }, /channel 9/],
        [{ channel_ids: [] }, /channel_ids cannot be empty/],
        [{ origin_channel_id: 9 }, /channel 9/],
      ];
      for (const [extra, message] of cases) {
        const answer = await api.post([customer('rule@example.com', extra)]);
        assert.equal(answer.status, 422, JSON.stringify(extra));
        const body = answer.json as { title: string; errors: Record<string, string> };
        assert.equal(body.title, 'Create customers failed.');
        assert.deepEqual(Object.keys(body.errors), ['.customer_create']);
        assert.match(body.errors['.customer_create'] ?? '', /^Error creating customers: /);
        assert.match(body.errors['.customer_create'] ?? '', message);
      }
      assert.equal(store.customers().length, 3);
    });

    it('accepts group 0, null channel_ids and null optional fields', async () => {
      const answer = await api.post([customer('nulls@example.com', { customer_group_id: 0, channel_ids: null, company: null })]);
      assert.equal(answer.status, 200);
      const created = (answer.json as { data: Record<string, unknown>[] }).data[0];
      assert.equal(created?.['channel_ids'], null);
      assert.equal(created?.['company'], '');
    });

    it('hands out copies from customers()', async () => {
      const first = store.customers();
      (first[0] as { email: string }).email = 'changed@example.com';
      assert.equal(store.customers()[0]?.email, 'jane.doe@example.com');
    });
  });

  describe('GET /v3/customers', () => {
    it('finds customers by email:in case-insensitively, with + sent as %2B', async () => {
      await api.post([customer('fred+tag@example.com')]);
      const found = await api.get(`/v3/customers?email:in=${encodeURIComponent('FRED+tag@example.com')},taken@example.com`);
      assert.equal(found.status, 200);
      assert.deepEqual(
        (found.json as { data: { email: string }[] }).data.map((c) => c.email),
        ['taken@example.com', 'fred+tag@example.com'],
      );
      // a raw + decodes to a space, so it finds nothing
      const raw = await api.get('/v3/customers?email:in=fred+tag@example.com');
      assert.deepEqual((raw.json as { data: unknown[] }).data, []);
    });

    it('answers 200 with empty data and pagination when nothing matches', async () => {
      const answer = await api.get('/v3/customers?email:in=nobody@example.com');
      assert.equal(answer.status, 200);
      const body = answer.json as { data: unknown[]; meta: { pagination: Record<string, unknown> } };
      assert.deepEqual(body.data, []);
      assert.equal(body.meta.pagination['total'], 0);
      assert.equal(body.meta.pagination['count'], 0);
      assert.equal(body.meta.pagination['per_page'], 50);
    });

    it('filters by id:in and refuses non-integer ids (family D)', async () => {
      const answer = await api.get('/v3/customers?id:in=57,55');
      assert.deepEqual(
        (answer.json as { data: { id: number }[] }).data.map((c) => c.id),
        [55, 57],
      );
      const bad = await api.get('/v3/customers?id:in=hello');
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json, {
        status: 422,
        title: 'Query parameter "id:in" value may contain only integer values. For input string: "hello".',
        type: TYPE,
        errors: {},
      });
    });

    it('refuses unknown filters with family D', async () => {
      const answer = await api.get('/v3/customers?foo=1');
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.json, {
        status: 422,
        title: 'The filter(s): foo are not valid filter parameter(s).',
        type: TYPE,
        errors: {},
      });
    });

    it('pages with page and limit, and caps limit at 250', async () => {
      const batch = Array.from({ length: 10 }, (_, i) => customer(`page${i}@example.com`));
      await api.post(batch);
      const second = await api.get('/v3/customers?limit=4&page=2');
      const body = second.json as { data: { id: number }[]; meta: { pagination: Record<string, unknown>; cursor_pagination?: unknown } };
      assert.deepEqual(
        body.data.map((c) => c.id),
        [59, 60, 61, 62],
      );
      const pagination = body.meta.pagination as { links: Record<string, string> } & Record<string, unknown>;
      assert.equal(pagination['total'], 13);
      assert.equal(pagination['count'], 4);
      assert.equal(pagination['per_page'], 4);
      assert.equal(pagination['current_page'], 2);
      assert.equal(pagination['total_pages'], 4);
      assert.match(pagination.links['current'] ?? '', /page=2/);
      assert.match(pagination.links['next'] ?? '', /page=3/);
      assert.match(pagination.links['previous'] ?? '', /page=1/);
      assert.equal(body.meta.cursor_pagination, undefined, 'only the first page carries cursor pagination');
      const capped = await api.get('/v3/customers?limit=1000');
      assert.equal((capped.json as { meta: { pagination: { per_page: number } } }).meta.pagination.per_page, 250);
      assert.equal((await api.get('/v3/customers?page=0')).status, 422);
    });

    it('follows cursors', async () => {
      const first = await api.get('/v3/customers?limit=2');
      const cursor = (first.json as { meta: { cursor_pagination: { end_cursor: string } } }).meta.cursor_pagination.end_cursor;
      const next = await api.get(`/v3/customers?limit=2&after=${cursor}`);
      assert.deepEqual(
        (next.json as { data: { id: number }[] }).data.map((c) => c.id),
        [57],
      );
    });

    it('includes addresses only when asked', async () => {
      await api.post([customer('inc@example.com', { addresses: [{ first_name: 'A', last_name: 'B', address1: '1', city: 'C', country_code: 'CA' }] })]);
      const plain = await api.get('/v3/customers?email:in=inc@example.com');
      const listed = (plain.json as { data: Record<string, unknown>[] }).data[0];
      assert.equal(listed?.['addresses'], undefined);
      assert.equal(listed?.['address_count'], 1);
      const withAddresses = await api.get('/v3/customers?email:in=inc@example.com&include=addresses');
      const [address] = (withAddresses.json as { data: { addresses: { country: string }[] }[] }).data[0]?.addresses ?? [];
      assert.equal(address?.country, 'Canada');
    });
  });

  describe('lookups', () => {
    it('pages attribute definitions', async () => {
      const answer = await api.get('/v3/customers/attributes?limit=2&page=2');
      const body = answer.json as { data: { id: number; name: string; type: string }[]; meta: { pagination: { total: number } } };
      assert.deepEqual(
        body.data.map((a) => [a.id, a.type]),
        [[3, 'string']],
      );
      assert.equal(body.meta.pagination.total, 3);
    });

    it('answers customer groups as a bare array, and 204 with no body when there are none', async () => {
      const groups = await api.get('/v2/customer_groups');
      assert.ok(Array.isArray(groups.json));
      assert.deepEqual(
        (groups.json as { id: number; name: string }[]).map((g) => [g.id, g.name]),
        [
          [1, 'Retail'],
          [2, 'Wholesale'],
        ],
      );
      store.reset({ customerGroups: [] });
      const none = await api.get('/v2/customer_groups');
      assert.equal(none.status, 204);
      assert.equal(none.text, '');
    });

    it('lists channels with pagination', async () => {
      const answer = await api.get('/v3/channels');
      const body = answer.json as { data: { id: number; type: string }[]; meta: { pagination: { total: number } } };
      assert.deepEqual(
        body.data.map((c) => [c.id, c.type]),
        [
          [1, 'storefront'],
          [2, 'storefront'],
          [3, 'marketplace'],
        ],
      );
      assert.equal(body.meta.pagination.total, 3);
    });

    it('answers per-channel customer settings, 404 for an unknown channel', async () => {
      const first = await api.get('/v3/customers/settings/channels/1');
      assert.deepEqual(first.json, {
        data: {
          privacy_settings: { ask_shopper_for_tracking_consent: null, policy_url: null },
          customer_group_settings: { guest_customer_group_id: null, default_customer_group_id: null },
          allow_global_logins: true,
        },
        meta: {},
      });
      const second = await api.get('/v3/customers/settings/channels/2');
      assert.equal((second.json as { data: { allow_global_logins: boolean } }).data.allow_global_logins, false);
      assert.equal((await api.get('/v3/customers/settings/channels/42')).status, 404);
    });

    it('serves demo data that matches demoData()', () => {
      const demo = demoData();
      assert.deepEqual(
        store.customers().map((c) => c.email),
        demo.customers.map((c) => c.email),
      );
      assert.ok(store.customers().some((c) => c.id === 57 && c.email === 'taken@example.com'));
    });
  });

  describe('request log', () => {
    it('records every request in order with status and stored count', async () => {
      await api.post([customer('log@example.com')]);
      await api.get('/v3/customers?email:in=log@example.com');
      const log = store.requests();
      assert.deepEqual(
        log.map((r) => [r.method, r.path, r.status, r.customersStored]),
        [
          ['POST', '/stores/demo123/v3/customers', 200, 1],
          ['GET', '/stores/demo123/v3/customers', 200, 0],
        ],
      );
      assert.equal(log[1]?.query, 'email:in=log@example.com');
    });
  });
});

describe('sandbox rate limits', () => {
  it('sends the rate-limit headers, then 429 with X-Retry-After past the quota', async () => {
    await withStore({ quota: 3, windowMs: 500 }, async (store) => {
      const api = client(store);
      const left: string[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await api.get('/v3/customers');
        assert.equal(answer.status, 200);
        assert.equal(answer.headers.get('x-rate-limit-requests-quota'), '3');
        assert.equal(answer.headers.get('x-rate-limit-time-window-ms'), '500');
        const reset = Number(answer.headers.get('x-rate-limit-time-reset-ms'));
        assert.ok(reset > 0 && reset <= 500, `reset ${reset}`);
        left.push(answer.headers.get('x-rate-limit-requests-left') ?? '');
      }
      assert.deepEqual(left, ['2', '1', '0']);
      const limited = await api.post([customer('limited@example.com')]);
      assert.equal(limited.status, 429);
      assert.deepEqual(limited.json, {
        status: 429,
        title: 'Too many requests',
        type: '/api-docs/getting-started/api-status-codes',
        errors: {},
      });
      assert.equal(limited.headers.get('x-retry-after'), '1');
      assert.equal(limited.headers.get('x-rate-limit-requests-left'), '0');
      assert.ok(limited.headers.get('x-request-id'));
      assert.equal(store.customers().length, 3, 'a rate-limited request stores nothing');
    });
  });

  it('opens a fresh window once the current one ends', async () => {
    await withStore({ quota: 2, windowMs: 500 }, async (store) => {
      const api = client(store);
      await api.get('/v3/customers');
      await api.get('/v3/customers');
      const limited = await api.get('/v3/customers');
      assert.equal(limited.status, 429);
      await sleep(Number(limited.headers.get('x-rate-limit-time-reset-ms')) + 20);
      const fresh = await api.post([customer('fresh@example.com')]);
      assert.equal(fresh.status, 200);
      assert.equal(fresh.headers.get('x-rate-limit-requests-left'), '1');
    });
  });

  it('does not count unauthenticated requests, and reset() clears the window', async () => {
    await withStore({ quota: 1, windowMs: 5000 }, async (store) => {
      await client(store, 'bad').get('/v3/customers');
      assert.equal((await client(store).get('/v3/customers')).status, 200);
      assert.equal((await client(store).get('/v3/customers')).status, 429);
      store.reset();
      assert.equal((await client(store).get('/v3/customers')).status, 200);
    });
  });
});

describe('sandbox faults', () => {
  it('answers queued 500, 502 and 503 without storing, then recovers', async () => {
    await withStore({}, async (store) => {
      const api = client(store);
      store.setFaults({ queue: ['500', '502', '503'] });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await api.post([customer(`f${i}@example.com`)])).status);
      assert.deepEqual(statuses, [500, 502, 503, 200]);
      assert.deepEqual(
        store
          .customers()
          .slice(3)
          .map((c) => c.email),
        ['f3@example.com'],
      );
      assert.deepEqual(
        store.requests().map((r) => r.fault),
        ['500', '502', '503', undefined],
      );
    });
  });

  it("answers a '429' fault like a real burst refusal, counted against the quota", async () => {
    await withStore({ quota: 10, windowMs: 5000 }, async (store) => {
      const api = client(store);
      store.setFaults({ queue: ['429'] });
      const answer = await api.post([customer('burst@example.com')]);
      assert.equal(answer.status, 429);
      assert.equal((answer.json as { title: string }).title, 'Too many requests');
      assert.ok(Number(answer.headers.get('x-retry-after')) >= 1);
      assert.ok(Number(answer.headers.get('x-rate-limit-time-reset-ms')) > 0);
      assert.equal(answer.headers.get('x-rate-limit-requests-left'), '9');
      assert.equal(store.customers().length, 3);
    });
  });

  it("answers 'non-json' with a proxy's HTML 502", async () => {
    await withStore({}, async (store) => {
      store.setFaults({ queue: ['non-json'] });
      const answer = await client(store).post([customer('html@example.com')]);
      assert.equal(answer.status, 502);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(answer.text, /<html>/);
      assert.equal(store.customers().length, 3);
    });
  });

  it("drops the connection on 'reset-before-store' without storing", async () => {
    await withStore({}, async (store) => {
      store.setFaults({ queue: ['reset-before-store'] });
      await assert.rejects(client(store).post([customer('lost@example.com')]));
      assert.equal(store.customers().length, 3);
      assert.equal(store.requests()[0]?.status, 0);
      assert.equal((await client(store).post([customer('lost@example.com')])).status, 200);
    });
  });

  it("stores the customers, then drops the connection, on 'reset-after-store'", async () => {
    await withStore({}, async (store) => {
      store.setFaults({ queue: ['reset-after-store'] });
      await assert.rejects(client(store).post([customer('ghost@example.com'), customer('ghost2@example.com')]));
      assert.deepEqual(
        store
          .customers()
          .slice(3)
          .map((c) => c.email),
        ['ghost@example.com', 'ghost2@example.com'],
      );
      assert.equal(store.requests()[0]?.customersStored, 2);
      // a blind retry now hits the duplicate rule, as on a real store
      const retry = await client(store).post([customer('ghost@example.com')]);
      assert.equal(retry.status, 422);
    });
  });

  it("stores, then answers after slowMs on 'slow', surviving a client that gave up", async () => {
    await withStore({}, async (store) => {
      store.setFaults({ queue: ['slow'], slowMs: 300 });
      const api = client(store);
      const giveUp = new AbortController();
      const attempt = api.postRaw(JSON.stringify([customer('slow@example.com')]), giveUp.signal);
      // give up once the store has decided (and stored), long before the slow answer is due
      await waitFor(() => store.requests()[0]?.status === 200);
      giveUp.abort();
      await assert.rejects(attempt);
      assert.deepEqual(
        store
          .customers()
          .slice(3)
          .map((c) => c.email),
        ['slow@example.com'],
      );
      await sleep(350); // the late answer meets a closed socket here
      assert.equal((await api.get('/v3/customers?email:in=slow@example.com')).status, 200);
      assert.equal(store.requests()[0]?.fault, 'slow');
    });
  });

  it('closes quickly while slow answers are pending', async () => {
    const store = await startSandboxStore();
    store.setFaults({ queue: ['slow', 'slow'] }); // default slowMs: 30 s
    const pending = [
      client(store)
        .post([customer('p1@example.com')])
        .catch(() => 'failed'),
      client(store)
        .post([customer('p2@example.com')])
        .catch(() => 'failed'),
    ];
    await waitFor(() => store.requests().filter((r) => r.status === 200).length === 2);
    const started = Date.now();
    await store.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    assert.deepEqual(await Promise.all(pending), ['failed', 'failed']);
  });

  it('picks random faults from the seed, the same way every time', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const statuses: number[] = [];
      await withStore({ seed }, async (store) => {
        store.setFaults({ random: { rate: 0.5, kinds: ['500', '503'] }, match: 'GET /v3/customers' });
        for (let i = 0; i < 20; i++) statuses.push((await client(store).get('/v3/customers')).status);
      });
      return statuses;
    };
    const first = await run(7);
    assert.deepEqual(await run(7), first);
    assert.ok(first.includes(200) && first.some((status) => status >= 500), first.join(','));
    assert.notDeepEqual(await run(8), first);
  });

  it('applies faults only to matching requests, and only after the token check', async () => {
    await withStore({}, async (store) => {
      const api = client(store);
      store.setFaults({ queue: ['500'], match: 'GET /v3/customers' });
      assert.equal((await api.post([customer('post@example.com')])).status, 200);
      assert.equal((await client(store, 'bad').get('/v3/customers')).status, 401);
      assert.equal((await api.get('/v3/customers/attributes')).status, 200);
      assert.equal((await api.get('/v3/customers')).status, 500);
      store.setFaults({ queue: ['503'], match: 'any' });
      assert.equal((await api.get('/v3/channels')).status, 503);
      store.setFaults(null);
      assert.equal((await api.get('/v3/customers')).status, 200);
    });
  });
});

describe('sandbox robustness and speed', () => {
  it('delays every answer by latencyMs', async () => {
    await withStore({ latencyMs: 120 }, async (store) => {
      const started = Date.now();
      const answer = await client(store).get('/v3/customers');
      assert.equal(answer.status, 200);
      assert.ok(Date.now() - started >= 110, `answered after ${Date.now() - started} ms`);
    });
  });

  it('survives garbage on the wire and odd requests', async () => {
    await withStore({}, async (store) => {
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(new URL(store.url).port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      assert.match(reply, /^HTTP\/1\.1 400/);
      const api = client(store);
      assert.equal((await api.get('/v3/customers?email:in=%E0%A4%A')).status, 200);
      assert.equal((await api.postRaw('[' + '['.repeat(100000))).status, 400);
      assert.equal((await api.postRaw('null')).status, 422);
      assert.equal((await api.postRaw('"text"')).status, 422);
      assert.equal((await api.post([{ email: 'x@example.com', first_name: 'A', last_name: 'B', form_fields: [{ name: 'f', value: { no: 1 } }] }])).status, 422);
      assert.equal((await api.get('/v3/customers')).status, 200);
    });
  });

  it('stores 500 customers in 50 batches quickly and finds them all again', async () => {
    await withStore({ quota: 10_000 }, async (store) => {
      const api = client(store);
      const started = Date.now();
      for (let batch = 0; batch < 50; batch++) {
        const items = Array.from({ length: 10 }, (_, i) => customer(`bulk${batch}-${i}@example.com`));
        assert.equal((await api.post(items)).status, 200);
      }
      const found = await api.get('/v3/customers?limit=250&page=2');
      assert.equal((found.json as { meta: { pagination: { total: number } } }).meta.pagination.total, 503);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      const ids = store.customers().map((c) => c.id);
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
      );
      assert.equal(new Set(ids).size, 503);
    });
  });
});

describe('sandbox geography and multi-storefront emails', () => {
  it('lists countries and the states of a country, or of all countries, as V2 bare arrays', async () => {
    await withStore({}, async (store) => {
      const api = client(store);
      const countries = await api.get('/v2/countries?limit=250');
      assert.equal(countries.status, 200);
      const australia = (countries.json as { id: number; country_iso2: string; states: { resource: string } }[]).find((c) => c.country_iso2 === 'AU')!;
      assert.equal(australia.states.resource, `/countries/${australia.id}/states`);
      const states = await api.get(`/v2/countries/${australia.id}/states`);
      assert.deepEqual((states.json as { state: string }[]).map((s) => s.state).slice(0, 2), ['Australian Capital Territory', 'New South Wales']);
      assert.deepEqual(
        await api.get(`/v2/countries/${australia.id}/states?state_abbreviation=nsw`).then((a) => (a.json as { state: string }[]).map((s) => s.state)),
        ['New South Wales'],
      );
      assert.equal((await api.get('/v2/countries/states?limit=250').then((a) => a.json as unknown[])).length, 91);
      assert.equal((await api.get('/v2/countries/99999/states')).status, 404);
      assert.equal((await api.get('/v2/countries?page=9')).status, 204);
      store.setScopes(['store_v2_customers']);
      assert.equal((await api.get('/v2/countries')).status, 403);
    });
  });

  it('keeps emails unique per channel: the same email on two channels is created once each', async () => {
    await withStore({}, async (store) => {
      const api = client(store);
      assert.equal((await api.post([customer('twice@example.com', { channel_ids: [1] })])).status, 200);
      assert.equal((await api.post([customer('twice@example.com', { channel_ids: [2] })])).status, 200);
      const again = await api.post([customer('TWICE@example.com', { channel_ids: [2, 3] })]);
      assert.equal(again.status, 422);
      assert.match(JSON.stringify(again.json), /email TWICE@example.com already in use/);
      // Global access reaches channel 1 (global logins on), so it collides with the channel-1 customer.
      assert.equal((await api.post([customer('twice@example.com')])).status, 422);
      // Within one request too: channels 3 and [2, 3] overlap, channels 1 and 2 do not.
      assert.equal((await api.post([customer('pair@example.com', { channel_ids: [3] }), customer('pair@example.com', { channel_ids: [2, 3] })])).status, 422);
      assert.equal((await api.post([customer('pair@example.com', { channel_ids: [1] }), customer('pair@example.com', { channel_ids: [2] })])).status, 200);
      const listed = await api.get('/v3/customers?email:in=twice@example.com');
      assert.deepEqual(
        (listed.json as { data: { channel_ids: number[] }[] }).data.map((c) => c.channel_ids),
        [[1], [2]],
      );
    });
  });

  it('answers 422s of creates without errors while the switch is on, until reset', async () => {
    await withStore({}, async (store) => {
      const api = client(store);
      store.setUnprocessableWithoutErrors(true);
      const refused = await api.post([customer('taken@example.com')]);
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.json, { status: 422, title: 'Create customers failed.', type: TYPE });
      const invalid = await api.post([{ email: 'a@example.com' }]);
      assert.deepEqual(Object.keys(invalid.json as object).sort(), ['status', 'title', 'type']);
      store.reset();
      assert.ok('errors' in ((await api.post([customer('taken@example.com')])).json as object));
    });
  });
});
