/**
 * A store that misbehaves on purpose, over real HTTP on 127.0.0.1: it echoes
 * the token, answers with customers it was not sent, asks for an hour's wait,
 * or is not there at all.
 */
import { createdAnswer, emptyLookup, startScriptedServer, type ScriptedReply, type ScriptedServer } from './scriptedServer';

export type Misbehaviour =
  /** every POST is refused with a body quoting the request's X-Auth-Token header */
  | 'echo-token'
  /** the first POST is answered 200 with customers the request did not send */
  | 'foreign-emails'
  /** the first POST is answered 429 with X-Retry-After: 3600 */
  | 'hour-429'
  /** every answer says the quota is spent for an hour: X-Rate-Limit-Requests-Left: 0, reset in 3600000 ms */
  | 'hour-window';

const HOUR_MS = 3_600_000;

export function startMisbehavingStore(misbehaviour: Misbehaviour): Promise<ScriptedServer> {
  let posts = 0;
  return startScriptedServer((request): ScriptedReply => {
    const token = String(request.headers['x-auth-token'] ?? '');
    const hourWindow: Record<string, string> =
      misbehaviour === 'hour-window'
        ? { 'X-Rate-Limit-Requests-Left': '0', 'X-Rate-Limit-Requests-Quota': '150', 'X-Rate-Limit-Time-Reset-Ms': String(HOUR_MS) }
        : {};
    if (request.method === 'GET') return { ...emptyLookup, headers: hourWindow };
    posts += 1;
    switch (misbehaviour) {
      case 'echo-token':
        return {
          status: 400,
          json: { status: 400, title: `Invalid token ${token}`, detail: `header X-Auth-Token: ${token}` },
          headers: { 'X-Request-ID': `req-${token}` },
        };
      case 'foreign-emails':
        if (posts === 1)
          return {
            status: 200,
            json: {
              data: [
                { id: 9001, email: 'someone.else@example.com' },
                { id: 9002, email: 'another@example.com' },
              ],
            },
          };
        return createdAnswer(request.body, 100 * posts);
      case 'hour-429':
        if (posts === 1) return { status: 429, json: { status: 429, title: 'Too many requests' }, headers: { 'X-Retry-After': '3600' } };
        return createdAnswer(request.body, 100 * posts);
      case 'hour-window':
        return { ...createdAnswer(request.body, 100 * posts), headers: hourWindow };
    }
  });
}
