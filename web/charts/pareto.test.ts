import { describe, expect, it } from 'vitest';
import { buildPareto, paretoBands, type ParetoInput } from './pareto';
import { amount, en, field } from './test-fixtures';

const abc = field('abc', { groups: [{ value: 'A', color: '#fecaca' }, { value: 'B', color: '' }, { value: 'C', color: '' }] });
// 10 customers, values 50, 20, 10, 5, 5, 4, 3, 1, 1, 1 (total 100)
const values = [50, 20, 10, 5, 5, 4, 3, 1, 1, 1];
const customers = values.map((value, i) => ({ label: `c${i + 1}`, value }));

type Opt = {
  series: [
    { data: { id: string; value: [number, number] }[]; markArea: { data: [{ name: string; xAxis: number }, { xAxis: number }][] } },
    { data: [number, number][]; markLine: { data: { yAxis: number }[] } },
  ];
  title?: { text: string };
};

describe('paretoBands', () => {
  it('cuts A/B/C at 80% and 95% as the abc template does', () => {
    const bands = paretoBands({ valueField: amount, customers, totalCount: 10 }, en, 100);
    expect(bands.map((b) => [b.group.label, b.from, b.to])).toEqual([['A', 1, 3], ['B', 4, 6], ['C', 7, 10]]);
  });

  it('takes bands from the ABC field summary, in grouping order', () => {
    const input: ParetoInput = {
      valueField: amount, abcField: abc, customers, totalCount: 10,
      bands: [{ key: 'C', count: 4, sum: 6 }, { key: 'A', count: 3, sum: 80 }, { key: 'B', count: 3, sum: 14 }],
    };
    const bands = paretoBands(input, en, 100);
    expect(bands.map((b) => [b.group.label, b.from, b.to, b.cumShare])).toEqual([['A', 1, 3, 0.8], ['B', 4, 6, 0.94], ['C', 7, 10, 1]]);
    expect(bands[0]?.group.color).toBe('#fecaca');
  });
});

describe('buildPareto', () => {
  it('draws sorted bars, the cumulative line, the 80%/95% lines and the bands', () => {
    const model = buildPareto({ valueField: amount, customers, totalCount: 10 }, en);
    const o = model.option as unknown as Opt;
    expect(o.series[0].data.map((d) => d.value[1])).toEqual(values);
    expect(o.series[1].data.at(-1)).toEqual([10, 1]);
    expect(o.series[1].data[3]).toEqual([3, 0.8]);
    expect(o.series[1].markLine.data.map((d) => d.yAxis)).toEqual([0.8, 0.95]);
    expect(o.series[0].markArea.data.map(([a, b]) => [a.name, a.xAxis, b.xAxis])).toEqual([['A', 0.5, 3.5], ['B', 3.5, 6.5], ['C', 6.5, 10.5]]);
    expect(o.title).toBeUndefined();
  });

  it('reaches every customer through the band totals when only the top ones are shown', () => {
    const model = buildPareto({
      valueField: amount, abcField: abc, customers: customers.slice(0, 2), totalCount: 10,
      bands: [{ key: 'A', count: 3, sum: 80 }, { key: 'B', count: 3, sum: 14 }, { key: 'C', count: 4, sum: 6 }],
    }, en);
    const o = model.option as unknown as Opt;
    expect(o.series[1].data).toEqual([[0, 0], [1, 0.5], [2, 0.7], [3, 0.8], [6, 0.94], [10, 1]]);
    expect(o.title?.text).toBe('Top 2 of 10 customers shown; the curve uses the full total.');
    expect(model.keys['v:A']).toEqual([{ index: 0, key: 'A' }]);
    expect(o.series[0].data[0]?.id).toBe('v:A');
  });

  it('has no bands without an ABC field when only some customers are shown', () => {
    const model = buildPareto({ valueField: amount, customers: customers.slice(0, 2), totalCount: 10 }, en);
    const o = model.option as unknown as Opt;
    expect(o.series[0].markArea.data).toEqual([]);
    expect(o.title?.text).toContain('add an ABC field');
  });

  it('is empty without customers', () => {
    expect(buildPareto({ valueField: amount, customers: [], totalCount: 0 }, en).state?.kind).toBe('empty');
  });
});
