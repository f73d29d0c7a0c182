import { describe, expect, it } from 'vitest';
import { filterModelToFilter, sortModelToParam } from './sort-filter';

describe('sort and filter models', () => {
  it('turns the sort model into the sort param', () => {
    expect(sortModelToParam([])).toBeUndefined();
    expect(sortModelToParam([{ colId: 'c1', sort: 'asc' }, { colId: 'c2', sort: 'desc' }])).toBe('c1:asc,c2:desc');
  });

  it('turns text, number and date filters into conditions', () => {
    expect(
      filterModelToFilter({
        c1: { filterType: 'text', type: 'contains', filter: '北' },
        c2: { filterType: 'number', type: 'inRange', filter: 1, filterTo: 5 },
        c3: { filterType: 'date', type: 'lessThan', dateFrom: '2024-01-05 00:00:00', dateTo: null },
        c4: { filterType: 'text', type: 'blank' },
      }),
    ).toEqual({
      and: [
        { fieldId: 'c1', op: 'contains', value: '北' },
        { fieldId: 'c2', op: 'between', value: [1, 5] },
        { fieldId: 'c3', op: 'lt', value: '2024-01-05' },
        { fieldId: 'c4', op: 'empty' },
      ],
    });
  });

  it('keeps combined conditions and group (set) filters', () => {
    expect(
      filterModelToFilter({
        c1: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'lessThan', filter: 1 }, { filterType: 'number', type: 'greaterThan', filter: 9 }] },
        c2: { filterType: 'set', values: ['高', null] },
      }),
    ).toEqual({
      and: [
        { or: [{ fieldId: 'c1', op: 'lt', value: 1 }, { fieldId: 'c1', op: 'gt', value: 9 }] },
        { or: [{ fieldId: 'c2', op: 'in', value: ['高'] }, { fieldId: 'c2', op: 'empty' }] },
      ],
    });
  });

  it('gives null for no filter', () => {
    expect(filterModelToFilter({})).toBeNull();
    expect(filterModelToFilter(null)).toBeNull();
  });
});
