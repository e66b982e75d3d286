// Summary statistics for benchmark samples.

/** The q-quantile (0..1) of samples, by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Median, p95 and mean, rounded for reports. */
export function summary(samples: readonly number[]) {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: samples.length, median: r(quantile(samples, 0.5)), p95: r(quantile(samples, 0.95)), mean: r(samples.reduce((a, b) => a + b, 0) / samples.length) };
}
