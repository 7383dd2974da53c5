/**
 * The HTTP transport of the CLI and the VS Code extension: the part of `fetch` the transport
 * uses, over Node's own `http` and `https` modules. Nothing is bundled for it, it is ready from
 * the first request, and its errors keep Node's codes (ECONNREFUSED, ERR_INVALID_CHAR, …).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { fetchTransport, type FetchLike } from '../core/send/http';

const nodeFetch: FetchLike = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    // Redirects are never followed: Node's http does not follow them.
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method: init.method, headers: init.headers, signal: init.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve(answerOf(response, Buffer.concat(chunks).toString('utf8'))));
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });

function answerOf(response: IncomingMessage, text: string): Awaited<ReturnType<FetchLike>> {
  return {
    status: response.statusCode ?? 0,
    headers: {
      forEach: (callback) => {
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) callback(Array.isArray(value) ? value.join(', ') : value, name);
      },
    },
    text: () => Promise.resolve(text),
  };
}

export const nodeTransport = fetchTransport(() => nodeFetch);
