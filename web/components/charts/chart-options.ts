import type { EChartsCoreOption } from 'echarts/core';
import { formatNumber } from '../grid/format';
import type { Bin } from '../wizard/suggest';

export interface CutLine {
  value: number;
  label: string;
  color: string;
}

/** A histogram with the wizard's cut points drawn as labelled vertical lines. */
export function histogramOption(bins: readonly Bin[], cuts: readonly CutLine[], locale: string, countLabel: string): EChartsCoreOption {
  const fmt = (n: number) => formatNumber(n, locale, 2);
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 28, bottom: 36 },
    tooltip: { trigger: 'item', formatter: (p: { data: [number, number, number, number] }) => `${fmt(p.data[2])} – ${fmt(p.data[3])}<br/>${countLabel}: ${fmt(p.data[1])}` },
    xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt(v) } },
    yAxis: { type: 'value', name: countLabel, minInterval: 1 },
    series: [
      {
        type: 'bar',
        barWidth: '95%',
        itemStyle: { color: '#94a3b8' },
        data: bins.map((b) => [(b.from + b.to) / 2, b.count, b.from, b.to]),
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
