import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendCustomers } from '../../../src/core/send/sender';
import { customers, fastOptions } from './helpers';
import { createdAnswer, emptyLookup, startScriptedServer, type Script, type SeenRequest } from './scriptedServer';

const TOKEN = 'scripted-secret-token';

async function withServer<T>(
  script: Script,
  run: (target: { apiBaseUrl: string; storeHash: string; accessToken: string }, seen: SeenRequest[]) => Promise<T>,
): Promise<T> {
  const server = await startScriptedServer(script);
  try {
    return await run({ apiBaseUrl: server.url, storeHash: 'abc123', accessToken: TOKEN }, server.seen);
  } finally {
    await server.close();
  }
}

/** POSTs answered by `postReplies` in turn (then success); lookups find nothing. */
function postScript(postReplies: Array<(body: string) => ReturnType<Script>>): Script {
  let posts = 0;
  return (request) => {
    if (request.method === 'GET') return emptyLookup;
    const reply = postReplies[posts];
    posts += 1;
    return reply ? reply(request.body) : createdAnswer(request.body, 1000 + posts * 100);
  };
}

const methods = (seen: SeenRequest[]) => seen.map((r) => r.method);

describe('sendCustomers: answers the sandbox never gives', () => {
  it('sends the documented headers and the customers as the JSON body', async () => {
    await withServer(postScript([]), async (target, seen) => {
      await sendCustomers(target, customers(2), fastOptions({ userAgent: 'my-tool/1.0', checkExistingFirst: true }));
      const post = seen.find((r) => r.method === 'POST')!;
      assert.equal(post.url, '/stores/abc123/v3/customers');
      assert.equal(post.headers['x-auth-token'], TOKEN);
      assert.equal(post.headers.accept, 'application/json');
      assert.equal(post.headers['content-type'], 'application/json');
      assert.equal(post.headers['user-agent'], 'my-tool/1.0');
      assert.deepEqual(
        JSON.parse(post.body),
        customers(2).map((c) => c.value),
      );
      const get = seen.find((r) => r.method === 'GET')!;
      assert.equal(get.url, '/stores/abc123/v3/customers?email:in=c0%40example.com,c1%40example.com');
    });
  });

  it('504 is retried after a lookup', async () => {
    await withServer(postScript([() => ({ status: 504, text: 'Gateway Timeout' })]), async (target, seen) => {
      const report = await sendCustomers(target, customers(3), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(methods(seen), ['POST', 'GET', 'POST']);
      assert.equal(report.created.length, 3);
    });
  });

  for (const status of [501, 505]) {
    it(`${status} is not retried: reconciled, reported, and a second one stops the send`, async () => {
      const reply = () => ({ status, json: { status, title: 'Not Implemented' } });
      await withServer(postScript([reply, reply]), async (target, seen) => {
        const report = await sendCustomers(target, customers(25), fastOptions({ checkExistingFirst: false }));
        assert.deepEqual(methods(seen), ['POST', 'GET', 'POST', 'GET']);
        assert.equal(report.failed.length, 20);
        assert.match(report.failed[0]!.message, new RegExp(`HTTP ${status} \\(Not Implemented\\).*not created.*sending again is safe`, 'i'));
        assert.equal(report.stopped?.status, status);
        assert.deepEqual(report.notSent, [20, 21, 22, 23, 24]);
      });
    });
  }

  it('507 stops the send, after checking what the request created', async () => {
    await withServer(postScript([() => ({ status: 507, json: { status: 507, title: 'Insufficient Storage' } })]), async (target, seen) => {
      const report = await sendCustomers(target, customers(15), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(methods(seen), ['POST', 'GET']);
      assert.equal(report.stopped?.status, 507);
      assert.match(report.stopped.reason, /limit of its plan/);
      assert.equal(report.notSent.length, 15);
    });
  });

  it('401 in the middle keeps what was already created', async () => {
    const script = postScript([(body) => createdAnswer(body, 500), () => ({ status: 401, json: { status: 401, title: 'Unauthorized' } })]);
    await withServer(script, async (target) => {
      const report = await sendCustomers(target, customers(30), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(
        report.created.map((c) => c.id),
        Array.from({ length: 10 }, (_, i) => 500 + i),
      );
      assert.equal(report.stopped?.status, 401);
      assert.deepEqual(
        report.notSent,
        Array.from({ length: 20 }, (_, i) => i + 10),
      );
      assert.ok(!JSON.stringify(report).includes(TOKEN));
    });
  });

  it('a success without a list, or with customers missing, is checked by email', async () => {
    let lookups = 0;
    const script: Script = (request) => {
      if (request.method === 'GET') {
        lookups += 1;
        // the store did create c0 and c1, whatever it answered
        return lookups === 1
          ? {
              status: 200,
              json: {
                data: [
                  { id: 70, email: 'C0@example.com' },
                  { id: 71, email: 'c1@example.com' },
                ],
              },
            }
          : emptyLookup;
      }
      const sent = JSON.parse(request.body) as unknown[];
      if (sent.length === 3) return { status: 200, json: { meta: {} } };
      return createdAnswer(request.body, 90);
    };
    await withServer(script, async (target, seen) => {
      const report = await sendCustomers(target, customers(3), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(methods(seen), ['POST', 'GET', 'POST']);
      assert.deepEqual(
        report.created.map((c) => [c.index, c.id, c.recovered ?? false]),
        [
          [0, 70, true],
          [1, 71, true],
          [2, 90, false],
        ],
      );
      assert.deepEqual(JSON.parse(seen[2]!.body), [customers(3)[2]!.value], 'only the missing customer is sent again');
    });
  });

  it('an unmappable 422 blames nobody of several: sent one by one, it is pinned on the customer it is about, with the request id', async () => {
    const reply = { status: 422, json: { status: 422, title: 'Something odd', errors: { 'what is this': 'no idea' } }, headers: { 'X-Request-Id': 'rid-422' } };
    const script: Script = (request) => {
      if (request.method === 'GET') return emptyLookup;
      return request.body.includes('c2@example.com') ? reply : createdAnswer(request.body, 100 * request.body.length);
    };
    await withServer(script, async (target, seen) => {
      const report = await sendCustomers(target, customers(4), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(report.failed, [
        { index: 2, path: '/2', message: 'The store refused the request: Something odd: what is this: no idea', status: 422, requestId: 'rid-422' },
      ]);
      assert.deepEqual(
        report.created.map((c) => c.index),
        [0, 1, 3],
      );
      assert.deepEqual(methods(seen), ['POST', 'GET', 'POST', 'POST', 'POST', 'GET', 'POST']);
    });
  });

  it('a 429 without headers backs off and retries without a lookup', async () => {
    await withServer(postScript([() => ({ status: 429, json: { status: 429, title: 'Too many requests' } })]), async (target, seen) => {
      const report = await sendCustomers(target, customers(2), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(methods(seen), ['POST', 'POST']);
      assert.equal(report.created.length, 2);
    });
  });

  it('when the store cannot be asked what was created, those customers are reported as unknown', async () => {
    const script: Script = (request) => (request.method === 'GET' ? { status: 500, text: '' } : { status: 503, text: '' });
    await withServer(script, async (target) => {
      const report = await sendCustomers(target, customers(3), fastOptions({ checkExistingFirst: false, maxRetryTimeMs: 200 }));
      assert.equal(report.failed.length, 3);
      assert.ok(report.failed.every((f) => f.outcomeUnknown === true && f.path === `/${f.index}`));
      assert.match(report.failed[0]!.message, /answered HTTP 503.*could not be asked whether it was created.*may or may not exist.*sending again is safe/i);
    });
  });

  it('when the check before sending fails, nothing is sent and the customers say why', async () => {
    const script: Script = (request) =>
      request.method === 'GET' ? { status: 400, json: { status: 400, title: 'Bad filter' } } : createdAnswer(request.body, 1);
    await withServer(script, async (target, seen) => {
      const report = await sendCustomers(target, customers(3), fastOptions({ checkExistingFirst: true }));
      assert.deepEqual(methods(seen), ['GET']);
      assert.equal(report.failed.length, 3);
      assert.match(
        report.failed[0]!.message,
        /Could not check whether this customer already exists \(the store answered HTTP 400: Bad filter\), so it was not sent/,
      );
    });
  });

  it("without the check first, the store's clock tells a customer that existed before from one this send created", async () => {
    const script: Script = (request) => {
      if (request.method === 'GET') {
        return {
          status: 200,
          json: {
            data: [
              { id: 57, email: 'c0@example.com', date_created: '2024-01-15T10:00:00Z' },
              { id: 58, email: 'c1@example.com', date_created: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
            ],
          },
        };
      }
      return { status: 500, json: { status: 500, title: 'Internal Server Error' } };
    };
    await withServer(script, async (target) => {
      const report = await sendCustomers(target, customers(2), fastOptions({ checkExistingFirst: false }));
      assert.deepEqual(report.created, [{ index: 1, id: 58, email: 'c1@example.com', recovered: true }]);
      assert.deepEqual(
        report.failed.map((f) => [f.index, f.path, f.emailInUse, f.existingId]),
        [[0, '/0/email', true, 57]],
      );
    });
  });

  it('a customer found after an unclear answer, and seen absent before, counts as created by this send', async () => {
    let lookups = 0;
    const script: Script = (request) => {
      if (request.method === 'GET') {
        lookups += 1;
        return lookups === 1 ? emptyLookup : { status: 200, json: { data: [{ id: 5, email: 'c0@example.com' }] } };
      }
      return { reset: true };
    };
    await withServer(script, async (target) => {
      const report = await sendCustomers(target, customers(1), fastOptions());
      assert.deepEqual(report.created, [{ index: 0, id: 5, email: 'c0@example.com', recovered: true }]);
    });
  });
});

describe('sendCustomers in a store with several storefronts', () => {
  /** The store already has c0@example.com on channel 1; created customers are listed with their channels. */
  function storefrontsScript(): Script {
    const created: { id: number; email: string; channel_ids: number[] | null }[] = [];
    return (request) => {
      if (request.method === 'GET') {
        const asked = decodeURIComponent(request.url.split('email:in=')[1] ?? '').split(',');
        const existing = [{ id: 57, email: 'c0@example.com', channel_ids: [1] }, ...created].filter((c) => asked.includes(c.email));
        return { status: 200, json: { data: existing, meta: {} } };
      }
      const sent = JSON.parse(request.body) as { email: string; channel_ids?: number[] }[];
      const records = sent.map((c, i) => ({ id: 300 + created.length + i, email: c.email, channel_ids: c.channel_ids ?? null }));
      created.push(...records);
      return { status: 200, json: { data: records, meta: {} } };
    };
  }

  it('an email on channel 1 does not stop a customer for channel 2; one for channel 1, or for every channel, is not sent', async () => {
    await withServer(storefrontsScript(), async (target) => {
      const values = [
        { email: 'c0@example.com', first_name: 'A', last_name: 'B', channel_ids: [2] },
        { email: 'c0@example.com', first_name: 'A', last_name: 'B', channel_ids: [1, 3] },
      ];
      const forChannel2 = await sendCustomers(target, [{ index: 0, value: values[0] }], fastOptions({ checkExistingFirst: true }));
      assert.deepEqual(
        forChannel2.created.map((c) => [c.index, c.id]),
        [[0, 300]],
      );
      const forChannel1 = await sendCustomers(target, [{ index: 0, value: values[1] }], fastOptions({ checkExistingFirst: true }));
      assert.deepEqual(
        forChannel1.failed.map((f) => [f.emailInUse, f.existingId]),
        [[true, 57]],
      );
      const global = await sendCustomers(
        target,
        [{ index: 0, value: { email: 'c0@example.com', first_name: 'A', last_name: 'B' } }],
        fastOptions({ checkExistingFirst: true }),
      );
      assert.equal(global.failed[0]!.emailInUse, true);
    });
  });

  it('after an unclear answer, the customer found on the channels sent is the one this send created', async () => {
    let posts = 0;
    const base = storefrontsScript();
    const script: Script = (request, count) => {
      const reply = base(request, count);
      if (request.method === 'POST' && ++posts === 1) return { status: 504, text: 'Gateway Timeout' };
      return reply;
    };
    await withServer(script, async (target, seen) => {
      const report = await sendCustomers(
        target,
        [{ index: 0, value: { email: 'c0@example.com', first_name: 'A', last_name: 'B', channel_ids: [2] } }],
        fastOptions({ checkExistingFirst: false }),
      );
      assert.deepEqual(methods(seen), ['POST', 'GET'], 'stored despite the 504: found, not sent again');
      assert.deepEqual(
        report.created.map((c) => [c.id, c.recovered]),
        [[300, true]],
      );
    });
  });
});
