/** Fault injection: which request gets which failure, and what the failing answers look like. */
import { seededRandom, type Random } from '../../src/core/random.js';
import { errorReply, type Reply } from './replies.js';
import type { FaultKind, FaultPlan } from './types.js';

export const DEFAULT_SLOW_MS = 30_000;
const DEFAULT_MATCH = 'POST /v3/customers';

export class FaultInjector {
  private plan: FaultPlan | null = null;
  private queue: FaultKind[] = [];
  private random: Random;

  constructor(private readonly seed: number) {
    this.random = seededRandom(seed);
  }

  setPlan(plan: FaultPlan | null): void {
    this.plan = plan ? structuredClone(plan) : null;
    this.queue = [...(plan?.queue ?? [])];
  }

  /** Clears the plan and restarts the PRNG, so a reset store replays the same faults. */
  reset(): void {
    this.setPlan(null);
    this.random = seededRandom(this.seed);
  }

  get slowMs(): number {
    return this.plan?.slowMs ?? DEFAULT_SLOW_MS;
  }

  /** The fault for a request to `routeKey` (e.g. "POST /v3/customers"), if any; consumes it. */
  next(routeKey: string): FaultKind | undefined {
    const plan = this.plan;
    if (!plan) return undefined;
    const match = plan.match ?? DEFAULT_MATCH;
    if (match !== 'any' && match !== routeKey) return undefined;
    const queued = this.queue.shift();
    if (queued !== undefined) return queued;
    const random = plan.random;
    if (!random || random.kinds.length === 0 || random.rate <= 0) return undefined;
    if (this.random() >= random.rate) return undefined;
    return random.kinds[Math.floor(this.random() * random.kinds.length)];
  }
}

/** What a gateway or proxy in front of the store answers when it gives up. */
const PROXY_502_PAGE = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** The answer of a fault that replaces the normal answer, or undefined for faults that act on the socket or timing. */
export function faultReply(kind: FaultKind): Reply | undefined {
  switch (kind) {
    case '500':
      return errorReply(500, 'Internal Server Error');
    case '502':
      return errorReply(502, 'Bad Gateway');
    case '503':
      return errorReply(503, 'Service Unavailable');
    case 'non-json':
      return { status: 502, html: PROXY_502_PAGE };
    default:
      return undefined;
  }
}
