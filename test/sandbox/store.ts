/**
 * A local HTTP stand-in for a BigCommerce store's customer endpoints, for tests,
 * benchmarks and the playground. Per request: store hash → token → quota →
 * route → scope → fault → handler, then optional delay, then the answer.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { completeData } from './data.js';
import { FaultInjector, faultReply } from './faults.js';
import { FixedWindowRateLimiter, rateLimitHeaders, retryAfterHeader, type RateLimitSnapshot } from './rateLimit.js';
import { errorReply, methodNotAllowed, missingScope, notFound, tooManyRequests, unauthorized, type Reply } from './replies.js';
import { hasScope, resolveRoute } from './routes/index.js';
import { StoreState } from './state.js';
import type { FaultKind, FaultPlan, RequestRecord, SandboxData, SandboxOptions, SandboxStore, StoredCustomer } from './types.js';
import type { ErrorKeyStyle } from './validation.js';

export type {
  FaultKind,
  FaultMatch,
  FaultPlan,
  FormFieldValue,
  RequestRecord,
  SandboxData,
  SandboxOptions,
  SandboxStore,
  StoredAddress,
  StoredAttributeValue,
  StoredCustomer,
} from './types.js';
export { demoData } from './data.js';

const DEFAULT_SCOPES = ['store_v2_customers', 'store_channel_settings_read_only', 'store_v2_information_read_only'];
/** far above any valid body (10 customers with 10 addresses each); stops a runaway client from filling memory */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** What to do with a request once it has been decided. */
interface Decision {
  /** ignored when `reset` is set */
  reply: Reply;
  /** drop the connection instead of answering */
  reset: boolean;
  /** extra wait on top of `latencyMs` */
  extraDelayMs: number;
}

async function readBody(request: http.IncomingMessage): Promise<{ text: string; tooLarge: boolean } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      // keep draining past the limit so the 413 can still be answered on this connection
      if (size <= MAX_BODY_BYTES) chunks.push(buffer);
    }
  } catch {
    return undefined; // the client went away mid-body
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES };
}

function writeReply(response: http.ServerResponse, reply: Reply, headers: Record<string, string>): void {
  if (response.destroyed || response.writableEnded || response.headersSent) return;
  const allHeaders: Record<string, string> = { ...headers, ...reply.headers };
  let payload = '';
  if (reply.status !== 204) {
    if (reply.html !== undefined) {
      payload = reply.html;
      allHeaders['Content-Type'] = 'text/html; charset=utf-8';
    } else if (reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      allHeaders['Content-Type'] = 'application/json';
    }
    allHeaders['Content-Length'] = String(Buffer.byteLength(payload));
  }
  response.writeHead(reply.status, allHeaders);
  response.end(payload);
}

/** A 422 whose body keeps only `status`, `title` and `type` (the reference makes `errors` optional). */
function withoutErrors(reply: Reply): Reply {
  if (reply.status !== 422 || typeof reply.body !== 'object' || reply.body === null) return reply;
  const { errors: _errors, ...rest } = reply.body as Record<string, unknown>;
  return { ...reply, body: rest };
}

