// The equality index behind *IFS (eval/conditional-index.ts): rows grouped by the keys of one or more
// criteria columns, built once per evaluation, so `SUMIFS(Orders[Amount], Orders[Customer], {Id})` is one
// pass over the orders and then one hash lookup per customer.
import type { Column, EvalContext } from './context';
import { cellKey, type MatchKey } from './criteria';
import { memoOn } from './indexes';
import { DateValue, ErrorValue, type Value } from './values';

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

/** One column's buckets. */
function singleColumnBuckets(column: Column): Buckets {
  const groups = new Map<MatchKey, number>();
  const groupIdOf = grouper(groups);
  const values = column.values;
  const groupOf = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) groupOf[row] = groupIdOf(values[row] ?? null);
  return layout(groups, groupOf, groups.size);
}

export function hashBuckets(ctx: EvalContext, columns: readonly Column[]): Buckets {
  return ctx.memo(`ifs:hash:${columns.map((c) => c.key).join('\u0001')}`, () => {
    const only = columns.length === 1 ? columns[0] : undefined;
    if (only !== undefined) return singleColumnBuckets(only);
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
  readonly rows: readonly number[];
  readonly sum: readonly number[];
  readonly count: readonly number[];
  readonly min: readonly number[];
  readonly max: readonly number[];
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
