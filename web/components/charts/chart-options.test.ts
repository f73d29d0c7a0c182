import { describe, expect, it } from 'vitest';
import { categoryOption, darken, histogramOption } from './chart-options';

describe('chart options', () => {
  it('draws cut points as mark lines on the histogram', () => {
    const o = histogramOption([{ from: 0, to: 10, count: 3 }], [{ value: 5, label: '高', color: '#fecaca' }], 'zh-CN', '行数') as {
      series: { data: number[][]; markLine: { data: { xAxis: number; label: { formatter: string } }[] } }[];
    };
    expect(o.series[0]?.data).toEqual([[5, 3, 0, 10]]);
    expect(o.series[0]?.markLine.data[0]).toMatchObject({ xAxis: 5, label: { formatter: '高 5' } });
  });
  it('colours category bars by group', () => {
    const o = categoryOption([{ value: '浙江', count: 2, color: '#dbeafe' }], 'n') as { series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    expect(o.series[0]?.data[0]?.value).toBe(2);
    expect(darken('#ffffff', 0.5)).toBe('#808080');
  });
});
