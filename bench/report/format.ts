/** Number formatting for the table: enough digits to compare, no more. */
import type { Summary } from '../stats';

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 1_000) return `${(value / 1000).toFixed(value >= 10_000 ? 1 : 2)} s`;
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
}

export function medianAndP95(summary: Summary): string {
  return `${ms(summary.medianMs)} (p95 ${ms(summary.p95Ms)}, n=${summary.runs})`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(megabytes: number): string {
  return `${megabytes.toFixed(1)} MB`;
}

export function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

/** A ratio as a signed difference: 1.257 → "+25.7%", 0.9 → "-10.0%". */
export function percent(ratio: number): string {
  const difference = (ratio - 1) * 100;
  return `${difference >= 0 ? '+' : ''}${difference.toFixed(1)}%`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A part of a whole: 0.25 → "25%". */
export function share(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}
