// Distribution of one grouping: bar, donut or treemap, with shares in labels and tooltips, each group's
// suggested action in its tooltip, and chip colours.
import type { Field, SummaryGroup } from '../../common';
import { emptyState } from './states';
import { capGroupRows, groupRows, measureName, shareName, type GroupRow, type MeasureSpec } from './measure';
import {
  axisStyle, baseOption, dataIndexOf, dataOf, itemId, fontsFor, formatCompact, formatNumber, formatPercent, tooltipHtml, TEXT_COLOR,
  type ChartContext, type ChartModel, type ChartOption,
} from './theme';

export type DistributionKind = 'bar' | 'donut' | 'treemap';

export interface DistributionInput {
  kind: DistributionKind;
  field: Field | undefined;
  measure: MeasureSpec;
  measureField?: Field;
  groups: readonly SummaryGroup[];
}

export function valueText(r: GroupRow, ctx: ChartContext): string {
  return r.value === null ? '—' : formatNumber(r.value, ctx.locale);
}

export function groupTooltip(r: GroupRow, input: DistributionInput, ctx: ChartContext): string {
  const lines: [string, string][] = [[ctx.t('count'), formatNumber(r.count, ctx.locale, 0)]];
  if (input.measure.op !== 'count') lines.push([measureName(input.measure, input.measureField, ctx), valueText(r, ctx)]);
  lines.push([shareName(input.measure, ctx), formatPercent(r.share, ctx.locale)]);
  const notes: string[] = [];
  if (r.group.description) notes.push(r.group.description);
  if (r.group.action) notes.push(`${ctx.t('action')}: ${r.group.action}`);
  return tooltipHtml(r.group.label, lines, notes);
}

function labelText(r: GroupRow, ctx: ChartContext): string {
  return `${valueText(r, ctx)} · ${formatPercent(r.share, ctx.locale)}`;
}

export function buildDistribution(input: DistributionInput, ctx: ChartContext): ChartModel {
  const all = capGroupRows(groupRows(input.field, input.groups, input.measure, ctx, input.kind === 'bar'), input.measure, ctx);
  const rows = input.kind === 'bar' ? all : all.filter((r) => r.value !== null && r.value > 0);
  const keys: ChartModel['keys'] = {};
  for (const r of rows) if (r.group.id !== 'more') keys[r.group.id] = [{ index: 0, key: r.group.key }];
  const fieldName = input.field?.name ?? '';
  if (rows.every((r) => r.count === 0)) return { option: baseOption(ctx), keys, state: emptyState(ctx, 'rows', fieldName) };
  if (rows.every((r) => r.value === null || r.value === 0)) {
    return { option: baseOption(ctx), keys, state: emptyState(ctx, 'numbers', input.measureField?.name ?? '') };
  }
  const tooltip = (p: unknown): string => {
    const r = rows[dataIndexOf(p)];
    return r ? groupTooltip(r, input, ctx) : '';
  };
  const build = input.kind === 'bar' ? barOption : input.kind === 'donut' ? donutOption : treemapOption;
  return { option: build(rows, input, ctx, tooltip), keys, groups: rows.map((r) => r.group.label) };
}

type Tooltip = (p: unknown) => string;

function itemStyle(r: GroupRow) {
  return { color: r.group.color, borderColor: r.group.outline, borderWidth: 1.5 };
}

