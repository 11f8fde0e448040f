/** Nearest-rank percentile: the value below which p% of the samples fall. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const ms = (value: number): string => `${value.toFixed(1)}ms`;
export const ratio = (ours: number, bare: number): string => (ours / bare).toFixed(2);
