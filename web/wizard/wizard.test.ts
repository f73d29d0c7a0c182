import { describe, expect, it } from 'vitest';
import { buildFormula, groupAt, inputErrorsOf, labelsOf, warningsOf, type WizardSpec } from './rules';
import { categoriesOf, previewGroups } from './preview';
import { binParetoCut, binQuantile, dayCuts, daysSince, histogram, paretoCuts, quantileCuts } from './suggest';
import { countsToPreview, niceStep } from './whole-table';

const sales = [100, 200, 300, 400, 500, 600, 700, 800, 900, 10000, null];

describe('wizard formulas', () => {
  it('thresholds: ordered IFS, blanks stay blank', () => {
    const spec: WizardSpec = { method: 'thresholds', field: '销售额', rules: [{ label: '高', min: 10000 }, { label: '中', min: 500 }], elseLabel: '低' };
    const f = buildFormula(spec);
    expect(f).toBe('IF(ISBLANK({销售额}),{销售额},IFS({销售额}>=10000,"高",{销售额}>=500,"中",TRUE,"低"))');
    const p = previewGroups(f, '销售额', 'number', sales, labelsOf(spec));
    expect(p.groups).toEqual([{ label: '高', count: 1 }, { label: '中', count: 5 }, { label: '低', count: 4 }]);
    expect(p.unclassified).toBe(1);
  });

  it('quantile tiers by rank: top 20% / next 30% / rest', () => {
    const spec: WizardSpec = { method: 'quantiles', field: 'M', tiers: [{ label: 'high', pct: 0.2 }, { label: 'mid', pct: 0.3 }], elseLabel: 'low' };
    const f = buildFormula(spec);
    expect(f).toContain('RANK({M},[M])<=0.5*COUNT([M])');
    const p = previewGroups(f, 'M', 'number', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], labelsOf(spec));
    expect(p.groups.map((g) => g.count)).toEqual([2, 3, 5]);
  });

  it('ABC by cumulative share', () => {
    const spec: WizardSpec = { method: 'abc', field: 'M', a: 0.8, b: 0.95, labels: ['A', 'B', 'C'] };
    const p = previewGroups(buildFormula(spec), 'M', 'number', [80, 15, 4, 1], labelsOf(spec));
    expect(p.groups.map((g) => g.count)).toEqual([1, 1, 2]);
  });

  it('mapping categories, with quotes escaped and unmapped values reported', () => {
    const spec: WizardSpec = { method: 'mapping', field: '省份', rules: [{ label: '华东', values: ['浙江', '江苏'] }, { label: '华北', values: ['北京'] }], elseLabel: '' };
    const f = buildFormula(spec);
    expect(f).toBe('IF(ISBLANK({省份}),{省份},IFS(OR({省份}="浙江",{省份}="江苏"),"华东",{省份}="北京","华北"))');
    const p = previewGroups(f, '省份', 'text', ['浙江', '北京', '广东', null], labelsOf(spec));
    expect(p.groups.map((g) => g.count)).toEqual([1, 1]);
    expect(p.unclassified).toBe(2);
    expect(warningsOf(spec, ['浙江', '广东'])).toEqual([{ kind: 'unmapped', values: ['广东'] }]);
  });

  it('mapping a yes/no field compares with TRUE/FALSE', () => {
    const spec: WizardSpec = { method: 'mapping', field: '会员', rules: [{ label: '会员', values: ['true'] }, { label: '非会员', values: ['false'] }], elseLabel: '', boolean: true };
    const p = previewGroups(buildFormula(spec), '会员', 'boolean', [true, false, true, null], labelsOf(spec));
    expect(p.groups.map((g) => g.count)).toEqual([2, 1]);
    expect(p.unclassified).toBe(1);
  });

  it('stages by days since a date, relative to the as-of date', () => {
    const spec: WizardSpec = { method: 'stages', field: '最近购买', rules: [{ label: '活跃', maxDays: 30 }, { label: '沉默', maxDays: 180 }], elseLabel: '流失' };
    const p = previewGroups(buildFormula(spec), '最近购买', 'date', ['2024-06-20', '2024-03-01', '2023-01-01'], labelsOf(spec), '2024-06-30');
    expect(p.groups.map((g) => g.count)).toEqual([1, 1, 1]);
  });

  it('warns about rules that can never match, gaps and shares over 100%', () => {
    expect(warningsOf({ method: 'thresholds', field: 'x', rules: [{ label: 'a', min: 10 }, { label: 'b', min: 20 }], elseLabel: '' })).toEqual([
      { kind: 'shadowed', rule: 1, by: 0 },
      { kind: 'gapBelow', value: 10 },
    ]);
    expect(warningsOf({ method: 'quantiles', field: 'x', tiers: [{ label: 'a', pct: 0.7 }, { label: 'b', pct: 0.5 }], elseLabel: 'c' })[0]?.kind).toBe('overHundred');
    expect(warningsOf({ method: 'mapping', field: 'x', rules: [{ label: 'a', values: ['1'] }, { label: 'b', values: ['1'] }], elseLabel: 'z' })).toEqual([{ kind: 'overlapValue', value: '1', rules: [0, 1] }]);
  });
});

