/**
 * A real HTTP server on 127.0.0.1 that answers each request from a script,
 * for answers the sandbox store never gives (504, 501, 507, odd bodies…).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** drop the connection instead of answering */
  reset?: boolean;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Script = (request: SeenRequest, count: number) => ScriptedReply;

export interface ScriptedServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(request);
      const reply = script(request, seen.length);
      const answer = (): void => {
        if (reply.reset) {
          req.socket.destroy();
          return;
        }
        const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
        const headers = { ...(reply.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...reply.headers };
        if (!res.destroyed) res.writeHead(reply.status ?? 200, headers).end(body);
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, reply.delayMs);
        timers.add(timer);
      } else {
        answer();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `{data:[…]}` for the customers of a POST body, ids from `firstId`. */
export function createdAnswer(body: string, firstId: number): ScriptedReply {
  const sent = JSON.parse(body) as Array<{ email: string }>;
  return { status: 200, json: { data: sent.map((c, i) => ({ id: firstId + i, email: c.email })), meta: {} } };
}

export const emptyLookup: ScriptedReply = { status: 200, json: { data: [], meta: {} } };
