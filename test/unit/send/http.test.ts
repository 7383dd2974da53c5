import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nodeTransport as performHttp } from '../../../src/node/nodeTransport';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from './scriptedServer';

describe('the Node transport', () => {
  let server: ScriptedServer;
  before(async () => {
    server = await startScriptedServer((request): ScriptedReply => {
      switch (request.url) {
        case '/json':
          return { status: 201, json: { data: [1] }, headers: { 'X-Request-ID': 'req-1', 'X-Rate-Limit-Requests-Left': '9' } };
        case '/html':
          return { status: 502, text: '<html><title>502 Bad Gateway</title></html>', headers: { 'Content-Type': 'text/html' } };
        case '/slow':
          return { status: 200, json: {}, delayMs: 1_000 };
        case '/reset':
          return { reset: true };
        case '/redirect':
          return { status: 302, headers: { Location: '/json' } };
        default:
          return { status: 204 };
      }
    });
  });
  after(() => server.close());

  const get = (path: string, timeoutMs = 2_000) =>
    performHttp({ method: 'GET', url: `${server.url}${path}`, headers: { 'X-Auth-Token': 'secret-token-123' }, timeoutMs });

  it('returns status, lower-cased headers, text, parsed JSON and the request id', async () => {
    const outcome = await get('/json');
    assert.equal(outcome.kind, 'answer');
    if (outcome.kind !== 'answer') return;
    assert.equal(outcome.status, 201);
    assert.equal(outcome.headers['x-rate-limit-requests-left'], '9');
    assert.deepEqual(outcome.json, { data: [1] });
    assert.equal(outcome.isJson, true);
    assert.equal(outcome.requestId, 'req-1');
    assert.ok(outcome.durationMs >= 0);
  });

  it('keeps non-JSON bodies as text', async () => {
    const outcome = await get('/html');
    assert.ok(outcome.kind === 'answer' && !outcome.isJson && outcome.text.includes('Bad Gateway'));
  });

  it('turns a timeout into a value', async () => {
    const outcome = await get('/slow', 150);
    assert.equal(outcome.kind, 'timeout');
    assert.ok(outcome.durationMs < 900, `gave up in time (${outcome.durationMs} ms)`);
  });

  it('turns a dropped connection and a refused one into values without the token or URL', async () => {
    const reset = await get('/reset');
    assert.equal(reset.kind, 'network-error');
    const refused = await performHttp({ method: 'GET', url: 'http://127.0.0.1:1/x', headers: { 'X-Auth-Token': 'secret-token-123' }, timeoutMs: 2_000 });
    assert.equal(refused.kind, 'network-error');
    for (const outcome of [reset, refused]) {
      assert.ok(!outcome.message.includes('secret-token-123'));
      assert.ok(!outcome.message.includes('127.0.0.1'), outcome.message);
    }
    assert.match(refused.message, /refused/);
  });

  it('refuses a token HTTP headers cannot carry before sending anything, without repeating it', async () => {
    const outcome = await performHttp({ method: 'GET', url: `${server.url}/json`, headers: { 'X-Auth-Token': 'secret\ntoken-123' }, timeoutMs: 2_000 });
    assert.ok(outcome.kind === 'network-error' && outcome.neverSent);
    assert.match(outcome.message, /header could not be sent/);
    assert.ok(!outcome.message.includes('token-123'));
  });

  it('does not follow redirects, so the token is never forwarded', async () => {
    const before = server.seen.length;
    const outcome = await get('/redirect');
    assert.ok(outcome.kind === 'answer' && outcome.status === 302);
    assert.equal(server.seen.length, before + 1);
  });
});
