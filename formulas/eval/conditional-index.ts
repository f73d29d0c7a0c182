// The engine behind SUMIFS, COUNTIFS, AVERAGEIFS, MAXIFS, MINIFS and COUNTUNIQUEIFS.
// One row's question is answered, cheapest first, by:
//   1. equality criteria ({id}, "=x", 5): one hash of the criteria columns → row buckets, built once;
//      a bucket's aggregate is computed once and reused; other criteria filter the bucket's rows.
//   2. numeric range criteria (">="&{x}) on one column: that column sorted once with prefix and suffix
//      aggregates, so "<x" and ">x" are a binary search; a "between" on the same column uses prefix
//      differences for SUM/COUNT/AVERAGE and scans only the rows in the range for MIN/MAX/unique.
//   3. anything else (wildcards, "<>x", text order, blanks): one scan per distinct set of criteria,
//      memoized, so a constant criterion like "北*" costs a single scan for the whole table.
// Only criteria that vary per row AND are not indexable fall back to a scan per row.
import type { Column, EvalContext } from './context';
import { matches, type Criterion, type MatchKey, type RangeOp } from './criteria';
import { MISMATCHED_COLUMNS } from './errors';
import { countAtMost, countBelow, memoOn } from './indexes';
import { bucketOf, compositeKey, distinctKey, hashBuckets, type Buckets } from './ifs-hash';
import { DateValue, ErrorValue, type Value } from './values';

export type IfsAggregate = 'sum' | 'count' | 'minmax' | 'unique';

/** What the rows meeting the criteria hold in the target column. */
export interface IfsResult {
  /** Rows meeting every criterion (COUNTIFS). */
  rows: number;
  /** Numbers and dates of the target column among those rows. */
  sum: number;
  count: number;
  min: number;
  max: number;
  /** Distinct non-blank target values (COUNTUNIQUEIFS). */
  distinct: number;
  /** First error in the target column among those rows. */
  error: ErrorValue | undefined;
}

export interface IfsQuery {
  readonly aggregate: IfsAggregate;
  /** undefined for COUNTIFS, which only counts rows. */
  readonly target: Column | undefined;
  readonly columns: readonly Column[];
  readonly criteria: readonly Criterion[];
}

function emptyResult(): IfsResult {
  return { rows: 0, sum: 0, count: 0, min: Infinity, max: -Infinity, distinct: 0, error: undefined };
}

class Accumulator {
  readonly result = emptyResult();
  private readonly seen: Set<number | string | boolean> | undefined;
  constructor(
    private readonly target: readonly Value[] | undefined,
    unique: boolean,
  ) {
    this.seen = unique ? new Set() : undefined;
  }
  add(row: number): void {
    const r = this.result;
    r.rows++;
    if (this.target === undefined) return;
    const v = this.target[row] ?? null;
    const n = typeof v === 'number' ? v : v instanceof DateValue ? v.serial : undefined;
    if (n !== undefined) {
      r.sum += n;
      r.count++;
      if (n < r.min) r.min = n;
      if (n > r.max) r.max = n;
    } else if (v instanceof ErrorValue) r.error ??= v;
    if (this.seen !== undefined) {
      const k = distinctKey(v);
      if (k !== undefined && !this.seen.has(k)) {
        this.seen.add(k);
        r.distinct = this.seen.size;
      }
    }
  }
}

function signature(c: Criterion): string {
  switch (c.kind) {
    case 'eq':
    case 'ne':
      return `${c.kind}:${typeof c.key}:${String(c.key)}`;
    case 'range':
    case 'textRange':
    case 'boolRange':
      return `${c.kind}:${c.op}:${String('value' in c ? c.value : c.text)}`;
    case 'pattern':
      return `pattern:${String(c.negate)}:${c.source}`;
    case 'blank':
    case 'empty':
    case 'nonBlank':
      return c.kind;
  }
}

/** What one call site (one *IFS in one formula, one evaluation) keeps between rows, found by identity. */
interface SiteState {
  readonly buckets: Map<number | string, Buckets>;
  readonly results: Map<number | string, Map<MatchKey, IfsResult>>;
}

const sites = new WeakMap<EvalContext, WeakMap<readonly Column[], SiteState>>();

function siteState(ctx: EvalContext, columns: readonly Column[]): SiteState {
  let byColumns = sites.get(ctx);
  if (byColumns === undefined) {
    byColumns = new WeakMap();
    sites.set(ctx, byColumns);
  }
  let state = byColumns.get(columns);
  if (state === undefined) {
    state = { buckets: new Map(), results: new Map() };
    byColumns.set(columns, state);
  }
  return state;
}

interface SortedRows {
  /** Numeric values of the criteria column, ascending. */
  readonly values: Float64Array;
  /** rows[i] is the row holding values[i]. */
  readonly rows: Int32Array;
}

