// Timing, memory and printing helpers shared by every benchmark. Timings are medians after a warm-up;
// they are printed beside a baseline measured in the same process, never asserted.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Timing {
  /** Median of the timed runs, in milliseconds. */
  readonly median: number;
  readonly min: number;
  readonly runs: number;
}

let gcFunction: (() => void) | undefined;

/** A full garbage collection, also without --expose-gc (the flag is switched on for a fresh context). */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('gc');
    gcFunction = typeof found === 'function' ? () => void found() : () => undefined;
  }
  gcFunction();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/**
 * Runs `fn` `warmup` times untimed, then at least `runs` times timed (more for fast work, until about 300 ms
 * have been timed, at most 100 runs), and returns the median. One GC before the series, none between runs:
 * a forced GC leaves lazy sweeping to the next run, which then pays for the whole heap.
 */
export async function measure(fn: () => unknown, runs = 5, warmup = 1): Promise<Timing> {
  collectGarbage();
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  let total = 0;
  while (times.length < runs || (total < 300 && times.length < 100)) {
    const start = performance.now();
    await fn();
    const time = performance.now() - start;
    times.push(time);
    total += time;
  }
  return { median: median(times), min: Math.min(...times), runs: times.length };
}

/** Times one call (for work too slow to repeat). */
export async function timeOnce(fn: () => unknown): Promise<number> {
  collectGarbage();
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** "PASS" or "MISS" for a figure against its target. */
export function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'MISS';
}

export function rowsLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

/** Lines printed under a benchmark's heading, aligned as a small table. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}
