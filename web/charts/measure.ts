// The measure of a chart (customer count, or sum/average of a number field) and the rows a distribution
// shows: one per group, in grouping order, with its value and share.
import type { CellValue, Field, SummaryGroup } from '../../common';
import { describeGroup, orderKeys, type ChartGroup } from './groups';
import type { ChartContext } from './theme';

export type MeasureSpec = { op: 'count' } | { op: 'sum' | 'avg'; fieldId: string };

export interface GroupRow {
  group: ChartGroup;
  count: number;
  /** The measure: the count, or the group's sum/average (null when the group has no numbers). */
  value: number | null;
  /** Share of the measure's total (count or sum); for an average, the share of customers. */
  share: number;
  countShare: number;
}

export function measureName(measure: MeasureSpec, measureField: Field | undefined, ctx: ChartContext): string {
  if (measure.op === 'count') return ctx.t('count');
  return ctx.t(measure.op, { field: measureField?.name ?? measure.fieldId });
}

/** The share shown beside a value: share of customers for an average, else share of the total. */
export function shareName(measure: MeasureSpec, ctx: ChartContext): string {
  return measure.op === 'avg' ? ctx.t('countShare') : ctx.t('share');
}

export function toNumber(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * One row per group of the first grouping field, in grouping order. `groups` come from the summary route with
 * the measure (if any) as measures[0]; groups are re-ordered here so any source order gives the same chart.
 */
export function groupRows(
  field: Field | undefined,
  groups: readonly SummaryGroup[],
  measure: MeasureSpec,
  ctx: ChartContext,
  withDeclared = true,
): GroupRow[] {
  const byId = new Map<string, { count: number; value: number | null }>();
  const keyed = groups.map((g) => ({ key: g.key[0] ?? null, count: g.count, value: toNumber(g.measures[0]) }));
  const ordered = orderKeys(field, keyed, withDeclared);
  for (const k of keyed) {
    const id = describeGroup(field, k.key, ctx.t, ctx.locale).id;
    const prev = byId.get(id);
    if (!prev) byId.set(id, { count: k.count, value: k.value });
    else {
      // Two keys printing the same (5 and "5"): add counts; sums add, averages are weighted by count.
      const value = measure.op === 'avg' ? weighted(prev, k) : add(prev.value, k.value);
      byId.set(id, { count: prev.count + k.count, value });
    }
  }
  const totalCount = ordered.reduce((s, k) => s + k.count, 0);
  const rows = ordered.map((k) => {
    const group = describeGroup(field, k.key, ctx.t, ctx.locale);
    const entry = byId.get(group.id);
    const count = entry?.count ?? 0;
    const value = measure.op === 'count' ? count : (entry?.value ?? null);
    return { group, count, value, share: 0, countShare: totalCount > 0 ? count / totalCount : 0 };
  });
  const totalValue = rows.reduce((s, r) => s + (r.value !== null && r.value > 0 ? r.value : 0), 0);
  for (const r of rows) {
    if (measure.op === 'avg') r.share = r.countShare;
    else r.share = totalValue > 0 && r.value !== null && r.value > 0 ? r.value / totalValue : 0;
  }
  return rows;
}

function add(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

function weighted(a: { count: number; value: number | null }, b: { count: number; value: number | null }): number | null {
  if (a.value === null) return b.value;
  if (b.value === null) return a.value;
  return (a.value * a.count + b.value * b.count) / (a.count + b.count);
}

/** Most groups a distribution draws; past it, the smallest undeclared groups merge into one "n more" group. */
export const MAX_CHART_GROUPS = 30;

/**
 * Caps the rows at `max`: declared groups, blank and errors always stay; the undeclared groups past the limit
 * (the smallest, as they come by count) merge into one row that is not clickable (id "more").
 */
export function capGroupRows(rows: readonly GroupRow[], measure: MeasureSpec, ctx: ChartContext, max = MAX_CHART_GROUPS): GroupRow[] {
  if (rows.length <= max) return [...rows];
  const fixed = rows.filter((r) => r.group.kind !== 'other').length;
  const room = Math.max(0, max - fixed - 1);
  const others = rows.filter((r) => r.group.kind === 'other');
  const tail = others.slice(room);
  if (tail.length === 0) return [...rows];
  const count = tail.reduce((s, r) => s + r.count, 0);
  const values = tail.map((r) => r.value).filter((v): v is number => v !== null);
  const value =
    measure.op === 'count' ? count
    : values.length === 0 ? null
    : measure.op === 'sum' ? values.reduce((a, b) => a + b, 0)
    : tail.reduce((a, r) => a + (r.value ?? 0) * r.count, 0) / Math.max(1, tail.filter((r) => r.value !== null).reduce((a, r) => a + r.count, 0));
  const more: GroupRow = {
    group: { id: 'more', key: null, kind: 'other', label: ctx.t('moreGroups', { n: tail.length }), color: '#f1f5f9', outline: '#64748b' },
    count,
    value,
    share: tail.reduce((a, r) => a + r.share, 0),
    countShare: tail.reduce((a, r) => a + r.countShare, 0),
  };
  const kept = new Set(tail);
  const out: GroupRow[] = [];
  for (const r of rows) {
    if (kept.has(r)) continue;
    if (r.group.kind !== 'declared' && r.group.kind !== 'other' && !out.includes(more)) out.push(more);
    out.push(r);
  }
  if (!out.includes(more)) out.push(more);
  return out;
}