function sortedRows(ctx: EvalContext, column: Column): SortedRows {
  return memoOn(ctx, column, 'ifs:sorted', () => column.key, () => {
    const source = column.values;
    const numbers: number[] = [];
    const rowList: number[] = [];
    for (let row = 0; row < source.length; row++) {
      const v = source[row];
      const n = typeof v === 'number' ? v : v instanceof DateValue ? v.serial : undefined;
      if (n !== undefined) {
        numbers.push(n); // not rounded: narrow() applies 15-digit equality at the boundaries
        rowList.push(row);
      }
    }
    const order = Int32Array.from(numbers.keys()).sort((a, b) => (numbers[a] ?? 0) - (numbers[b] ?? 0));
    const values = new Float64Array(order.length);
    const rows = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const j = order[i] ?? 0;
      values[i] = numbers[j] ?? 0;
      rows[i] = rowList[j] ?? 0;
    }
    return { values, rows };
  });
}

/** Prefix aggregates of the target column in the order of a sorted criteria column. */
interface Prefix {
  readonly sum: Float64Array;
  readonly count: Float64Array;
  readonly errors: Int32Array;
  readonly firstError: ErrorValue | undefined;
  readonly minPrefix: Float64Array;
  readonly maxPrefix: Float64Array;
  readonly minSuffix: Float64Array;
  readonly maxSuffix: Float64Array;
  readonly distinctPrefix: Int32Array;
  readonly distinctSuffix: Int32Array;
}

function prefixFor(ctx: EvalContext, sorted: SortedRows, column: Column, target: Column | undefined): Prefix {
  return memoOn(ctx, column, `ifs:prefix:${target?.key ?? ''}`, () => column.key, () => {
    const n = sorted.rows.length;
    const sum = new Float64Array(n + 1);
    const count = new Float64Array(n + 1);
    const errors = new Int32Array(n + 1);
    const minPrefix = new Float64Array(n + 1).fill(Infinity);
    const maxPrefix = new Float64Array(n + 1).fill(-Infinity);
    const minSuffix = new Float64Array(n + 1).fill(Infinity);
    const maxSuffix = new Float64Array(n + 1).fill(-Infinity);
    const distinctPrefix = new Int32Array(n + 1);
    const distinctSuffix = new Int32Array(n + 1);
    const values = target?.values;
    const numberAt = (i: number): number | undefined => {
      const v = values?.[sorted.rows[i] ?? 0] ?? null;
      return typeof v === 'number' ? v : v instanceof DateValue ? v.serial : undefined;
    };
    let firstError: ErrorValue | undefined;
    const seen = new Set<number | string | boolean>();
    for (let i = 0; i < n; i++) {
      const v = values?.[sorted.rows[i] ?? 0] ?? null;
      const x = numberAt(i);
      sum[i + 1] = (sum[i] ?? 0) + (x ?? 0);
      count[i + 1] = (count[i] ?? 0) + (x === undefined ? 0 : 1);
      minPrefix[i + 1] = Math.min(minPrefix[i] ?? Infinity, x ?? Infinity);
      maxPrefix[i + 1] = Math.max(maxPrefix[i] ?? -Infinity, x ?? -Infinity);
      const isError = v instanceof ErrorValue;
      if (isError) firstError ??= v;
      errors[i + 1] = (errors[i] ?? 0) + (isError ? 1 : 0);
      const k = distinctKey(v);
      if (k !== undefined) seen.add(k);
      distinctPrefix[i + 1] = seen.size;
    }
    seen.clear();
    for (let i = n - 1; i >= 0; i--) {
      const x = numberAt(i);
      minSuffix[i] = Math.min(minSuffix[i + 1] ?? Infinity, x ?? Infinity);
      maxSuffix[i] = Math.max(maxSuffix[i + 1] ?? -Infinity, x ?? -Infinity);
      const k = distinctKey(values?.[sorted.rows[i] ?? 0] ?? null);
      if (k !== undefined) seen.add(k);
      distinctSuffix[i] = seen.size;
    }
    return { sum, count, errors, firstError, minPrefix, maxPrefix, minSuffix, maxSuffix, distinctPrefix, distinctSuffix };
  });
}

/** Narrows [lo, hi) of a sorted column to the values meeting `op value` (15-digit equality). */
function narrow(values: Float64Array, lo: number, hi: number, op: RangeOp, value: number): [number, number] {
  switch (op) {
    case '<':
      return [lo, Math.min(hi, countBelow(values, value))];
    case '<=':
      return [lo, Math.min(hi, countAtMost(values, value))];
    case '>':
      return [Math.max(lo, countAtMost(values, value)), hi];
    case '>=':
      return [Math.max(lo, countBelow(values, value)), hi];
  }
}

