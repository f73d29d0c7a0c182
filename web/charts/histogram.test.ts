import { describe, expect, it } from 'vitest';
import { binValues, buildHistogram, niceEdges, tierThresholds } from './histogram';
import { amount, en, tier, zh } from './test-fixtures';

describe('niceEdges', () => {
  it('uses round steps covering min and max', () => {
    expect(niceEdges(0, 100, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(niceEdges(3, 47, 5)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceEdges(0.1, 0.9, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceEdges(5, 5)).toEqual([4.5, 5.5]);
  });
});

describe('binValues', () => {
  it('counts values into half-open bins, the last one closed', () => {
    const bins = binValues([0, 5, 10, 19.9, 20, Number.NaN], [0, 10, 20]);
    expect(bins).toEqual([{ from: 0, to: 10, count: 2 }, { from: 10, to: 20, count: 3 }]);
  });
});

describe('buildHistogram', () => {
  it('draws bins and threshold lines', () => {
    const model = buildHistogram({ field: amount, bins: [{ from: 0, to: 10, count: 3 }, { from: 10, to: 20, count: 1 }], thresholds: [{ value: 12 }, { value: 5, label: '低/中' }] }, zh);
    const s = (model.option as unknown as { series: { data: number[][]; markLine: { data: { name: string; xAxis: number }[] } }[] }).series[0]!;
    expect(s.data).toEqual([[5, 3], [15, 1]]);
    expect(s.markLine.data).toEqual([{ name: '分界 12', xAxis: 12 }, { name: '低/中', xAxis: 5 }]);
  });

  it('is empty when no bin has values', () => {
    expect(buildHistogram({ field: amount, bins: [] }, en).state?.hint).toContain('金额');
  });
});

describe('tierThresholds', () => {
  it('puts a cut where each higher tier starts, labelled and coloured as the tier', () => {
    const ths = tierThresholds(tier, [
      { key: '高', min: 100, max: 500 }, { key: '中', min: 20, max: 99 }, { key: '低', min: 0, max: 19 }, { key: null, min: 0, max: 0 },
    ], en);
    expect(ths.map((t) => [t.value, t.label])).toEqual([[20, '中'], [100, '高']]);
    expect(ths.every((t) => typeof t.color === 'string' && t.color.startsWith('#'))).toBe(true);
  });

  it('draws no cut for groups whose ranges overlap (not tiers of this number)', () => {
    expect(tierThresholds(tier, [{ key: '高', min: 0, max: 50 }, { key: '低', min: 10, max: 90 }], en)).toEqual([]);
  });
});
