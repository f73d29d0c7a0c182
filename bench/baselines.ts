// Hand-written implementations of the benchmarked formulas: what a careful programmer would write for one
// column, with one sort or one hash per column function. They must be right, or the ratios mean nothing
// (data.test.ts checks them on a tiny table). Output is in the JSON form the engine returns.
import type { Customers, Orders } from './data';

export type Cell = number | string | boolean | null | { error: string; message?: string };

/** (a) IFS({amount}>=5000,"T1",{amount}>=2000,"T2",{amount}>=500,"T3",TRUE,"T4") */
export function valueTier(amount: Float64Array): Cell[] {
  const out = new Array<Cell>(amount.length);
  for (let i = 0; i < amount.length; i++) {
    const a = amount[i] ?? 0;
    out[i] = a >= 5000 ? 'T1' : a >= 2000 ? 'T2' : a >= 500 ? 'T3' : 'T4';
  }
  return out;
}

function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/** Index of the first element >= value in an ascending array (= count of elements < value). */
export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** (b) ABC: PARETO share = Σ values >= v / Σ all; A while <= 0.8, B while <= 0.95, else C. One sort. */
export function abc(amount: Float64Array): Cell[] {
  const sorted = sortedCopy(amount);
  const n = sorted.length;
  const suffix = new Float64Array(n + 1);
  for (let j = n - 1; j >= 0; j--) suffix[j] = (suffix[j + 1] ?? 0) + (sorted[j] ?? 0);
  const total = suffix[0] ?? 0;
  const out = new Array<Cell>(n);
  for (let i = 0; i < n; i++) {
    const share = (suffix[lowerBound(sorted, amount[i] ?? 0)] ?? 0) / total;
    out[i] = share <= 0.8 ? 'A' : share <= 0.95 ? 'B' : 'C';
  }
  return out;
}

/** NTILE(column, value, n) for every row: MIN(n, 1 + INT(n * count(< value) / count)). One sort. */
export function ntile(values: Float64Array, buckets: number): Float64Array {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.min(buckets, 1 + Math.floor((buckets * lowerBound(sorted, values[i] ?? 0)) / n));
  }
  return out;
}

function average(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum / values.length;
}

export interface RfmResult {
  readonly r: Cell[];
  readonly f: Cell[];
  readonly m: Cell[];
  readonly segment: Cell[];
}

/** Segment letters R, F, M by bits 4, 2, 1 (H when set). */
const SEGMENTS = ['LLL', 'LLH', 'LHL', 'LHH', 'HLL', 'HLH', 'HHL', 'HHH'] as const;

/** (c) RFM: R = 6 − NTILE(recency), F and M = NTILE; segment letters against the averages (HHH…LLL). */
export function rfm(c: Customers): RfmResult {
  const rScore = ntile(c.recency, 5);
  const fScore = ntile(c.frequency, 5);
  const mScore = ntile(c.amount, 5);
  const avgR = average(c.recency);
  const avgF = average(c.frequency);
  const avgM = average(c.amount);
  const r = new Array<Cell>(c.n);
  const f = new Array<Cell>(c.n);
  const m = new Array<Cell>(c.n);
  const segment = new Array<Cell>(c.n);
  for (let i = 0; i < c.n; i++) {
    r[i] = 6 - (rScore[i] ?? 0);
    f[i] = fScore[i] ?? 0;
    m[i] = mScore[i] ?? 0;
    const key = ((c.recency[i] ?? 0) <= avgR ? 4 : 0) | ((c.frequency[i] ?? 0) >= avgF ? 2 : 0) | ((c.amount[i] ?? 0) >= avgM ? 1 : 0);
    segment[i] = SEGMENTS[key] ?? null;
  }
  return { r, f, m, segment };
}

export interface AggregatesResult {
  readonly sum: Cell[];
  readonly count: Cell[];
  readonly max: Cell[];
}

function lookupEach(ids: Float64Array, map: Map<number, number>, empty: number): Float64Array {
  const out = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = map.get(ids[i] ?? 0) ?? empty;
  return out;
}

/** SUMIFS(Orders[amount], Orders[customer_id], {id}): one hash of the orders, one lookup per customer. */
export function sumIfs(ids: Float64Array, o: Orders): Float64Array {
  const map = new Map<number, number>();
  for (let j = 0; j < o.n; j++) {
    const key = o.customerId[j] ?? 0;
    map.set(key, (map.get(key) ?? 0) + (o.amount[j] ?? 0));
  }
  return lookupEach(ids, map, 0);
}

export function countIfs(ids: Float64Array, o: Orders): Float64Array {
  const map = new Map<number, number>();
  for (let j = 0; j < o.n; j++) {
    const key = o.customerId[j] ?? 0;
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return lookupEach(ids, map, 0);
}

export function maxIfs(ids: Float64Array, o: Orders): Float64Array {
  const map = new Map<number, number>();
  for (let j = 0; j < o.n; j++) {
    const key = o.customerId[j] ?? 0;
    const value = o.date[j] ?? 0;
    const seen = map.get(key);
    if (seen === undefined || value > seen) map.set(key, value);
  }
  return lookupEach(ids, map, 0);
}

/** (d) the three formulas, each with its own hash (as three formula columns would); MAXIFS dates as serials. */
export function aggregates(ids: Float64Array, o: Orders): AggregatesResult {
  return { sum: Array.from(sumIfs(ids, o)), count: Array.from(countIfs(ids, o)), max: Array.from(maxIfs(ids, o)) };
}