function rangeResult(
  ctx: EvalContext,
  query: IfsQuery,
  column: Column,
  ranges: readonly { op: RangeOp; value: number }[],
  rest: readonly number[],
): IfsResult {
  const sorted = sortedRows(ctx, column);
  let lo = 0;
  let hi = sorted.values.length;
  for (const r of ranges) [lo, hi] = narrow(sorted.values, lo, hi, r.op, r.value);
  if (hi <= lo) return emptyResult();
  const whole = lo === 0 || hi === sorted.values.length;
  const prefixAnswers = rest.length === 0 && (query.aggregate === 'sum' || query.aggregate === 'count' || whole);
  if (!prefixAnswers) {
    const acc = new Accumulator(query.target?.values, query.aggregate === 'unique');
    for (let i = lo; i < hi; i++) {
      const row = sorted.rows[i] ?? 0;
      if (rest.every((c) => matches(query.criteria[c] as Criterion, query.columns[c]?.values[row] ?? null))) acc.add(row);
    }
    return acc.result;
  }
  const p = prefixFor(ctx, sorted, column, query.target);
  const at = (a: Float64Array | Int32Array, i: number): number => a[i] ?? 0;
  const errorCount = at(p.errors, hi) - at(p.errors, lo);
  const fromStart = lo === 0;
  return {
    rows: hi - lo,
    sum: at(p.sum, hi) - at(p.sum, lo),
    count: at(p.count, hi) - at(p.count, lo),
    min: fromStart ? at(p.minPrefix, hi) : at(p.minSuffix, lo),
    max: fromStart ? at(p.maxPrefix, hi) : at(p.maxSuffix, lo),
    distinct: fromStart ? at(p.distinctPrefix, hi) : at(p.distinctSuffix, lo),
    // The exact error of the range is not kept; the column's first error stands for it.
    error: errorCount > 0 ? p.firstError : undefined,
  };
}

/**
 * Answers one row's *IFS question. A #VALUE! when the columns differ in length (Excel's size rule).
 * Pass the same `columns` array on every row of an evaluation: per-site caches are found by its identity.
 */
export function evaluateIfs(ctx: EvalContext, query: IfsQuery): IfsResult | ErrorValue {
  const length = query.target?.values.length ?? query.columns[0]?.values.length ?? 0;
  if (query.columns.some((c) => c.values.length !== length)) return MISMATCHED_COLUMNS;
  const eq: number[] = [];
  const others: number[] = [];
  query.criteria.forEach((c, i) => (c.kind === 'eq' ? eq : others).push(i));

  if (eq.length > 0) {
    // Which criteria are equalities can change from row to row ("=x" here, ">x" there): one hash each.
    const mask = eq.length <= 30 ? eq.reduce((m, i) => m | (1 << i), 0) : eq.join(',');
    const state = siteState(ctx, query.columns);
    let buckets = state.buckets.get(mask);
    if (buckets === undefined) {
      buckets = hashBuckets(ctx, eq.map((i) => query.columns[i] as Column));
      state.buckets.set(mask, buckets);
    }
    const key = compositeKey(eq.map((i) => (query.criteria[i] as { key: MatchKey }).key));
    const bucket = bucketOf(buckets, key);
    if (bucket === undefined) return emptyResult();
    if (others.length === 0) {
      let cache = state.results.get(mask);
      if (cache === undefined) {
        cache = new Map();
        state.results.set(mask, cache);
      }
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const acc = new Accumulator(query.target?.values, query.aggregate === 'unique');
      for (const row of bucket) acc.add(row);
      cache.set(key, acc.result);
      return acc.result;
    }
    const acc = new Accumulator(query.target?.values, query.aggregate === 'unique');
    for (const row of bucket) {
      if (others.every((c) => matches(query.criteria[c] as Criterion, query.columns[c]?.values[row] ?? null))) acc.add(row);
    }
    return acc.result;
  }

  const firstRange = others.find((i) => query.criteria[i]?.kind === 'range');
  if (firstRange !== undefined) {
    const column = query.columns[firstRange] as Column;
    const ranges: { op: RangeOp; value: number }[] = [];
    const rest: number[] = [];
    for (const i of others) {
      const c = query.criteria[i] as Criterion;
      if (c.kind === 'range' && query.columns[i]?.key === column.key) ranges.push(c);
      else rest.push(i);
    }
    return rangeResult(ctx, query, column, ranges, rest);
  }

  const scanKey = `ifs:scan:${query.aggregate}:${query.target?.key ?? ''}:${query.columns
    .map((c, i) => `${c.key}=${signature(query.criteria[i] as Criterion)}`)
    .join('\u0001')}`;
  return ctx.memo(scanKey, () => {
    const acc = new Accumulator(query.target?.values, query.aggregate === 'unique');
    for (let row = 0; row < length; row++) {
      if (query.criteria.every((c, i) => matches(c, query.columns[i]?.values[row] ?? null))) acc.add(row);
    }
    return acc.result;
  });
}
