import { describe, expect, it } from 'vitest';
import { describeGroup, groupFilter, groupId, orderKeys } from './groups';
import { ERROR_OUTLINE, UNCLASSIFIED_COLOR } from './palette';
import { en, field, tier, zh } from './test-fixtures';

const keys = (xs: { key: unknown }[]) => xs.map((x) => x.key);

describe('orderKeys', () => {
  it('puts declared groups in their order, then others by count, then blank, then errors', () => {
    const entries = [
      { key: { error: '#N/A' as const }, count: 9 },
      { key: '低', count: 50 },
      { key: null, count: 7 },
      { key: '其他', count: 3 },
      { key: '高', count: 1 },
      { key: '新值', count: 30 },
      { key: { error: '#DIV/0!' as const }, count: 12 },
      { key: '中', count: 20 },
    ];
    expect(keys(orderKeys(tier, entries))).toEqual([
      '高', '中', '低', '新值', '其他', null, { error: '#DIV/0!' }, { error: '#N/A' },
    ]);
  });

  it('never sorts alphabetically: A > B > C and scores 5 → 1 follow the declared groups', () => {
    const abc = field('abc', { groups: ['A', 'B', 'C'].map((value) => ({ value, color: '' })) });
    expect(keys(orderKeys(abc, [{ key: 'C', count: 100 }, { key: 'A', count: 1 }, { key: 'B', count: 5 }]))).toEqual(['A', 'B', 'C']);
    const r = field('r', { type: 'formula', resultType: 'number', groups: ['5', '4', '3', '2', '1'].map((value) => ({ value, color: '' })) });
    expect(keys(orderKeys(r, [1, 3, 5, 2, 4].map((key) => ({ key, count: 1 }))))).toEqual([5, 4, 3, 2, 1]);
  });

  it('uses select options as the order, and merges blank text with null', () => {
    const stage = field('stage', { type: 'select', options: [{ value: '潜在', color: '' }, { value: '新客', color: '' }] });
    const out = orderKeys(stage, [{ key: '新客', count: 2 }, { key: '', count: 1 }, { key: null, count: 4 }, { key: '潜在', count: 1 }]);
    expect(out).toEqual([{ key: '潜在', count: 1 }, { key: '新客', count: 2 }, { key: null, count: 5 }]);
  });

  it('keeps empty declared groups when asked, and orders plain fields by count then text', () => {
    expect(keys(orderKeys(tier, [{ key: '低', count: 1 }], true))).toEqual(['高', '中', '低']);
    expect(keys(orderKeys(undefined, [{ key: 'b', count: 1 }, { key: 'a', count: 1 }, { key: 'c', count: 2 }]))).toEqual(['c', 'a', 'b']);
  });
});

describe('describeGroup', () => {
  it('labels blank and errors in both languages and carries action and colour', () => {
    expect(describeGroup(tier, null, zh.t, 'zh-CN').label).toBe('未分组');
    expect(describeGroup(tier, '', en.t, 'en')).toMatchObject({ label: 'Unclassified', kind: 'blank', color: UNCLASSIFIED_COLOR, key: null });
    expect(describeGroup(tier, { error: '#N/A' }, en.t, 'en')).toMatchObject({ label: 'Error #N/A', kind: 'error', outline: ERROR_OUTLINE });
    expect(describeGroup(tier, '高', zh.t, 'zh-CN')).toMatchObject({ id: 'v:高', kind: 'declared', color: '#fde68a', action: '专属服务、优先支持' });
    expect(describeGroup(undefined, 12345.5, en.t, 'en').label).toBe('12,345.5');
  });

  it('gives 5 and "5" one id', () => {
    expect(groupId(5)).toBe(groupId('5'));
    expect(groupId('')).toBe('blank');
  });
});

describe('groupFilter', () => {
  it('filters a value by eq, blank by empty, and cannot filter errors', () => {
    expect(groupFilter('f', '高')).toEqual({ fieldId: 'f', op: 'eq', value: '高' });
    expect(groupFilter('f', null)).toEqual({ fieldId: 'f', op: 'empty' });
    expect(groupFilter('f', { error: '#N/A' })).toBeNull();
  });
});