describe('suggestions from the data', () => {
  it('quantile cuts, highest first', () => {
    expect(quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2)).toEqual([5.5]);
    expect(quantileCuts([], 3)).toEqual([]);
  });
  it('cumulative 80% / 95% cut values', () => {
    expect(paretoCuts([50, 30, 10, 5, 5], [0.8, 0.95])).toEqual([30, 5]);
  });
  it('histogram bins and categories', () => {
    const h = histogram([0, 1, 2, 3, 10], 5);
    expect(h.map((b) => b.count)).toEqual([2, 2, 0, 0, 1]);
    expect(categoriesOf(['a', 'b', 'a', null])).toEqual([{ value: 'a', count: 2 }, { value: 'b', count: 1 }]);
  });
});

describe('stage suggestions', () => {
  it('days since the as-of date and equal-size day limits', () => {
    const asOf = Date.parse('2024-06-30T00:00:00Z');
    expect(daysSince('2024-06-20', asOf)).toBe(10);
    expect(dayCuts([10, 20, 30, 40, 50, 60], 3)).toEqual([27, 43]);
  });
});

describe('whole-table figures', () => {
  it('reads quantiles and 80% cuts off a histogram', () => {
    const bins = [{ from: 0, to: 10, count: 50 }, { from: 10, to: 20, count: 50 }];
    expect(binQuantile(bins, 0.5)).toBe(10);
    expect(binQuantile(bins, 0.75)).toBe(15);
    // Totals: 250 in [0,10), 750 in [10,20): 80% of 1000 needs all of the top bin and a fifth of the bottom one.
    expect(binParetoCut(bins, 0.8)).toBeCloseTo(8, 9);
    expect(binQuantile([], 0.5)).toBeNaN();
  });
  it('turns the server counts into groups, with blanks and errors unclassified', () => {
    const p = countsToPreview([{ value: '高', count: 5 }, { value: null, count: 3 }, { value: { error: '#N/A' }, count: 2 }, { value: '?', count: 1 }], 11, ['高', '低']);
    expect(p).toEqual({ groups: [{ label: '高', count: 5 }, { label: '低', count: 0 }], unclassified: 5, other: [{ label: '?', count: 1 }], total: 11 });
  });
  it('picks round bin widths', () => {
    expect(niceStep(536, 30)).toBe(20);
    expect(niceStep(10, 30)).toBe(1);
    expect(niceStep(3000, 30)).toBe(100);
  });
});

describe('number inputs and bar groups', () => {
  it('finds number inputs that are not numbers', () => {
    expect(inputErrorsOf({ method: 'thresholds', field: 'x', rules: [{ label: 'a', min: 10 }, { label: 'b', min: NaN }], elseLabel: '' })).toEqual([{ rule: 1 }]);
    expect(inputErrorsOf({ method: 'stages', field: 'x', rules: [{ label: 'a', maxDays: NaN }], elseLabel: '' })).toEqual([{ rule: 0 }]);
    expect(inputErrorsOf({ method: 'abc', field: 'x', a: NaN, b: 0.95, labels: ['A', 'B', 'C'] })).toEqual([{ abc: 'a' }]);
    expect(inputErrorsOf({ method: 'quantiles', field: 'x', tiers: [{ label: 'a', pct: 0.2 }], elseLabel: '' })).toEqual([]);
  });
  it('puts a value in the group of the first cut it meets, as the formula does', () => {
    const cuts = [{ value: 100, label: '高' }, { value: 10, label: '中' }];
    expect([500, 100, 50, 5].map((v) => groupAt(v, cuts, '低'))).toEqual(['高', '高', '中', '低']);
    expect(groupAt(5, cuts, '')).toBe('');
    const stages = [{ value: 30, label: '活跃' }, { value: 180, label: '沉默' }];
    expect([10, 30, 100, 400].map((d) => groupAt(d, stages, '流失', true))).toEqual(['活跃', '活跃', '沉默', '流失']);
  });
});
