// Cut points suggested from the data: equal-count quantiles, and the values where the cumulative share of
// the total (largest first) reaches 80% / 95% (Pareto / ABC).

function sortedNumbers(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** PERCENTILE.INC of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Thresholds (highest first) splitting the values into `groups` groups of about equal counts. */
export function quantileCuts(values: readonly number[], groups: number): number[] {
  const s = sortedNumbers(values);
  if (s.length === 0 || groups < 2) return [];
  const cuts: number[] = [];
  for (let k = groups - 1; k >= 1; k--) cuts.push(niceRound(percentile(s, k / groups)));
  return cuts;
}

/** The smallest value still inside the top `share` of the total (largest values first), per share. */
export function paretoCuts(values: readonly number[], shares: readonly number[]): number[] {
  const s = sortedNumbers(values).filter((v) => v > 0).reverse();
  const total = s.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  return shares.map((share) => {
    let cum = 0;
    for (const v of s) {
      cum += v;
      if (cum / total >= share - 1e-12) return v;
    }
    return s[s.length - 1] ?? 0;
  });
}

/** Round to 2 significant digits for thresholds people can read (12,345 → 12,000). */
export function niceRound(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const mag = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 1);
  return Math.round(n / mag) * mag;
}

export interface Bin { from: number; to: number; count: number }

/** An equal-width histogram of the values. */
export function histogram(values: readonly number[], bins = 30): Bin[] {
  const s = sortedNumbers(values);
  if (s.length === 0) return [];
  const min = s[0] ?? 0;
  const max = s[s.length - 1] ?? 0;
  if (min === max) return [{ from: min, to: max, count: s.length }];
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
  for (const v of s) {
    const i = Math.min(bins - 1, Math.floor((v - min) / width));
    const bin = out[i];
    if (bin) bin.count++;
  }
  return out;
}

/** Days from a "YYYY-MM-DD" date to the as-of day (positive for past dates). */
export function daysSince(iso: string, asOfMs: number): number {
  return Math.round((asOfMs - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);
}

/** Day limits (smallest first) splitting the rows into `groups` stages of about equal size. */
export function dayCuts(days: readonly number[], groups: number): number[] {
  const s = days.filter((d) => Number.isFinite(d)).sort((a, b) => a - b);
  if (s.length === 0 || groups < 2) return [];
  return Array.from({ length: groups - 1 }, (_, k) => Math.round(percentile(s, (k + 1) / groups)));
}

/** The value below which a share `p` of the rows lie, read off a histogram (linear within a bin). */
export function binQuantile(bins: readonly Bin[], p: number): number {
  const n = bins.reduce((s, b) => s + b.count, 0);
  if (n === 0) return NaN;
  const target = Math.min(1, Math.max(0, p)) * n;
  let seen = 0;
  for (const b of bins) {
    if (b.count > 0 && seen + b.count >= target) return b.from + ((target - seen) / b.count) * (b.to - b.from);
    seen += b.count;
  }
  return bins[bins.length - 1]?.to ?? NaN;
}

/** Where the largest values reach `share` of the total, read off a histogram (each bin's rows at its middle). */
export function binParetoCut(bins: readonly Bin[], share: number): number {
  const sums = bins.map((b) => Math.max(0, (b.from + b.to) / 2) * b.count);
  const total = sums.reduce((a, b) => a + b, 0);
  if (total <= 0) return NaN;
  let cum = 0;
  for (let i = bins.length - 1; i >= 0; i--) {
    const b = bins[i];
    const s = sums[i] ?? 0;
    if (!b || s === 0) continue;
    if ((cum + s) / total >= share - 1e-12) return b.to - ((share * total - cum) / s) * (b.to - b.from);
    cum += s;
  }
  return bins[0]?.from ?? NaN;
}