class Sandbox implements SandboxStore {
  readonly storeHash: string;
  readonly accessToken: string;
  private port = 0;
  private state: StoreState;
  private scopes: string[];
  private log: RequestRecord[] = [];
  private readonly limiter: FixedWindowRateLimiter;
  private readonly faults: FaultInjector;
  private readonly latencyMs: number;
  private readonly errorKeyStyle: ErrorKeyStyle;
  private unprocessableWithoutErrors: boolean;
  private readonly server: http.Server;
  /** pending delayed answers, so close() can drop them instead of waiting */
  private readonly delays = new Map<NodeJS.Timeout, () => void>();
  private closing: Promise<void> | undefined;
  private stageListener: ((stage: 'received' | 'handled', record: RequestRecord) => void) | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SandboxOptions) {
    this.now = options.now ?? Date.now;
    this.storeHash = options.storeHash ?? 'demo123';
    this.accessToken = options.accessToken ?? 'sandbox-token';
    this.scopes = [...(options.scopes ?? DEFAULT_SCOPES)];
    this.state = new StoreState(completeData(options.data));
    this.limiter = new FixedWindowRateLimiter(options.quota ?? 150, options.windowMs ?? 30_000, this.now);
    this.faults = new FaultInjector(options.seed ?? 1);
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.errorKeyStyle = options.errorKeyStyle ?? 'indexed';
    this.unprocessableWithoutErrors = options.unprocessableWithoutErrors ?? false;
    this.server = http.createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  customers(): StoredCustomer[] {
    return structuredClone([...this.state.customers]);
  }

  requests(): RequestRecord[] {
    return this.log.map((record) => ({ ...record }));
  }

  setFaults(plan: FaultPlan | null): void {
    this.faults.setPlan(plan);
  }

  onRequestStage(listener: ((stage: 'received' | 'handled', record: RequestRecord) => void) | null): void {
    this.stageListener = listener;
  }

  setScopes(scopes: string[]): void {
    this.scopes = [...scopes];
  }

  setUnprocessableWithoutErrors(on: boolean): void {
    this.unprocessableWithoutErrors = on;
  }

  reset(data?: Partial<SandboxData>): void {
    this.state = new StoreState(completeData(data ?? this.options.data));
    this.log = [];
    this.limiter.reset();
    this.faults.reset();
    this.scopes = [...(this.options.scopes ?? DEFAULT_SCOPES)];
    this.unprocessableWithoutErrors = this.options.unprocessableWithoutErrors ?? false;
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const [timer, drop] of this.delays) {
        clearTimeout(timer);
        drop();
      }
      this.delays.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  /** Resolves true after `ms`, or false at once if the store closes first. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve(true);
      }, ms);
      this.delays.set(timer, () => resolve(false));
    });
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = queryStart < 0 ? '' : rawUrl.slice(queryStart + 1);
    const record: RequestRecord = { method: request.method ?? 'GET', path, query, status: 0, at: this.now(), customersStored: 0 };
    this.log.push(record);
    this.stageListener?.('received', { ...record });
    // a client that hangs up must never take the server down
    request.on('error', () => undefined);
    response.on('error', () => undefined);

    const headers: Record<string, string> = { 'x-request-id': randomUUID() };
    try {
      const body = await readBody(request);
      if (!body || this.closing) return;
      const decision = this.decide(request, record, path, query, body, headers);
      record.status = decision.reset ? 0 : decision.reply.status;
      const delay = this.latencyMs + decision.extraDelayMs;
      if (delay > 0 && !(await this.wait(delay))) return;
      if (decision.reset) request.socket.destroy();
      else writeReply(response, decision.reply, headers);
    } catch {
      record.status = 500;
      try {
        writeReply(response, errorReply(500, 'Internal Server Error'), headers);
      } catch {
        response.destroy();
      }
    }
  }

  private decide(
    request: http.IncomingMessage,
    record: RequestRecord,
    path: string,
    query: string,
    body: { text: string; tooLarge: boolean },
    headers: Record<string, string>,
  ): Decision {
    const answer = (reply: Reply, snapshot: RateLimitSnapshot = this.limiter.peek()): Decision => {
      Object.assign(headers, rateLimitHeaders(snapshot));
      return { reply, reset: false, extraDelayMs: 0 };
    };

    const storePrefix = `/stores/${this.storeHash}/`;
    if (!path.startsWith(storePrefix)) return answer(notFound());
    const rawToken = request.headers['x-auth-token'];
    const token = Array.isArray(rawToken) ? rawToken[0] : rawToken;
    if (token !== this.accessToken) return answer(unauthorized());

    const quota = this.limiter.take();
    if (!quota.allowed) {
      Object.assign(headers, retryAfterHeader(quota.snapshot));
      return answer(tooManyRequests(), quota.snapshot);
    }

    const match = resolveRoute(request.method ?? 'GET', path.slice(storePrefix.length - 1));
    if (match.kind === 'not-found') return answer(notFound(), quota.snapshot);
    if (match.kind === 'method-not-allowed') return answer(methodNotAllowed(), quota.snapshot);
    if (!hasScope(match.route, this.scopes)) return answer(missingScope(), quota.snapshot);
    if (body.tooLarge) return answer(errorReply(413, 'Request Entity Too Large'), quota.snapshot);

    const fault: FaultKind | undefined = this.faults.next(match.route.faultKey);
    if (fault) record.fault = fault;
    if (fault === '429') {
      Object.assign(headers, retryAfterHeader(quota.snapshot));
      return answer(tooManyRequests(), quota.snapshot);
    }
    const replacement = fault ? faultReply(fault) : undefined;
    if (replacement) return answer(replacement, quota.snapshot);
    if (fault === 'reset-before-store') return { reply: { status: 0 }, reset: true, extraDelayMs: 0 };

    const outcome = match.route.handle({
      state: this.state,
      query: new URLSearchParams(query),
      body: body.text,
      pathParams: match.pathParams,
      errorKeyStyle: this.errorKeyStyle,
    });
    record.customersStored = outcome.stored;
    this.stageListener?.('handled', { ...record });
    const decision = answer(
      this.unprocessableWithoutErrors && match.route.faultKey === 'POST /v3/customers' ? withoutErrors(outcome.reply) : outcome.reply,
      quota.snapshot,
    );
    if (fault === 'reset-after-store') return { ...decision, reset: true };
    if (fault === 'slow') return { ...decision, extraDelayMs: this.faults.slowMs };
    return decision;
  }
}

export async function startSandboxStore(options: SandboxOptions = {}): Promise<SandboxStore> {
  const sandbox = new Sandbox(options);
  await sandbox.listen(options.port ?? 0);
  return sandbox;
}
