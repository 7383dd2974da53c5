/**
 * Timing harness. Implementations are measured interleaved — A then B, then
 * B then A: the order rotates every round — so a noisy neighbour on a shared
 * machine slows all alike, and none always pays for garbage the same other
 * left. No forced GC between runs: a full collection leaves lazy sweeping
 * behind that made the next run up to 3× slower than steady state.
 */

export type Task = () => unknown;

export interface RoundPlan {
  /** untimed rounds first, so the JIT has compiled the hot paths */
  warmupRounds: number;
  minRounds: number;
  maxRounds: number;
  /** stop after this much measuring once `minRounds` are done */
  budgetMs: number;
}

export interface PairSamples {
  a: number[];
  b: number[];
}

/** Milliseconds one call takes, awaiting it only if it returns a promise. */
export async function timeOnce(task: Task): Promise<number> {
  const start = performance.now();
  const result = task();
  if (isThenable(result)) await result;
  return performance.now() - start;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export async function measureInterleaved(a: Task, b: Task, plan: RoundPlan): Promise<PairSamples> {
  const [samplesA, samplesB] = await measureRoundRobin([a, b], plan);
  return { a: samplesA!, b: samplesB! };
}

/** Every round runs each task once, starting one task later each round; one sample list per task. */
export async function measureRoundRobin(tasks: readonly Task[], plan: RoundPlan): Promise<number[][]> {
  for (let round = 0; round < plan.warmupRounds; round++) {
    for (const task of tasks) await timeOnce(task);
  }
  const samples = tasks.map((): number[] => []);
  const started = performance.now();
  for (let round = 0; round < plan.maxRounds; round++) {
    if (round >= plan.minRounds && performance.now() - started > plan.budgetMs) break;
    for (let k = 0; k < tasks.length; k++) {
      const which = (round + k) % tasks.length;
      samples[which]!.push(await timeOnce(tasks[which]!));
    }
  }
  return samples;
}

export async function measureAlone(task: Task, plan: RoundPlan): Promise<number[]> {
  const [samples] = await measureRoundRobin([task], plan);
  return samples!;
}
