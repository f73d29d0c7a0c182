import type { EChartsCoreOption } from 'echarts/core';
import { formatNumber } from '../grid/format';
import { outlineFor, UNCLASSIFIED_COLOR } from './palette';
import type { Bin } from '../wizard/suggest';

export interface CutLine {
  value: number;
  label: string;
  color: string;
}

const BAR_GREY = '#94a3b8';

export interface BarStyle { color: string; borderColor?: string; borderWidth?: number }

/**
 * A bar as the dashboard draws a group: filled with its chip colour, outlined in a stronger shade (the
 * "unclassified" grey when its values are in no group).
 */
export function groupBarStyle(chip: string | undefined): BarStyle {
  const fill = chip ?? UNCLASSIFIED_COLOR;
  return { color: fill, borderColor: outlineFor(fill), borderWidth: 1 };
}

/**
 * A histogram with the wizard's cut points drawn as labelled vertical lines; styleOf (a bin's middle value → style)
 * paints each bar in the colour of the group its values fall in.
 */
export function histogramOption(
  bins: readonly Bin[],
  cuts: readonly CutLine[],
  locale: string,
  countLabel: string,
  styleOf: (middle: number) => BarStyle = () => ({ color: BAR_GREY }),
): EChartsCoreOption {
  const fmt = (n: number) => formatNumber(n, locale, 2);
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 28, bottom: 36 },
    tooltip: { trigger: 'item', formatter: (p: { value: [number, number, number, number] }) => `${fmt(p.value[2])} – ${fmt(p.value[3])}<br/>${countLabel}: ${fmt(p.value[1])}` },
    xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt(v) } },
    yAxis: { type: 'value', name: countLabel, minInterval: 1 },
    series: [
      {
        type: 'bar',
        barWidth: '95%',
        data: bins.map((b) => {
          const middle = (b.from + b.to) / 2;
          return { value: [middle, b.count, b.from, b.to], itemStyle: styleOf(middle) };
        }),
        markLine: {
          symbol: 'none',
          silent: true,
          data: cuts.filter((c) => Number.isFinite(c.value)).map((c) => ({
            xAxis: c.value,
            lineStyle: { color: c.color === '#e5e7eb' ? '#64748b' : darken(c.color), width: 2, type: 'solid' },
            label: { formatter: `${c.label} ${fmt(c.value)}`, color: '#1f2937' },
          })),
        },
      },
    ],
  };
}

/** Bars of category counts, each in the colour of the group it is mapped to. */
export function categoryOption(cats: readonly { value: string; count: number; color: string }[], countLabel: string): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 60 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: cats.map((c) => c.value), axisLabel: { rotate: cats.length > 8 ? 40 : 0, interval: 0 } },
    yAxis: { type: 'value', name: countLabel, minInterval: 1 },
    series: [{ type: 'bar', data: cats.map((c) => ({ value: c.count, itemStyle: { color: c.color === '#e5e7eb' ? '#cbd5e1' : darken(c.color) } })) }],
  };
}

/** A stronger shade of a soft chip colour, for lines and bars. */
export function darken(hex: string, f = 0.35): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m || !m[1]) return hex;
  const n = parseInt(m[1], 16);
  const ch = (s: number) => Math.round(((n >> s) & 255) * (1 - f));
  return `#${[16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('')}`;
}