function barOption(rows: GroupRow[], input: DistributionInput, ctx: ChartContext, tooltip: Tooltip): ChartOption {
  const f = fontsFor(ctx);
  const horizontal = rows.length > 8 || rows.some((r) => r.group.label.length > 8);
  const axis = axisStyle(ctx);
  // Every group keeps its label (ECharts would hide every other one when they crowd): tilted below the bars.
  const tilt = !horizontal && rows.length > 5;
  const categories = {
    type: 'category' as const,
    data: rows.map((r) => r.group.label),
    inverse: horizontal,
    ...axis,
    axisLabel: { ...axis.axisLabel, interval: 0, hideOverlap: false, ...(tilt ? { rotate: 30 } : {}) },
  };
  const values = {
    type: 'value' as const,
    name: measureName(input.measure, input.measureField, ctx),
    ...axisStyle(ctx),
    axisLabel: { fontSize: f.axis, color: TEXT_COLOR, formatter: (v: number) => formatCompact(v, ctx.locale) },
    splitLine: { lineStyle: { color: '#e2e8f0' } },
  };
  return {
    ...baseOption(ctx),
    tooltip: { ...baseOption(ctx).tooltip, trigger: 'item', formatter: tooltip },
    grid: { left: 16, right: horizontal ? 96 : 16, top: 40, bottom: 16 },
    xAxis: horizontal ? values : categories,
    yAxis: horizontal ? categories : values,
    series: [{
      type: 'bar',
      name: measureName(input.measure, input.measureField, ctx),
      barMaxWidth: 64,
      data: rows.map((r) => ({ id: r.group.id, name: r.group.label, value: r.value ?? 0, itemStyle: itemStyle(r) })),
      label: {
        show: true,
        position: horizontal ? 'right' : 'top',
        fontSize: f.label,
        color: TEXT_COLOR,
        formatter: (p: unknown) => {
          const r = rows[dataIndexOf(p)];
          return r ? labelText(r, ctx) : '';
        },
      },
    }],
  };
}

function donutOption(rows: GroupRow[], input: DistributionInput, ctx: ChartContext, tooltip: Tooltip): ChartOption {
  const f = fontsFor(ctx);
  return {
    ...baseOption(ctx),
    tooltip: { ...baseOption(ctx).tooltip, trigger: 'item', formatter: tooltip },
    legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: f.label, color: TEXT_COLOR } },
    series: [{
      type: 'pie',
      name: measureName(input.measure, input.measureField, ctx),
      radius: ['42%', '68%'],
      center: ['50%', '46%'],
      avoidLabelOverlap: true,
      data: rows.map((r) => ({ id: r.group.id, name: r.group.label, value: r.value ?? 0, itemStyle: itemStyle(r) })),
      label: {
        fontSize: f.label,
        color: TEXT_COLOR,
        formatter: (p: unknown) => {
          const r = rows[dataIndexOf(p)];
          return r ? `${r.group.label}\n${formatPercent(r.share, ctx.locale)}` : '';
        },
      },
      labelLine: { lineStyle: { color: '#64748b' } },
    }],
  };
}

/** A tile under this share of the area is too small for a second line. */
export const SMALL_TILE = 0.08;

function tileShare(r: GroupRow, rows: readonly GroupRow[]): number {
  const total = rows.reduce((s, x) => s + Math.max(0, x.value ?? 0), 0);
  return total > 0 ? Math.max(0, r.value ?? 0) / total : 0;
}

function treemapOption(rows: GroupRow[], input: DistributionInput, ctx: ChartContext): ChartOption {
  const f = fontsFor(ctx);
  const byId = new Map(rows.map((r) => [r.group.id, r]));
  return {
    ...baseOption(ctx),
    tooltip: {
      ...baseOption(ctx).tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const r = byId.get(itemId(dataOf(p)) ?? '');
        return r ? groupTooltip(r, input, ctx) : '';
      },
    },
    series: [{
      type: 'treemap',
      name: measureName(input.measure, input.measureField, ctx),
      roam: false,
      nodeClick: false,
      breadcrumb: { show: false },
      left: 8, right: 8, top: 8, bottom: 8,
      data: rows.map((r) => ({ id: r.group.id, name: r.group.label, value: r.value ?? 0, itemStyle: itemStyle(r) })),
      // Two short lines that fit a tile: the name (wrapped when narrow), then value · share; tiny tiles keep the name only.
      label: {
        fontSize: f.small,
        lineHeight: Math.round(f.small * 1.3),
        color: TEXT_COLOR,
        overflow: 'break',
        formatter: (p: unknown) => {
          const r = byId.get(itemId(dataOf(p)) ?? '');
          if (!r) return '';
          return tileShare(r, rows) < SMALL_TILE ? r.group.label : `${r.group.label}\n${labelText(r, ctx)}`;
        },
      },
      itemStyle: { gapWidth: 2 },
    }],
  };
}
