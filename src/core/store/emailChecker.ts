/**
 * Tells the editor which emails of a file already belong to customers of the
 * store, without flooding the store while the user types: lookups wait until
 * edits pause, answers (found or not) are remembered per store and email, only
 * emails without a fresh answer are asked, at most ten per request, each email
 * at most once at a time, and one store's requests run one after another.
 */
import { DEFAULT_BACKOFF_BASE_MS, type BackoffPolicy } from '../send/backoff';
import { EMAILS_PER_LOOKUP, lookupEmails, type LookupResult } from '../send/lookup';
import { RateLimitPacer } from '../send/rateLimit';
import { normalizeEmail } from '../email';
import { StoreClient, type RequestLogEntry, type StorePorts } from '../send/storeClient';
import { checkStoreTarget, type StoreTarget } from '../send/storeTarget';
import { RetryClock } from '../send/waiting';
import type { ExistingCustomer } from './channelAccess';

export interface EmailAnswer {
  found: boolean;
  /** the store's customer id, when found */
  customerId?: number;
  /** every customer of the store with this email, with its channel access, when the lookup told */
  customers?: ExistingCustomer[];
  /** when the store answered (ms since the epoch) */
  answeredAt: number;
}

export interface CheckerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Asks the store about at most ten emails; the default uses `lookupEmails` through a paced `StoreClient`. */
export type EmailLookup = (target: StoreTarget, emails: string[], signal: AbortSignal) => Promise<LookupResult>;

export interface ExistingEmailCheckerOptions extends StorePorts {
  /** quiet time after the last edit before asking, default 500 ms */
  debounceMs?: number;
  /** answers older than this are asked again, default 10 minutes */
  maxAgeMs?: number;
  /** after a failed lookup, the store is not asked again for this long, default 60 s */
  retryAfterFailureMs?: number;
  /** told when new answers (or a failure) for a store arrive */
  onChange?(storeHash: string): void;
  now?: () => number;
  timers?: CheckerTimers;
  lookup?: EmailLookup;
  /** for the default lookup */
  timeoutMs?: number;
  userAgent?: string;
  onRequest?: (entry: RequestLogEntry) => void;
  /** the pacer of a store, to share its quota with other clients; default one per store */
  pacerFor?(storeHash: string): RateLimitPacer;
  /** for the default lookup: how long a failing store is retried within one lookup, default 3000 ms */
  maxRetryTimeMs?: number;
}

/** Plausible enough to ask about: something@something.tld, without spaces or commas (the list separator). */
const ASKABLE = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

interface StoreState {
  target: StoreTarget;
  answers: Map<string, EmailAnswer>;
  /** emails the latest edit burst wants answered */
  wanted: Set<string>;
  timer?: unknown;
  /** asked or waiting in `queue`: never asked a second time meanwhile */
  claimed: Set<string>;
  queue: string[][];
  draining?: Promise<void> | undefined;
  failure?: { message: string; at: number } | undefined;
}

