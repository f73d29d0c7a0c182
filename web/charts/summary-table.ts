// The summary panel as data: one row per group (count, share, and each chosen measure), a totals row,
// sorting, and CSV (UTF-8 with BOM so Excel reads Chinese text).
import type { Field, Measure, SummaryGroup } from '../../common';
import { groupRows } from './measure';
import { groupId, type ChartGroup } from './groups';
import { formatNumber, formatPercent, type ChartContext } from './theme';

export interface SummaryColumn {
  id: string;
  label: string;
  kind: 'group' | 'count' | 'share' | 'measure';
}

export interface SummaryRow {
  group: ChartGroup | null;
  count: number;
  share: number;
  /** One value per chosen measure, in order. */
  values: (number | null)[];
}

export interface SummaryTable {
  columns: SummaryColumn[];
  rows: SummaryRow[];
  totals: SummaryRow;
}

export type SortDir = 'asc' | 'desc';

export function summaryColumns(groupField: Field | undefined, measures: readonly Measure[], fields: readonly Field[], ctx: ChartContext): SummaryColumn[] {
  const name = (id: string) => fields.find((f) => f.id === id)?.name ?? id;
  return [
    { id: 'group', label: groupField?.name ?? ctx.t('group'), kind: 'group' },
    { id: 'count', label: ctx.t('count'), kind: 'count' },
    { id: 'share', label: ctx.t('countShare'), kind: 'share' },
    ...measures.map((m, i) => ({ id: `m${i}`, label: ctx.t(m.op, { field: name(m.fieldId) }), kind: 'measure' as const })),
  ];
}

/** Rows in grouping order, from a summary grouped by one field with `measures` requested in this order. */
export function summaryTable(
  groupField: Field | undefined, groups: readonly SummaryGroup[], measures: readonly Measure[], fields: readonly Field[], ctx: ChartContext,
): SummaryTable {
  const base = groupRows(groupField, groups, { op: 'count' }, ctx, true);
  const byId = new Map<string, SummaryGroup[]>();
  for (const r of base) byId.set(r.group.id, []);
  for (const g of groups) byId.get(groupId(g.key[0] ?? null))?.push(g);
  const rows: SummaryRow[] = base.map((r) => ({
    group: r.group,
    count: r.count,
    share: r.countShare,
    values: measures.map((m, i) => combine(byId.get(r.group.id) ?? [], i, m.op)),
  }));
  const all = [...groups];
  const totals: SummaryRow = {
    group: null,
    count: rows.reduce((s, r) => s + r.count, 0),
    share: rows.length > 0 ? 1 : 0,
    values: measures.map((m, i) => combine(all, i, m.op)),
  };
  return { columns: summaryColumns(groupField, measures, fields, ctx), rows, totals };
}

/** Sums add; averages weight by count; min and max take the extreme. */
function combine(groups: readonly SummaryGroup[], i: number, op: Measure['op']): number | null {
  const parts = groups
    .map((g) => ({ v: g.measures[i], n: g.count }))
    .filter((p): p is { v: number; n: number } => typeof p.v === 'number' && Number.isFinite(p.v));
  if (parts.length === 0) return null;
  if (op === 'sum') return parts.reduce((s, p) => s + p.v, 0);
  if (op === 'min') return Math.min(...parts.map((p) => p.v));
  if (op === 'max') return Math.max(...parts.map((p) => p.v));
  const n = parts.reduce((s, p) => s + p.n, 0);
  return n > 0 ? parts.reduce((s, p) => s + p.v * p.n, 0) / n : null;
}

/** Sorted copy; "group" sorts by grouping order; blanks in a measure go last either way. */
export function sortSummaryRows(rows: readonly SummaryRow[], column: string, dir: SortDir): SummaryRow[] {
  const indexed = rows.map((r, i) => ({ r, i }));
  const sign = dir === 'asc' ? 1 : -1;
  const valueOf = (r: SummaryRow): number | null =>
    column === 'count' ? r.count : column === 'share' ? r.share : column.startsWith('m') ? (r.values[Number(column.slice(1))] ?? null) : null;
  indexed.sort((a, b) => {
    if (column === 'group') return sign * (a.i - b.i);
    const va = valueOf(a.r);
    const vb = valueOf(b.r);
    if (va === null || vb === null) return va === vb ? a.i - b.i : va === null ? 1 : -1;
    return va === vb ? a.i - b.i : sign * (va - vb);
  });
  return indexed.map((x) => x.r);
}

export function cellText(row: SummaryRow, column: SummaryColumn, ctx: ChartContext): string {
  switch (column.kind) {
    case 'group': return row.group?.label ?? ctx.t('total');
    case 'count': return formatNumber(row.count, ctx.locale, 0);
    case 'share': return formatPercent(row.share, ctx.locale);
    case 'measure': {
      const v = row.values[Number(column.id.slice(1))];
      // Cents only where they matter: 71,181 beside 210,035 reads better than 71,181.11.
      return v === null || v === undefined ? '' : formatNumber(v, ctx.locale, Math.abs(v) >= 1000 ? 0 : 2);
    }
  }
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text (labels, groups) Excel would run as a formula gets a leading quote, as OWASP advises; as the server's CSV export. */
function csvText(s: string): string {
  return csvField(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

/** CSV with a BOM: plain numbers (no thousands separators), shares as percentages, totals last. */
export function summaryCsv(table: SummaryTable, ctx: ChartContext): string {
  const raw = (row: SummaryRow, c: SummaryColumn): string => {
    if (c.kind === 'group') return csvText(row.group?.label ?? ctx.t('total'));
    if (c.kind === 'count') return String(row.count);
    if (c.kind === 'share') return `${(row.share * 100).toFixed(2)}%`;
    const v = row.values[Number(c.id.slice(1))];
    return csvField(v === null || v === undefined ? '' : String(Number(v.toPrecision(15))));
  };
  const lines = [table.columns.map((c) => csvText(c.label)).join(',')];
  for (const row of [...table.rows, table.totals]) lines.push(table.columns.map((c) => raw(row, c)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
