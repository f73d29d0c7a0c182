// The equality index behind *IFS (eval/conditional-index.ts): rows grouped by the keys of one or more
// criteria columns, built once per evaluation, so `SUMIFS(Orders[Amount], Orders[Customer], {Id})` is one
// pass over the orders and then one hash lookup per customer. The compiled fast paths of *IFS
// (functions/conditional.ts) read every key's answer from here: groupTotals, bucketTotals, groupDistinct.
import type { Column, EvalContext } from './context';
import { cellKey, type MatchKey } from './criteria';
import { memoOn } from './indexes';
import { DateValue, ErrorValue, type Value } from './values';

/** Distinct-value key: case-sensitive text and numbers kept apart, as Google Sheets' COUNTUNIQUE. */
export function distinctKey(value: Value): number | string | boolean | undefined {
  if (value === null || value instanceof ErrorValue) return undefined;
  if (value instanceof DateValue) return value.serial;
  return value;
}

export function compositeKey(keys: readonly MatchKey[]): MatchKey {
  if (keys.length === 1) return keys[0] ?? '';
  // Typed prefixes keep 5, "5" and TRUE apart inside one string key.
  return keys.map((k) => `${typeof k === 'number' ? 'n' : typeof k === 'string' ? 't' : 'b'}${String(k)}`).join('\u0001');
}

/**
 * Rows grouped by equality key, laid out flat (one Int32Array of rows ordered by group, plus group starts)
 * rather than as one small array per key: a million rows in a hundred thousand groups then cost three
 * typed arrays instead of a hundred thousand growing arrays for the garbage collector.
 */
