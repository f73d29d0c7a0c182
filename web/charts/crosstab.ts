// Cross-tab of two groupings as a heatmap table (counts, sums or averages) with row and column totals.
import type { Field, SummaryGroup } from '../../common';
import { describeGroup, groupId, orderKeys, type ChartGroup } from './groups';
import { measureName, toNumber, type MeasureSpec } from './measure';
import { emptyState } from './states';
import {
  axisStyle, baseOption, fontsFor, formatCompact, formatNumber, formatPercent, TEXT_COLOR, tooltipHtml,
  type ChartContext, type ChartModel,
} from './theme';

export interface CrosstabInput {
  rowField: Field | undefined;
  colField: Field | undefined;
  measure: MeasureSpec;
  measureField?: Field;
  /** Summary groups with key [rowValue, colValue] and the measure as measures[0]. */
  groups: readonly SummaryGroup[];
}

export interface Cell {
  count: number;
  /** Sum or average (or count); null when no number. */
  value: number | null;
}

export interface CrosstabTable {
  rows: ChartGroup[];
  cols: ChartGroup[];
  /** cells[r][c] */
  cells: Cell[][];
  rowTotals: Cell[];
  colTotals: Cell[];
  total: Cell;
}

function combine(cells: readonly Cell[], measure: MeasureSpec): Cell {
  const count = cells.reduce((s, c) => s + c.count, 0);
  if (measure.op === 'count') return { count, value: count };
  const numeric = cells.filter((c) => c.value !== null);
  if (numeric.length === 0) return { count, value: null };
  if (measure.op === 'sum') return { count, value: numeric.reduce((s, c) => s + (c.value ?? 0), 0) };
  const n = numeric.reduce((s, c) => s + c.count, 0);
  return { count, value: n > 0 ? numeric.reduce((s, c) => s + (c.value ?? 0) * c.count, 0) / n : null };
}

/** The table behind the heatmap: both groupings in grouping order, cells, and totals. */
export function crosstabTable(input: CrosstabInput, ctx: ChartContext): CrosstabTable {
  const rowKeys = orderKeys(input.rowField, input.groups.map((g) => ({ key: g.key[0] ?? null, count: g.count })), true);
  const colKeys = orderKeys(input.colField, input.groups.map((g) => ({ key: g.key[1] ?? null, count: g.count })), true);
  const rows = rowKeys.map((k) => describeGroup(input.rowField, k.key, ctx.t, ctx.locale));
  const cols = colKeys.map((k) => describeGroup(input.colField, k.key, ctx.t, ctx.locale));
  const parts = new Map<string, Cell[]>();
  for (const g of input.groups) {
    const id = `${groupId(g.key[0] ?? null)}|${groupId(g.key[1] ?? null)}`;
    const value = input.measure.op === 'count' ? g.count : toNumber(g.measures[0]);
    parts.set(id, [...(parts.get(id) ?? []), { count: g.count, value }]);
  }
  const cells = rows.map((r) => cols.map((c) => combine(parts.get(`${r.id}|${c.id}`) ?? [], input.measure)));
  const rowTotals = cells.map((row) => combine(row, input.measure));
  const colTotals = cols.map((_, j) => combine(cells.map((row) => row[j] ?? { count: 0, value: null }), input.measure));
  return { rows, cols, cells, rowTotals, colTotals, total: combine(rowTotals, input.measure) };
}

