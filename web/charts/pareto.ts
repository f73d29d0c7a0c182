// Pareto (ABC) chart: customers sorted by value as bars, the cumulative share as a line, the 80% and 95% lines,
// and the A/B/C bands as marked areas. The x axis is the customer rank (a value axis), so the top customers can
// be drawn as bars while the curve still reaches every customer through the band totals (see fetch-chart-data).
import type { CellValue, Field } from '../../common';
import { describeGroup, groupId, orderKeys, type ChartGroup } from './groups';
import { outlineFor, paletteColor } from './palette';
import { emptyState } from './states';
import {
  axisStyle, baseOption, dataIndexOf, fontsFor, formatCompact, formatNumber, formatPercent, MUTED_COLOR, TEXT_COLOR,
  tooltipHtml, type ChartContext, type ChartModel,
} from './theme';

export interface ParetoCustomer {
  label: string;
  value: number;
}

/** A band from a summary of the ABC field: its key, customers, and the sum of the value field. */
export interface ParetoBand {
  key: CellValue;
  count: number;
  sum: number;
}

export interface ParetoInput {
  valueField: Field | undefined;
  /** The ABC grouping field, when the chart has one. */
  abcField?: Field;
  /** The top customers by value, descending. */
  customers: readonly ParetoCustomer[];
  /** Customers with a value, in all. */
  totalCount: number;
  /** Bands in grouping order (from the summary of abcField); without them, bands are cut at `cuts`. */
  bands?: readonly ParetoBand[];
  cuts?: readonly [number, number];
}

interface Band {
  group: ChartGroup;
  from: number;
  to: number;
  cumShare: number;
}

/** Bands as rank ranges [from, to] (1-based, inclusive) with the cumulative share at their end. */
export function paretoBands(input: ParetoInput, ctx: ChartContext, totalValue: number): Band[] {
  if (input.bands && input.bands.length > 0) {
    let rank = 0;
    let cum = 0;
    const order = orderKeys(input.abcField, input.bands.map((b) => ({ key: b.key, count: b.count }))).map((k) => groupId(k.key));
    return [...input.bands]
      .sort((x, y) => order.indexOf(groupId(x.key)) - order.indexOf(groupId(y.key)))
      .filter((b) => b.count > 0 && b.key !== null && typeof b.key !== 'object')
      .map((b) => {
        const from = rank + 1;
        rank += b.count;
        cum += b.sum;
        return { group: describeGroup(input.abcField, b.key, ctx.t, ctx.locale), from, to: rank, cumShare: totalValue > 0 ? cum / totalValue : 0 };
      });
  }
  // No ABC field: cut the shown customers as the abc template does (A while PARETO ≤ a, B while ≤ b, else C),
  // only when every customer is shown (a partial total would put the cuts in the wrong places).
  if (input.customers.length < input.totalCount || totalValue <= 0) return [];
  const [a, b] = input.cuts ?? [0.8, 0.95];
  const labels = [ctx.t('bandA'), ctx.t('bandB'), ctx.t('bandC')];
  const bands: Band[] = [];
  let cum = 0;
  input.customers.forEach((c, i) => {
    cum += c.value;
    const share = cum / totalValue;
    const index = share <= a + 1e-9 ? 0 : share <= b + 1e-9 ? 1 : 2;
    const last = bands[bands.length - 1];
    if (last && last.group.id === `band:${index}`) {
      last.to = i + 1;
      last.cumShare = share;
      return;
    }
    const color = paletteColor(index);
    const label = labels[index] ?? '';
    const group: ChartGroup = { id: `band:${index}`, key: label, kind: 'other', label, color, outline: outlineFor(color) };
    bands.push({ group, from: i + 1, to: i + 1, cumShare: share });
  });
  return bands;
}

