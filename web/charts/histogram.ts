// Histogram of a number field with threshold lines (the grouping wizard draws its cut points with it).
import type { CellValue, Field } from '../../common';
import { describeGroup } from './groups';
import { emptyState } from './states';
import {
  axisStyle, baseOption, dataIndexOf, fontsFor, formatCompact, formatNumber, TEXT_COLOR, tooltipHtml,
  type ChartContext, type ChartModel,
} from './theme';

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface Threshold {
  value: number;
  label?: string;
  color?: string;
}

/** The value range of one tier of a grouping field (from a summary with min and max of the number field). */
export interface TierRange {
  key: CellValue;
  min: number;
  max: number;
}

/**
 * The cut points of a tier field over a number field: where each tier starts, lowest tier first. Only when the
 * tiers are ranges that do not overlap (thresholds, ranks, PARETO bands); a grouping by region gives none.
 */
export function tierThresholds(field: Field | undefined, tiers: readonly TierRange[], ctx: ChartContext): Threshold[] {
  const named = tiers.filter((t) => t.key !== null && typeof t.key !== 'object').sort((a, b) => a.min - b.min);
  for (let i = 1; i < named.length; i++) if ((named[i - 1]?.max ?? 0) > (named[i]?.min ?? 0)) return [];
  return named.slice(1).map((t) => {
    const g = describeGroup(field, t.key, ctx.t, ctx.locale);
    // Drawn at the tier's lowest value in the data; the label names the tier only, since the rule's own
    // threshold may lie anywhere in the gap below it.
    return { value: t.min, label: g.label, color: g.outline };
  });
}

export interface HistogramInput {
  field: Field | undefined;
  bins: readonly Bin[];
  thresholds?: readonly Threshold[];
}

/** Equal-width bin edges over [min, max] with a round step (1, 2 or 5 × 10ⁿ), about `target` bins. */
export function niceEdges(min: number, max: number, target = 20): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min - 0.5, min + 0.5];
  const raw = (max - min) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const start = Math.floor(min / step) * step;
  const edges: number[] = [];
  for (let e = start; e <= max + step * 1e-9; e += step) edges.push(Number(e.toPrecision(12)));
  const last = edges[edges.length - 1];
  if (last === undefined || last < max) edges.push(Number(((last ?? start) + step).toPrecision(12)));
  return edges;
}

/** Counts values into [edge_i, edge_i+1) bins; the last bin also takes its upper edge. */
export function binValues(values: readonly number[], edges: readonly number[]): Bin[] {
  const bins: Bin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) bins.push({ from: edges[i] ?? 0, to: edges[i + 1] ?? 0, count: 0 });
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    let lo = 0;
    let hi = bins.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bins[mid]?.from ?? Infinity) <= v) lo = mid;
      else hi = mid - 1;
    }
    const bin = bins[lo];
    if (bin && v >= bin.from && (v < bin.to || (lo === bins.length - 1 && v <= bin.to))) bin.count++;
  }
  return bins;
}

export function buildHistogram(input: HistogramInput, ctx: ChartContext): ChartModel {
  const f = fontsFor(ctx);
  const name = input.field?.name ?? '';
  if (input.bins.every((b) => b.count === 0)) return { option: baseOption(ctx), keys: {}, state: emptyState(ctx, 'numbers', name) };
  const base = baseOption(ctx);
  const binLabel = (b: Bin) => ctx.t('bin', { from: formatNumber(b.from, ctx.locale), to: formatNumber(b.to, ctx.locale) });
  const first = input.bins[0];
  const last = input.bins[input.bins.length - 1];
  return {
    keys: {},
    option: {
      ...base,
      tooltip: {
        ...base.tooltip,
        trigger: 'item',
        formatter: (p: unknown) => {
          const b = input.bins[dataIndexOf(p)];
          return b ? tooltipHtml(binLabel(b), [[ctx.t('count'), formatNumber(b.count, ctx.locale, 0)]]) : '';
        },
      },
      grid: { left: 16, right: 36, top: 40, bottom: 40 },
      xAxis: {
        type: 'value', name, nameLocation: 'middle', nameGap: 28, min: first?.from, max: last?.to, ...axisStyle(ctx),
        // The top edge is rarely a round tick: its label would crowd the last round one.
        axisLabel: { fontSize: f.axis, color: TEXT_COLOR, showMaxLabel: false, formatter: (v: number) => formatCompact(v, ctx.locale) },
        splitLine: { show: false },
      },
      yAxis: { type: 'value', name: ctx.t('count'), ...axisStyle(ctx), splitLine: { lineStyle: { color: '#e2e8f0' } } },
      series: [{
        type: 'bar',
        name: ctx.t('count'),
        barCategoryGap: '4%',
        itemStyle: { color: '#93c5fd', borderColor: '#1e40af', borderWidth: input.bins.length > 60 ? 0 : 1 },
        data: input.bins.map((b) => [(b.from + b.to) / 2, b.count]),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'solid', width: 2, color: '#b91c1c' },
          // Along the line, at its top: neighbouring cut points do not write over each other.
          label: { fontSize: f.label, color: '#b91c1c', position: 'insideEndTop', formatter: '{b}', fontWeight: 'bold' },
          data: (input.thresholds ?? []).map((th) => ({
            name: th.label ?? ctx.t('threshold', { value: formatNumber(th.value, ctx.locale) }),
            xAxis: th.value,
            ...(th.color ? { lineStyle: { color: th.color }, label: { color: th.color } } : {}),
          })),
        },
      }],
    },
  };
}