export function buildCrosstab(input: CrosstabInput, ctx: ChartContext): ChartModel {
  const f = fontsFor(ctx);
  const table = crosstabTable(input, ctx);
  if (table.total.count === 0) return { option: baseOption(ctx), keys: {}, state: emptyState(ctx, 'rows') };
  const keys: ChartModel['keys'] = {};
  const nr = table.rows.length;
  const nc = table.cols.length;
  const inner: { id: string; value: [number, number, number | '-'] }[] = [];
  let max = 0;
  table.cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      const r = table.rows[i];
      const c = table.cols[j];
      if (!r || !c) return;
      const id = `${r.id}|${c.id}`;
      keys[id] = [{ index: 0, key: r.key }, { index: 1, key: c.key }];
      if (cell.value !== null) max = Math.max(max, cell.value);
      inner.push({ id, value: [j, i, cell.value ?? '-'] });
    }),
  );
  const totals: { id: string; value: [number, number, number | '-'] }[] = [];
  table.rowTotals.forEach((cell, i) => {
    const r = table.rows[i];
    if (!r) return;
    keys[`row:${r.id}`] = [{ index: 0, key: r.key }];
    totals.push({ id: `row:${r.id}`, value: [nc, i, cell.value ?? '-'] });
  });
  table.colTotals.forEach((cell, j) => {
    const c = table.cols[j];
    if (!c) return;
    keys[`col:${c.id}`] = [{ index: 1, key: c.key }];
    totals.push({ id: `col:${c.id}`, value: [j, nr, cell.value ?? '-'] });
  });
  totals.push({ id: 'total', value: [nc, nr, table.total.value ?? '-'] });

  const cellAt = (x: number, y: number): Cell | undefined =>
    x === nc && y === nr ? table.total : x === nc ? table.rowTotals[y] : y === nr ? table.colTotals[x] : table.cells[y]?.[x];
  const labelOf = (x: number, y: number): string => {
    const row = y === nr ? ctx.t('total') : (table.rows[y]?.label ?? '');
    const col = x === nc ? ctx.t('total') : (table.cols[x]?.label ?? '');
    return `${row} × ${col}`;
  };
  const valueName = measureName(input.measure, input.measureField, ctx);
  const tooltip = (p: unknown): string => {
    const v = xyOf(p);
    const cell = v ? cellAt(v[0], v[1]) : undefined;
    if (!v || !cell) return '';
    const lines: [string, string][] = [[ctx.t('count'), formatNumber(cell.count, ctx.locale, 0)]];
    if (input.measure.op !== 'count') lines.push([valueName, cell.value === null ? '—' : formatNumber(cell.value, ctx.locale)]);
    lines.push([ctx.t('countShare'), formatPercent(table.total.count > 0 ? cell.count / table.total.count : 0, ctx.locale)]);
    return tooltipHtml(labelOf(v[0], v[1]), lines);
  };
  const cellLabel = (p: unknown): string => {
    const v = xyOf(p);
    const cell = v ? cellAt(v[0], v[1]) : undefined;
    return cell?.value === null || cell === undefined ? '—' : formatCompact(cell.value, ctx.locale);
  };
  const base = baseOption(ctx);
  const category = (labels: string[], name: string) => ({
    type: 'category' as const, data: [...labels, ctx.t('total')], name, ...axisStyle(ctx), splitArea: { show: true },
  });
  return {
    keys,
    groups: [...table.rows.map((r) => r.label), ...table.cols.map((c) => c.label)],
    option: {
      ...base,
      tooltip: { ...base.tooltip, trigger: 'item', formatter: tooltip },
      // The column field's name centred above the column labels; the row field's name on the same line, right
      // above the row labels (ending at the axis), so each name sits over the labels it names.
      grid: { left: 16, right: 16, top: 24 + 2 * f.axis, bottom: 72 },
      xAxis: {
        ...category(table.cols.map((c) => c.label), input.colField?.name ?? ''),
        position: 'top', nameLocation: 'middle', nameGap: 10 + f.axis,
        nameTextStyle: { ...axisStyle(ctx).nameTextStyle, fontWeight: 'bold' },
      },
      yAxis: {
        ...category(table.rows.map((r) => r.label), input.rowField?.name ?? ''),
        inverse: true, nameLocation: 'start', nameGap: 10 + f.axis,
        nameTextStyle: { ...axisStyle(ctx).nameTextStyle, fontWeight: 'bold', align: 'right', verticalAlign: 'middle' },
      },
      visualMap: [
        {
          type: 'continuous', seriesIndex: 0, min: 0, max: max > 0 ? max : 1, calculable: false, orient: 'horizontal',
          left: 'center', bottom: 8, itemWidth: 14, itemHeight: 160, textStyle: { fontSize: f.small, color: TEXT_COLOR },
          // The numbers at both ends of the colour bar (high first, as ECharts reads `text`).
          text: [formatCompact(max > 0 ? max : 1, ctx.locale), formatCompact(0, ctx.locale)], textGap: 8,
          inRange: { color: ['#eff6ff', '#93c5fd', '#1e40af'] },
          formatter: (v: unknown) => (typeof v === 'number' ? formatCompact(v, ctx.locale) : String(v)),
        },
        // ECharts draws a heatmap only through a visualMap: the totals get a hidden one of a single grey.
        { type: 'continuous', seriesIndex: 1, show: false, min: 0, max: 1, inRange: { color: [TOTAL_COLOR, TOTAL_COLOR] }, outOfRange: { color: [TOTAL_COLOR] } },
      ],
      series: [
        {
          type: 'heatmap', name: valueName, data: inner.map((d) => ({ ...d, label: { color: labelColor(d.value[2], max) } })),
          label: { show: true, fontSize: f.label, formatter: cellLabel },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        },
        {
          type: 'heatmap', name: ctx.t('total'), data: totals,
          label: { show: true, fontSize: f.label, fontWeight: 'bold', color: TEXT_COLOR, formatter: cellLabel },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        },
      ],
    },
  };
}

const TOTAL_COLOR = '#e2e8f0';

/** White text on the dark end of the scale, dark text elsewhere. */
export function labelColor(v: number | '-', max: number): string {
  return typeof v === 'number' && max > 0 && v / max > 0.55 ? '#ffffff' : TEXT_COLOR;
}

function xyOf(p: unknown): [number, number] | null {
  const first: unknown = Array.isArray(p) ? p[0] : p;
  if (typeof first !== 'object' || first === null || !('value' in first)) return null;
  const v = (first as { value: unknown }).value;
  if (!Array.isArray(v) || typeof v[0] !== 'number' || typeof v[1] !== 'number') return null;
  return [v[0], v[1]];
}
