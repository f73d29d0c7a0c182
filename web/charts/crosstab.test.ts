import { describe, expect, it } from 'vitest';
import { buildCrosstab, crosstabTable, labelColor } from './crosstab';
import { amount, en, g, region, tier } from './test-fixtures';

const groups = [
  g(['低', '华东'], 4, [40]), g(['高', '华北'], 1, [100]), g(['高', '华东'], 2, [300]),
  g([null, '华北'], 3, [null]), g(['低', '华北'], 6, [30]),
];

describe('crosstabTable', () => {
  it('orders both groupings and adds row, column and grand totals', () => {
    const t = crosstabTable({ rowField: tier, colField: region, measure: { op: 'count' }, groups }, en);
    expect(t.rows.map((r) => r.label)).toEqual(['高', '中', '低', 'Unclassified']);
    expect(t.cols.map((c) => c.label)).toEqual(['华北', '华东']);
    expect(t.cells.map((r) => r.map((c) => c.value))).toEqual([[1, 2], [0, 0], [6, 4], [3, 0]]);
    expect(t.rowTotals.map((c) => c.value)).toEqual([3, 0, 10, 3]);
    expect(t.colTotals.map((c) => c.value)).toEqual([10, 6]);
    expect(t.total).toEqual({ count: 16, value: 16 });
  });

  it('adds sums and weights averages by count', () => {
    const sum = crosstabTable({ rowField: tier, colField: region, measure: { op: 'sum', fieldId: 'amount' }, groups }, en);
    expect(sum.rowTotals[0]?.value).toBe(400);
    expect(sum.rowTotals[3]?.value).toBeNull();
    const avg = crosstabTable({ rowField: tier, colField: region, measure: { op: 'avg', fieldId: 'amount' }, measureField: amount, groups }, en);
    expect(avg.rowTotals[0]?.value).toBeCloseTo((100 * 1 + 300 * 2) / 3);
  });
});

describe('buildCrosstab', () => {
  it('draws a heatmap with a totals row and column, clickable by both groups', () => {
    const model = buildCrosstab({ rowField: tier, colField: region, measure: { op: 'count' }, groups }, en);
    const o = model.option as unknown as { xAxis: { data: string[] }; yAxis: { data: string[] }; series: { data: { id: string; value: unknown[] }[] }[] };
    expect(o.xAxis.data).toEqual(['华北', '华东', 'Total']);
    expect(o.yAxis.data).toEqual(['高', '中', '低', 'Unclassified', 'Total']);
    expect(o.series[1]?.data.at(-1)).toEqual({ id: 'total', value: [2, 4, 16] });
    expect(model.keys['v:高|v:华东']).toEqual([{ index: 0, key: '高' }, { index: 1, key: '华东' }]);
    expect(model.keys['col:v:华北']).toEqual([{ index: 1, key: '华北' }]);
    const tip = (o as unknown as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter({ value: [2, 0] });
    expect(tip).toContain('高 × Total');
  });

  it('names the fields over their labels and numbers the ends of the colour bar', () => {
    const model = buildCrosstab({ rowField: tier, colField: region, measure: { op: 'count' }, groups }, en);
    const o = model.option as unknown as {
      xAxis: { name: string; nameLocation: string; position: string };
      yAxis: { name: string; nameLocation: string; nameTextStyle: { align: string } };
      visualMap: { text?: string[] }[];
    };
    expect(o.xAxis).toMatchObject({ name: region.name, nameLocation: 'middle', position: 'top' });
    expect(o.yAxis).toMatchObject({ name: tier.name, nameLocation: 'start', nameTextStyle: { align: 'right' } });
    expect(o.visualMap[0]?.text).toEqual(['6', '0']);
  });

  it('is empty without groups, and labels dark cells in white', () => {
    expect(buildCrosstab({ rowField: tier, colField: region, measure: { op: 'count' }, groups: [] }, en).state?.kind).toBe('empty');
    expect(labelColor(9, 10)).toBe('#ffffff');
    expect(labelColor(1, 10)).not.toBe('#ffffff');
  });
});