export function buildPareto(input: ParetoInput, ctx: ChartContext): ChartModel {
  const f = fontsFor(ctx);
  const shownSum = input.customers.reduce((s, c) => s + c.value, 0);
  const bandSum = input.bands?.reduce((s, b) => s + b.sum, 0) ?? 0;
  const complete = input.customers.length >= input.totalCount;
  const totalValue = complete ? shownSum : bandSum > 0 ? bandSum : shownSum;
  if (input.customers.length === 0 || totalValue <= 0) {
    return { option: baseOption(ctx), keys: {}, state: emptyState(ctx, input.totalCount > 0 ? 'numbers' : 'rows', input.valueField?.name ?? '') };
  }
  const bands = paretoBands(input, ctx, totalValue);
  const keys: ChartModel['keys'] = {};
  if (input.abcField) for (const b of bands) keys[b.group.id] = [{ index: 0, key: b.group.key }];
  const bandOf = (rank: number): Band | undefined => bands.find((b) => rank >= b.from && rank <= b.to);

  let cum = 0;
  const line: [number, number][] = [[0, 0]];
  input.customers.forEach((c, i) => {
    cum += c.value;
    line.push([i + 1, cum / totalValue]);
  });
  // Past the bars, the curve goes through each band's end (exact) and ends at 100% of all customers.
  for (const b of bands) if (b.to > input.customers.length) line.push([b.to, b.cumShare]);
  if (!complete && (line[line.length - 1]?.[0] ?? 0) < input.totalCount && bandSum > 0) line.push([input.totalCount, 1]);

  const valueName = input.valueField?.name ?? '';
  const note = complete ? '' : ctx.t(bandSum > 0 ? 'paretoShown' : 'paretoPartial', {
    shown: formatNumber(input.customers.length, ctx.locale, 0), total: formatNumber(input.totalCount, ctx.locale, 0),
  });
  const base = baseOption(ctx);
  return {
    keys,
    groups: bands.map((b) => b.group.label),
    option: {
      ...base,
      title: note ? { text: note, left: 8, bottom: 0, textStyle: { fontSize: f.small, fontWeight: 'normal', color: MUTED_COLOR } } : undefined,
      legend: { top: 0, left: 'center', textStyle: { fontSize: f.label, color: TEXT_COLOR } },
      tooltip: {
        ...base.tooltip,
        trigger: 'item',
        formatter: (p: unknown) => {
          const i = dataIndexOf(p);
          const c = input.customers[i];
          if (!c) return '';
          const band = bandOf(i + 1);
          return tooltipHtml(c.label, [
            [`#`, formatNumber(i + 1, ctx.locale, 0)],
            [valueName, formatNumber(c.value, ctx.locale)],
            [ctx.t('cumulative'), formatPercent((line[i + 1]?.[1] ?? 0), ctx.locale)],
            ...(band ? [[ctx.t('group'), band.group.label] as [string, string]] : []),
          ]);
        },
      },
      // Room above the plot for the legend and, under it, the band names; both grow with the font scale.
      grid: { left: 16, right: 16, top: Math.round(58 * (ctx.scale ?? 1)), bottom: Math.round((note ? 60 : 40) * (ctx.scale ?? 1)) },
      xAxis: {
        type: 'value', min: 0, max: Math.max(input.totalCount, input.customers.length), name: ctx.t('rank', { field: valueName }),
        nameLocation: 'middle', nameGap: 28, ...axisStyle(ctx), splitLine: { show: false },
      },
      yAxis: [
        { type: 'value', name: valueName, ...axisStyle(ctx), axisLabel: { fontSize: f.axis, color: TEXT_COLOR, formatter: (v: number) => formatCompact(v, ctx.locale) }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
        { type: 'value', name: ctx.t('cumulative'), min: 0, max: 1, ...axisStyle(ctx), axisLabel: { fontSize: f.axis, color: TEXT_COLOR, formatter: (v: number) => formatPercent(v, ctx.locale, 0) }, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: valueName,
          barCategoryGap: '10%',
          itemStyle: { color: '#64748b' },
          data: input.customers.map((c, i) => {
            const band = bandOf(i + 1);
            // The band areas carry the pale chip colour; bars take its darker shade so thin bars stay visible.
            const color = outlineFor(band?.group.color ?? paletteColor(0), 0.3);
            return { id: band && input.abcField ? band.group.id : `rank:${i + 1}`, value: [i + 1, c.value], itemStyle: { color } };
          }),
          markArea: {
            silent: true,
            label: { fontSize: f.label, color: TEXT_COLOR, fontWeight: 'bold', position: 'top' },
            data: bands.map((b) => [
              { name: b.group.label, xAxis: b.from - 0.5, itemStyle: { color: b.group.color, opacity: 0.35 } },
              { xAxis: b.to + 0.5 },
            ]),
          },
        },
        {
          type: 'line',
          name: ctx.t('cumulative'),
          yAxisIndex: 1,
          showSymbol: false,
          lineStyle: { width: 3, color: '#1d4ed8' },
          itemStyle: { color: '#1d4ed8' },
          data: line,
          tooltip: { show: false },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#b91c1c', width: 2 },
            // At the right end, under each line: the band names sit above the plot and the curve runs above
            // both lines there, so "95%" no longer lands on the "B" band's name.
            label: { formatter: '{b}', fontSize: f.label, color: '#b91c1c', position: 'insideEndBottom', fontWeight: 'bold' },
            data: [{ name: ctx.t('line80'), yAxis: 0.8 }, { name: ctx.t('line95'), yAxis: 0.95 }],
          },
        },
      ],
    },
  };
}
