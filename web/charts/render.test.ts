// Every builder's option drawn by real ECharts (server-side SVG, no DOM): no errors, and the texts show.
import { init } from 'echarts/core';
import { describe, expect, it } from 'vitest';
import { buildCrosstab } from './crosstab';
import { buildDistribution } from './distribution';
import { buildHistogram } from './histogram';
import { buildPareto } from './pareto';
import { registerCharts } from './register';
import { amount, g, region, tier, zh } from './test-fixtures';
import type { ChartModel } from './theme';

registerCharts();

function svgOf(model: ChartModel): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 480 });
  chart.setOption(model.option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const groups = [g(['低'], 60, [600]), g(['高'], 10, [3000]), g([null], 20, [null]), g(['中'], 10, [400])];

describe('options render in ECharts', () => {
  it.each(['bar', 'donut', 'treemap'] as const)('%s shows the group names', (kind) => {
    const svg = svgOf(buildDistribution({ kind, field: tier, measure: { op: 'count' }, groups }, zh));
    for (const name of ['高', '中', '低', '未分组']) expect(svg).toContain(name);
    expect(svg).toContain('#fde68a');
  });

  it('pareto shows the bands and the 80%/95% lines', () => {
    const customers = [50, 20, 10, 5, 5, 4, 3, 1, 1, 1].map((value, i) => ({ label: `c${i}`, value }));
    const svg = svgOf(buildPareto({ valueField: amount, customers, totalCount: 10 }, zh));
    for (const text of ['A 类', 'B 类', 'C 类', '80%', '95%', '累计占比']) expect(svg).toContain(text);
  });

  it('cross-tab shows both groupings and the totals', () => {
    const svg = svgOf(buildCrosstab({ rowField: tier, colField: region, measure: { op: 'count' }, groups: [g(['高', '华东'], 2), g(['低', '华北'], 5)] }, zh));
    for (const text of ['高', '华东', '华北', '合计']) expect(svg).toContain(text);
  });

  it('histogram shows its threshold labels', () => {
    const svg = svgOf(buildHistogram({ field: amount, bins: [{ from: 0, to: 10, count: 3 }, { from: 10, to: 20, count: 1 }], thresholds: [{ value: 12, label: '高/中' }] }, zh));
    expect(svg).toContain('高/中');
  });
});
