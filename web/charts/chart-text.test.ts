import { describe, expect, it } from 'vitest';
import { createChartText } from './chart-text';

describe('chart text', () => {
  it('translates charts.* from the i18n trees, with parameters', () => {
    expect(createChartText('zh-CN')('asOf', { date: '2026-11-01' })).toBe('数据截至 2026-11-01');
    expect(createChartText('en')('moreGroups', { n: 3 })).toBe('3 more groups');
    expect(createChartText('en')('bin', { from: 1, to: 2 })).toBe('1 – 2');
  });
});
