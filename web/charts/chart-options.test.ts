import { describe, expect, it } from 'vitest';
import { outlineFor } from './palette';
import { categoryOption, darken, groupBarStyle, histogramOption } from './chart-options';

describe('chart options', () => {
  it('draws cut points as mark lines on the histogram', () => {
    const o = histogramOption([{ from: 0, to: 10, count: 3 }], [{ value: 5, label: '高', color: '#fecaca' }], 'zh-CN', '行数') as {
      series: { data: { value: number[]; itemStyle: { color: string } }[]; markLine: { data: { xAxis: number; label: { formatter: string } }[] } }[];
    };
    expect(o.series[0]?.data).toEqual([{ value: [5, 3, 0, 10], itemStyle: { color: '#94a3b8' } }]);
    expect(o.series[0]?.markLine.data[0]).toMatchObject({ xAxis: 5, label: { formatter: '高 5' } });
  });
  it('colours each histogram bar by the group of its middle value', () => {
    const bins = [{ from: 0, to: 10, count: 3 }, { from: 10, to: 20, count: 1 }];
    const o = histogramOption(bins, [], 'en', 'n', (middle) => groupBarStyle(middle >= 10 ? '#dbeafe' : undefined)) as { series: { data: { itemStyle: { color: string } }[] }[] };
    expect(o.series[0]?.data.map((d) => d.itemStyle)).toEqual([
      { color: '#e5e7eb', borderColor: outlineFor('#e5e7eb'), borderWidth: 1 },
      { color: '#dbeafe', borderColor: outlineFor('#dbeafe'), borderWidth: 1 },
    ]);
  });
  it('colours category bars by group', () => {
    const o = categoryOption([{ value: '浙江', count: 2, color: '#dbeafe' }], 'n') as { series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    expect(o.series[0]?.data[0]?.value).toBe(2);
    expect(darken('#ffffff', 0.5)).toBe('#808080');
  });
});
