/** Summaries of timing samples: the median says what is typical, p95 what a bad moment costs. */
export interface Summary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  meanMs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { runs: 0, medianMs: NaN, p95Ms: NaN, minMs: NaN, meanMs: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0]!,
    meanMs: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
  };
}

/** Linear interpolation between closest ranks, on sorted samples. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function median(samples: readonly number[]): number {
  return summarize(samples).medianMs;
}
