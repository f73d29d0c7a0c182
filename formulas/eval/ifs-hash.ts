// The equality index behind *IFS (eval/conditional-index.ts): rows grouped by the keys of one or more
// criteria columns, built once per evaluation, so `SUMIFS(Orders[Amount], Orders[Customer], {Id})` is one
// pass over the orders and then one hash lookup per customer.
import type { Column, EvalContext } from './context';
import { cellKey, type MatchKey } from './criteria';
import { memoOn } from './indexes';
import { DateValue, ErrorValue } from './values';

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

/** One column's buckets: each distinct cell value is keyed once ("C1" and "c1", 5 and "5" share a group). */
function singleColumnBuckets(column: Column): Buckets {
  const groups = new Map<MatchKey, number>();
  const groupOfRaw = new Map<string | number | boolean, number>();
  const values = column.values;
  const groupOf = new Int32Array(values.length).fill(-1);
  for (let row = 0; row < values.length; row++) {
    const v = values[row] ?? null;
    if (v === null || v instanceof ErrorValue) continue; // blanks and errors equal no criterion value
    const raw = v instanceof DateValue ? v.serial : v;
    let g = groupOfRaw.get(raw);
    if (g === undefined) {
      const key = cellKey(raw);
      g = key === undefined ? -1 : groups.get(key) ?? groups.size;
      if (key !== undefined && !groups.has(key)) groups.set(key, g);
      groupOfRaw.set(raw, g);
    }
    groupOf[row] = g;
  }
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
