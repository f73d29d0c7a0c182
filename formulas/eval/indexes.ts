// Per-evaluation column indexes (FORMULAS.md "Speed"). Each is built once per evaluation through
// EvalContext.memo and then answers every row: sorting costs O(n log n) once, each row a binary search
// or a hash lookup, so a whole table is O(n log n), never O(n²).
import { numbersEqual, round15 } from '../types/coercion';
import type { Column, EvalContext } from './context';
import { DateValue, ErrorValue, type Value } from './values';

/**
 * The numbers (and dates, as serials) of a column, ascending. Values are kept as they are (rounding a
 * million values to 15 digits costs more than the sort); countBelow/countAtMost apply 15-digit equality.
 */
export interface SortedNumbers {
  readonly values: Float64Array;
  /** The first error value in the column, in row order. */
  readonly firstError: ErrorValue | undefined;
  /** suffix[i] = sum of values[i..]; suffix[length] = 0. */
  readonly suffix: Float64Array;
}

const byIdentity = new WeakMap<EvalContext, WeakMap<object, Map<string, unknown>>>();

/**
 * ctx.memo with a fast path by object identity: a column function runs once per row, and building the
 * memo's string key on every row would cost more than the lookup. The first call per (context, owner,
 * tag) goes through ctx.memo under `tag:key`, so equal columns still share one index.
 */
export function memoOn<T>(ctx: EvalContext, owner: object, tag: string, key: () => string, build: () => T): T {
  let owners = byIdentity.get(ctx);
  if (owners === undefined) {
    owners = new WeakMap();
    byIdentity.set(ctx, owners);
  }
  let tags = owners.get(owner);
  if (tags === undefined) {
    tags = new Map();
    owners.set(owner, tags);
  }
  if (tags.has(tag)) return tags.get(tag) as T;
  const value = ctx.memo(`${tag}:${key()}`, build);
  tags.set(tag, value);
  return value;
}

export function sortedNumbers(ctx: EvalContext, column: Column): SortedNumbers {
  return memoOn(ctx, column, 'sorted', () => column.key, () => {
    const source = column.values;
    const values = new Float64Array(source.length);
    let n = 0;
    let firstError: ErrorValue | undefined;
    for (const v of source) {
      if (typeof v === 'number') values[n++] = v;
      else if (v instanceof DateValue) values[n++] = v.serial;
      else if (v instanceof ErrorValue) firstError ??= v;
    }
    const sorted = values.slice(0, n).sort(); // typed arrays sort numerically
    const suffix = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] ?? 0) + (sorted[i] ?? 0);
    return { values: sorted, firstError, suffix };
  });
}

/** How many values are below x, values equal to x at 15 significant digits not counted (settled 5). */
export function countBelow(values: Float64Array, x: number): number {
  let i = lowerBound(values, x);
  while (i > 0 && numbersEqual(values[i - 1] ?? 0, x)) i--;
  return i;
}

/** How many values are at most x, values equal to x at 15 significant digits counted. */
export function countAtMost(values: Float64Array, x: number): number {
  let i = upperBound(values, x);
  while (i < values.length && numbersEqual(values[i] ?? 0, x)) i++;
  return i;
}

/** First index whose value is ≥ x (exact comparison). */
export function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x (exact comparison). */
export function upperBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Summary of a column as SUM, COUNT, MIN, MAX, AVERAGE and COUNTA see it (settled 1: only numbers count). */
export interface ColumnStats {
  readonly sum: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /** Non-blank cells, for COUNTA. */
  readonly nonBlank: number;
  readonly firstError: ErrorValue | undefined;
}

export function columnStats(ctx: EvalContext, column: Column): ColumnStats {
  return memoOn(ctx, column, 'stats', () => column.key, () => {
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    let nonBlank = 0;
    let firstError: ErrorValue | undefined;
    for (const v of column.values) {
      if (v !== null) nonBlank++;
      const n = typeof v === 'number' ? v : v instanceof DateValue ? v.serial : undefined;
      if (n !== undefined) {
        sum += n;
        count++;
        if (n < min) min = n;
        if (n > max) max = n;
      } else if (v instanceof ErrorValue) firstError ??= v;
    }
    return { sum, count, min, max, nonBlank, firstError };
  });
}

/** XLOOKUP's exact-match key: text case-insensitive, no coercion between numbers and text (Excel). */
export function lookupKey(value: Value): number | string | boolean | undefined {
  if (typeof value === 'number') return round15(value);
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'boolean') return value;
  if (value instanceof DateValue) return round15(value.serial);
  return undefined;
}

/** key → first row holding it, for XLOOKUP. */
export function lookupIndex(ctx: EvalContext, column: Column): ReadonlyMap<number | string | boolean, number> {
  return memoOn(ctx, column, 'lookup', () => column.key, () => {
    // First by the exact cell value (cheap: no new strings), then folded case-insensitively per
    // distinct value, so a million ids are lower-cased once per distinct id, not once per row.
    const exact = new Map<string | number | boolean, number>();
    const values = column.values;
    for (let row = 0; row < values.length; row++) {
      const v = values[row] ?? null;
      const k = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v instanceof DateValue ? v.serial : undefined;
      if (k !== undefined && !exact.has(k)) exact.set(k, row);
    }
    const map = new Map<number | string | boolean, number>();
    for (const [k, row] of exact) {
      const key = lookupKey(k);
      if (key === undefined) continue;
      const seen = map.get(key);
      if (seen === undefined || row < seen) map.set(key, row);
    }
    return map;
  });
}