export class ExistingEmailChecker {
  private readonly stores = new Map<string, StoreState>();
  private readonly pacers = new Map<string, RateLimitPacer>();
  private readonly controller = new AbortController();
  private readonly debounceMs: number;
  private readonly maxAgeMs: number;
  private readonly retryAfterFailureMs: number;
  private readonly now: () => number;
  private readonly timers: CheckerTimers;
  private readonly lookup: EmailLookup;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly options: ExistingEmailCheckerOptions = {}) {
    this.debounceMs = Math.max(0, options.debounceMs ?? 500);
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 60_000;
    const clock = options.clock;
    this.now = options.now ?? (clock ? () => clock.now() : Date.now);
    this.timers = options.timers ?? realTimers;
    this.lookup = options.lookup ?? ((target, emails, signal) => this.defaultLookup(target, emails, signal));
  }

  /** Called on every edit with the file's emails; asks the store once the edits pause. */
  check(target: StoreTarget, emails: Iterable<string>): void {
    if (this.disposed || checkStoreTarget(target)) return;
    const state = this.stateOf(target);
    state.wanted = new Set([...emails].map(normalizeEmail).filter((e) => ASKABLE.test(e)));
    if (state.timer !== undefined) this.timers.clearTimeout(state.timer);
    state.timer = this.timers.setTimeout(() => {
      state.timer = undefined;
      this.askFor(state);
      this.settleIfIdle();
    }, this.debounceMs);
  }

  /** Lower-cased email → customer id, for the emails known to exist (all of the store's, or only `emails`). */
  existing(storeHash: string, emails?: Iterable<string>): Map<string, number> {
    const answers = this.stores.get(storeHash)?.answers;
    const found = new Map<string, number>();
    if (!answers) return found;
    const keys = emails ? [...emails].map(normalizeEmail) : [...answers.keys()];
    for (const key of keys) {
      const answer = answers.get(key);
      if (answer?.found && answer.customerId !== undefined) found.set(key, answer.customerId);
    }
    return found;
  }

  /** Lower-cased email → the store's customers with it (each with its channel access), for the emails known to exist. */
  existingCustomers(storeHash: string, emails?: Iterable<string>): Map<string, ExistingCustomer[]> {
    const answers = this.stores.get(storeHash)?.answers;
    const found = new Map<string, ExistingCustomer[]>();
    if (!answers) return found;
    const keys = emails ? [...emails].map(normalizeEmail) : [...answers.keys()];
    for (const key of keys) {
      const customers = answers.get(key)?.customers;
      if (customers?.length)
        found.set(
          key,
          customers.map((c) => ({ ...c })),
        );
    }
    return found;
  }

  answer(storeHash: string, email: string): EmailAnswer | undefined {
    const answer = this.stores.get(storeHash)?.answers.get(normalizeEmail(email));
    return answer && { ...answer };
  }

  /** Why the latest lookup failed, while the store is left alone because of it. */
  problem(storeHash: string): string | undefined {
    const failure = this.stores.get(storeHash)?.failure;
    return failure && this.now() - failure.at < this.retryAfterFailureMs ? failure.message : undefined;
  }

  /** Asks now for what the pending edits want, instead of waiting for the pause. */
  flush(): void {
    for (const state of this.stores.values()) {
      if (state.timer === undefined) continue;
      this.timers.clearTimeout(state.timer);
      state.timer = undefined;
      this.askFor(state);
    }
    this.settleIfIdle();
  }

  /** Resolves once no edit is waiting for its pause and no lookup is running. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forgets a store's answers (all stores' without an argument), e.g. after its credentials changed. */
  forget(storeHash?: string): void {
    for (const [hash, state] of this.stores) {
      if (storeHash !== undefined && hash !== storeHash) continue;
      if (state.timer !== undefined) this.timers.clearTimeout(state.timer);
      this.stores.delete(hash);
    }
    this.settleIfIdle();
  }

  dispose(): void {
    this.disposed = true;
    this.controller.abort();
    this.forget();
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private stateOf(target: StoreTarget): StoreState {
    let state = this.stores.get(target.storeHash);
    if (!state) {
      state = { target, answers: new Map(), wanted: new Set(), claimed: new Set(), queue: [] };
      this.stores.set(target.storeHash, state);
    }
    state.target = target;
    return state;
  }

  /** Queues the wanted emails that have no fresh answer and are not being asked already. */
  private askFor(state: StoreState): void {
    if (state.failure && this.now() - state.failure.at < this.retryAfterFailureMs) return;
    const now = this.now();
    const unanswered = [...state.wanted].filter((email) => {
      if (state.claimed.has(email)) return false;
      const answer = state.answers.get(email);
      return answer === undefined || now - answer.answeredAt > this.maxAgeMs;
    });
    for (let start = 0; start < unanswered.length; start += EMAILS_PER_LOOKUP) {
      const chunk = unanswered.slice(start, start + EMAILS_PER_LOOKUP);
      chunk.forEach((email) => state.claimed.add(email));
      state.queue.push(chunk);
    }
    if (state.queue.length > 0 && !state.draining) {
      state.draining = this.drain(state).finally(() => {
        state.draining = undefined;
        this.settleIfIdle();
      });
    }
  }

  /** One request at a time per store, so its requests are paced one after another. */
  private async drain(state: StoreState): Promise<void> {
    for (let chunk = state.queue.shift(); chunk; chunk = state.queue.shift()) {
      let result: LookupResult;
      try {
        result = await this.lookup(state.target, chunk, this.controller.signal);
      } catch (error) {
        result = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      if (this.disposed || this.stores.get(state.target.storeHash) !== state) return;
      chunk.forEach((email) => state.claimed.delete(email));
      if (!result.ok) {
        if (result.cancelled) return;
        // A failing store is left alone for a while: drop what was queued and say why.
        state.failure = { message: result.message, at: this.now() };
        state.queue
          .splice(0)
          .flat()
          .forEach((email) => state.claimed.delete(email));
        this.notify(state.target.storeHash);
        return;
      }
      state.failure = undefined;
      const answeredAt = this.now();
      for (const email of chunk) {
        const customerId = result.found.get(email);
        const customers = result.customers?.get(email);
        state.answers.set(
          email,
          customerId === undefined ? { found: false, answeredAt } : { found: true, customerId, answeredAt, ...(customers ? { customers } : {}) },
        );
      }
      this.notify(state.target.storeHash);
    }
  }

  private async defaultLookup(target: StoreTarget, emails: string[], signal: AbortSignal): Promise<LookupResult> {
    const client = new StoreClient(target, this.clientOptions(), this.pacerOf(target.storeHash));
    const backoff: BackoffPolicy = { baseMs: DEFAULT_BACKOFF_BASE_MS, capMs: 2_000, random: Math.random };
    return lookupEmails(client, emails, {
      clock: new RetryClock(this.options.maxRetryTimeMs ?? 3_000, () => client.clock.now()),
      backoff,
      signal,
      note: 'look up existing emails while editing',
      maxPerRequest: EMAILS_PER_LOOKUP,
      reading: true,
    });
  }

  private clientOptions(): ConstructorParameters<typeof StoreClient>[1] {
    const { timeoutMs, userAgent, onRequest, transport, clock } = this.options;
    return {
      ...(transport ? { transport } : {}),
      ...(clock ? { clock } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(userAgent !== undefined ? { userAgent } : {}),
      ...(onRequest ? { onRequest } : {}),
    };
  }

  private pacerOf(storeHash: string): RateLimitPacer {
    if (this.options.pacerFor) return this.options.pacerFor(storeHash);
    let pacer = this.pacers.get(storeHash);
    if (!pacer) {
      pacer = new RateLimitPacer(this.now);
      this.pacers.set(storeHash, pacer);
    }
    return pacer;
  }

  private notify(storeHash: string): void {
    if (this.disposed) return;
    try {
      this.options.onChange?.(storeHash);
    } catch {
      // A faulty listener must not stop the lookups.
    }
  }

  private isIdle(): boolean {
    for (const state of this.stores.values()) {
      if (state.timer !== undefined || state.draining) return false;
    }
    return true;
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}

const realTimers: CheckerTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending pause must not keep a command-line process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