export interface Buckets {
  readonly groups: ReadonlyMap<MatchKey, number>;
  /** Rows of group g are rows[start[g] .. start[g + 1]). */
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

export function bucketOf(b: Buckets, key: MatchKey): Int32Array | undefined {
  const g = b.groups.get(key);
  return g === undefined ? undefined : b.rows.subarray(b.start[g] ?? 0, b.start[g + 1] ?? 0);
}

/** Counting sort of rows by group id (-1: in no group). */
function layout(groups: ReadonlyMap<MatchKey, number>, groupOf: Int32Array, groupCount: number): Buckets {
  const start = new Int32Array(groupCount + 1);
  for (const g of groupOf) if (g >= 0) start[g + 1] = (start[g + 1] ?? 0) + 1;
  for (let g = 0; g < groupCount; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
  const next = start.slice(0, groupCount);
  const rows = new Int32Array(start[groupCount] ?? 0);
  for (let row = 0; row < groupOf.length; row++) {
    const g = groupOf[row] ?? -1;
    if (g < 0) continue;
    const at = next[g] ?? 0;
    rows[at] = row;
    next[g] = at + 1;
  }
  return { groups, start, rows };
}

/**
 * The equality key of every cell of a column, computed once per distinct cell value: lower-casing and
 * number-parsing a million ids would otherwise allocate a million strings.
 */
function keysOf(ctx: EvalContext, column: Column): readonly (MatchKey | undefined)[] {
  return memoOn(ctx, column, 'ifs:keys', () => column.key, () => {
    const distinct = new Map<string | number | boolean, MatchKey | undefined>();
    return column.values.map((v) => {
      if (v === null || v instanceof ErrorValue) return undefined;
      const raw = v instanceof DateValue ? v.serial : v;
      let key = distinct.get(raw);
      if (key === undefined && !distinct.has(raw)) {
        key = cellKey(raw);
        distinct.set(raw, key);
      }
      return key;
    });
  });
}

/**
 * The group of each cell by equality key, -1 for blanks and errors (which equal no criterion value). Each
 * distinct cell value is keyed once ("C1" and "c1", 5 and "5" share a group); new groups are numbered on.
 */
function grouper(groups: Map<MatchKey, number>): (v: Value) => number {
  const groupOfRaw = new Map<string | number | boolean, number>();
  return (v) => {
    if (v === null || v instanceof ErrorValue) return -1;
    const raw = v instanceof DateValue ? v.serial : v;
    let g = groupOfRaw.get(raw);
    if (g === undefined) {
      const key = cellKey(raw) as MatchKey; // defined for every cell that is neither blank nor an error
      g = groups.get(key) ?? groups.size;
      groups.set(key, g);
      groupOfRaw.set(raw, g);
    }
    return g;
  };
}

/** The group of every row by the equality keys of some columns: -1 where one of them is blank or an error. */
export interface RowGroups {
  readonly groups: ReadonlyMap<MatchKey, number>;
  readonly groupOf: Int32Array;
}

function singleColumnGroups(column: Column): RowGroups {
  const groups = new Map<MatchKey, number>();
  const groupIdOf = grouper(groups);
  const values = column.values;
  const groupOf = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) groupOf[row] = groupIdOf(values[row] ?? null);
  return { groups, groupOf };
}

export function rowGroups(ctx: EvalContext, columns: readonly Column[]): RowGroups {
  return ctx.memo(`ifs:groups:${columns.map((c) => c.key).join('\u0001')}`, () => {
    const only = columns.length === 1 ? columns[0] : undefined;
    if (only !== undefined) return singleColumnGroups(only);
    const groups = new Map<MatchKey, number>();
    const keyColumns = columns.map((c) => keysOf(ctx, c));
    const length = columns[0]?.values.length ?? 0;
    const groupOf = new Int32Array(length).fill(-1);
    const keys: MatchKey[] = [];
    rows: for (let row = 0; row < length; row++) {
      keys.length = 0;
      for (const kc of keyColumns) {
        const k = kc[row];
        if (k === undefined) continue rows;
        keys.push(k);
      }
      const key = compositeKey(keys);
      let g = groups.get(key);
      if (g === undefined) {
        g = groups.size;
        groups.set(key, g);
      }
      groupOf[row] = g;
    }
    return { groups, groupOf };
  });
}

export function hashBuckets(ctx: EvalContext, columns: readonly Column[]): Buckets {
  return ctx.memo(`ifs:hash:${columns.map((c) => c.key).join('\u0001')}`, () => {
    const { groups, groupOf } = rowGroups(ctx, columns);
    return layout(groups, groupOf, groups.size);
  });
}

/**
 * What the rows of each group of one equality column hold in a target column: the answer of
 * `SUMIFS(target, column, key)` (and COUNTIFS, AVERAGEIFS, MAXIFS, MINIFS) for every key at once, from one
 * pass in row order (so sums add up in the same order as a scan of the group's rows would).
 */
export interface GroupTotals {
  readonly groups: ReadonlyMap<MatchKey, number>;
  readonly rows: ArrayLike<number>;
  readonly sum: ArrayLike<number>;
  readonly count: ArrayLike<number>;
  readonly min: ArrayLike<number>;
  readonly max: ArrayLike<number>;
  /** The first error of the target column among each group's rows. */
  readonly errors: ReadonlyMap<number, ErrorValue>;
}

export function groupTotals(ctx: EvalContext, column: Column, target: Column | undefined): GroupTotals {
  return ctx.memo(`ifs:totals:${column.key}\u0001${target?.key ?? ''}`, () => {
    const groups = new Map<MatchKey, number>();
    const groupIdOf = grouper(groups);
    const rows: number[] = [];
    const sum: number[] = [];
    const count: number[] = [];
    const min: number[] = [];
    const max: number[] = [];
    const errors = new Map<number, ErrorValue>();
    const values = column.values;
    const targets = target?.values;
    for (let row = 0; row < values.length; row++) {
      const g = groupIdOf(values[row] ?? null);
      if (g < 0) continue;
      if (g === rows.length) {
        rows.push(0);
        sum.push(0);
        count.push(0);
        min.push(Infinity);
        max.push(-Infinity);
      }
      rows[g] = (rows[g] ?? 0) + 1;
      if (targets === undefined) continue;
      const t = targets[row] ?? null;
      const n = typeof t === 'number' ? t : t instanceof DateValue ? t.serial : undefined;
      if (n !== undefined) {
        sum[g] = (sum[g] ?? 0) + n;
        count[g] = (count[g] ?? 0) + 1;
        if (n < (min[g] ?? Infinity)) min[g] = n;
        if (n > (max[g] ?? -Infinity)) max[g] = n;
      } else if (t instanceof ErrorValue && !errors.has(g)) errors.set(g, t);
    }
    return { groups, rows, sum, count, min, max, errors };
  });
}

/**
 * GroupTotals for the groups of several equality columns (`SUMIFS(t, A, {a}, B, {b})`), from one pass in
 * row order over rowGroups: each group's numbers add up in the order evaluateIfs scans its bucket.
 */
export function bucketTotals(ctx: EvalContext, columns: readonly Column[], target: Column | undefined): GroupTotals {
  return ctx.memo(`ifs:bucket-totals:${target?.key ?? ''}\u0002${columns.map((c) => c.key).join('\u0001')}`, () => {
    const { groups, groupOf } = rowGroups(ctx, columns);
    const rows = new Float64Array(groups.size);
    const sum = new Float64Array(groups.size);
    const count = new Float64Array(groups.size);
    const min = new Float64Array(groups.size).fill(Infinity);
    const max = new Float64Array(groups.size).fill(-Infinity);
    const errors = new Map<number, ErrorValue>();
    const targets = target?.values;
    for (let row = 0; row < groupOf.length; row++) {
      const g = groupOf[row] ?? -1;
      if (g < 0) continue;
      rows[g] = (rows[g] ?? 0) + 1;
      if (targets === undefined) continue;
      const t = targets[row] ?? null;
      const n = typeof t === 'number' ? t : t instanceof DateValue ? t.serial : undefined;
      if (n !== undefined) {
        sum[g] = (sum[g] ?? 0) + n;
        count[g] = (count[g] ?? 0) + 1;
        if (n < (min[g] ?? Infinity)) min[g] = n;
        if (n > (max[g] ?? -Infinity)) max[g] = n;
      } else if (t instanceof ErrorValue && !errors.has(g)) errors.set(g, t);
    }
    return { groups, rows, sum, count, min, max, errors };
  });
}

type DistinctKey = number | string | boolean;

/** SameValueZero, the equality of the Set that evaluateIfs counts distinct values with. */
function sameKey(a: DistinctKey, b: DistinctKey): boolean {
  return a === b || (a !== a && b !== b);
}

/** A group's first distinct values are kept inline (SLOTS per group); past that, in a Set of its own. */
const SLOTS = 16;

/**
 * `COUNTUNIQUEIFS(target, A, {a}, …)` for every key at once: per group of rowGroups, the number of distinct
 * non-blank target values (distinctKey and SameValueZero, as evaluateIfs' Set counts them). One pass in row
 * order: most groups are small (a customer's few orders) and fit in a few inline slots; a row repeating the
 * previous row's group and value (the lines of one invoice) is skipped before any search.
 */
export interface GroupDistinct {
  readonly groups: ReadonlyMap<MatchKey, number>;
  readonly distinct: Int32Array;
}

export function groupDistinct(ctx: EvalContext, columns: readonly Column[], target: Column): GroupDistinct {
  return ctx.memo(`ifs:distinct:${target.key}\u0002${columns.map((c) => c.key).join('\u0001')}`, () => {
    const { groups, groupOf } = rowGroups(ctx, columns);
    const distinct = new Int32Array(groups.size);
    // Filled by push: `new Array(n)` of this size would be a slow dictionary-mode array in V8.
    const slots: (DistinctKey | undefined)[] = [];
    for (let i = groups.size * SLOTS; i > 0; i--) slots.push(undefined);
    const overflow = new Map<number, Set<DistinctKey>>();
    const values = target.values;
    let lastGroup = -1;
    let lastKey: DistinctKey | undefined;
    for (let row = 0; row < groupOf.length; row++) {
      const g = groupOf[row] ?? -1;
      const k = g < 0 ? undefined : distinctKey(values[row] ?? null);
      if (k === undefined || (g === lastGroup && lastKey !== undefined && sameKey(k, lastKey))) continue;
      lastGroup = g;
      lastKey = k;
      const n = distinct[g] ?? 0;
      if (n > SLOTS) {
        const set = overflow.get(g) as Set<DistinctKey>;
        set.add(k);
        distinct[g] = set.size;
        continue;
      }
      if (hasSlot(slots, g * SLOTS, n, k)) continue;
      if (n < SLOTS) slots[g * SLOTS + n] = k;
      else overflow.set(g, new Set<DistinctKey>([...(slots.slice(g * SLOTS, g * SLOTS + SLOTS) as DistinctKey[]), k]));
      distinct[g] = n + 1;
    }
    return { groups, distinct };
  });
}

function hasSlot(slots: readonly (DistinctKey | undefined)[], base: number, n: number, k: DistinctKey): boolean {
  for (let i = base; i < base + n; i++) if (sameKey(slots[i] as DistinctKey, k)) return true;
  return false;
}
