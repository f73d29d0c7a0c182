import { describe, expect, it } from 'vitest';
import { buildDistribution, type DistributionInput } from './distribution';
import { groupRows } from './measure';
import { keysOfClick } from './theme';
import { amount, en, g, region, tier, zh } from './test-fixtures';

const groups = [g(['低'], 60, [600]), g(['高'], 10, [3000]), g([null], 20, [null]), g(['中'], 10, [400])];
const input = (extra: Partial<DistributionInput> = {}): DistributionInput => ({ kind: 'bar', field: tier, measure: { op: 'count' }, groups, ...extra });

type Item = { id: string; name: string; value: number; itemStyle: { color: string } };
function seriesOf(option: unknown): { data: Item[]; label?: { formatter: (p: unknown) => string } } {
  return (option as { series: { data: Item[]; label?: { formatter: (p: unknown) => string } }[] }).series[0]!;
}
function tooltipOf(option: unknown): (p: unknown) => string {
  return (option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;
}

describe('groupRows', () => {
  it('orders groups and computes count shares and measure shares', () => {
    const rows = groupRows(tier, groups, { op: 'sum', fieldId: 'amount' }, en);
    expect(rows.map((r) => r.group.label)).toEqual(['高', '中', '低', 'Unclassified']);
    expect(rows.map((r) => r.countShare)).toEqual([0.1, 0.1, 0.6, 0.2]);
    expect(rows.map((r) => r.share)).toEqual([0.75, 0.1, 0.15, 0]);
  });

  it('uses the share of customers for averages', () => {
    const rows = groupRows(tier, groups, { op: 'avg', fieldId: 'amount' }, en);
    expect(rows[0]).toMatchObject({ value: 3000, share: 0.1 });
  });
});

describe('buildDistribution', () => {
  it('draws bars in grouping order with chip colours, clickable by group', () => {
    const model = buildDistribution(input(), zh);
    const s = seriesOf(model.option);
    expect(s.data.map((d) => d.name)).toEqual(['高', '中', '低', '未分组']);
    expect(s.data[0]?.itemStyle.color).toBe('#fde68a');
    expect(s.label?.formatter({ dataIndex: 2 })).toBe('60 · 60.0%');
    expect(keysOfClick(model, s.data[3])).toEqual([{ index: 0, key: null }]);
    expect(keysOfClick(model, { value: 1 })).toBeNull();
    expect(model.groups).toEqual(['高', '中', '低', '未分组']);
  });

  it('shows share, measure and the suggested action in the tooltip, escaped', () => {
    const model = buildDistribution(input({ measure: { op: 'sum', fieldId: 'amount' }, measureField: amount }), en);
    const html = tooltipOf(model.option)({ dataIndex: 0 });
    expect(html).toContain('Sum of 金额: <b>3,000</b>');
    expect(html).toContain('Share: <b>75.0%</b>');
    expect(html).toContain('Suggested action: 专属服务、优先支持');
    const evil = buildDistribution(input({ field: region, groups: [g(['<img src=x>'], 1)] }), en);
    expect(tooltipOf(evil.option)({ dataIndex: 0 })).not.toContain('<img');
  });

  it('leaves zero groups out of donuts and treemaps', () => {
    const donut = buildDistribution(input({ kind: 'donut', groups: [g(['高'], 3)] }), en);
    expect(seriesOf(donut.option).data.map((d) => d.name)).toEqual(['高']);
    const tree = buildDistribution(input({ kind: 'treemap' }), en);
    expect(seriesOf(tree.option).data).toHaveLength(4);
  });

  it('describes empty data and a measure with no numbers', () => {
    expect(buildDistribution(input({ groups: [] }), zh).state).toEqual({ kind: 'empty', title: '暂无可绘制的数据', hint: '此数据表还没有数据。请在“表格”视图中导入或粘贴数据后再回来。' });
    const noNumbers = buildDistribution(input({ measure: { op: 'sum', fieldId: 'amount' }, measureField: amount, groups: [g(['高'], 2, [null])] }), en);
    expect(noNumbers.state?.hint).toBe('“金额” has no numbers. Pick a number field for the measure.');
  });

  it('merges the smallest undeclared groups past 30 into one group that is not clickable', () => {
    const many = [...Array.from({ length: 40 }, (_, i) => g([`r${i}`], 100 - i)), g([null], 5), g(['高'], 1)];
    const model = buildDistribution(input({ groups: many }), en);
    const names = seriesOf(model.option).data.map((d) => d.name);
    expect(names).toHaveLength(30);
    expect(names.slice(0, 3)).toEqual(['高', '中', '低']);
    expect(names.slice(-3)).toEqual(['r24', '15 more groups', 'Unclassified']);
    expect(seriesOf(model.option).data.at(-2)?.value).toBe(1020);
    expect(model.keys.more).toBeUndefined();
  });

  it('labels every bar, tilted when there are many', () => {
    const eight = Array.from({ length: 8 }, (_, i) => g([`客户${i}`], i + 1));
    const option = buildDistribution(input({ field: region, groups: eight }), zh).option as { xAxis: { type: string; axisLabel: { interval: number; rotate?: number } } };
    expect(option.xAxis.type).toBe('category');
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, rotate: 30 });
    const three = buildDistribution(input(), zh).option as { xAxis: { axisLabel: { interval: number; rotate?: number } } };
    expect(three.xAxis.axisLabel.interval).toBe(0);
    expect(three.xAxis.axisLabel.rotate).toBeUndefined();
  });

  it('labels treemap tiles with the name, then value and share, and only the name on tiny tiles', () => {
    const tree = buildDistribution(input({ kind: 'treemap', groups: [g(['高'], 95), g(['低'], 5)] }), en);
    const s = seriesOf(tree.option);
    expect(s.label?.formatter({ data: s.data[0] })).toBe('高\n95 · 95.0%');
    expect(s.label?.formatter({ data: s.data[1] })).toBe('低');
  });

  it('lays bars horizontally when there are many groups', () => {
    const many = Array.from({ length: 12 }, (_, i) => g([`r${i}`], i + 1));
    const option = buildDistribution(input({ field: region, groups: many }), en).option as { yAxis: { type: string } };
    expect(option.yAxis.type).toBe('category');
  });
});
