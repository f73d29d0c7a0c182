import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chart } from '../../common';
import { type ApiClient, ApiError, createApiClient, setApi } from '../api/client';
import type { Field } from '../api/types';
import { simpleToCondition } from '../grid/sort-filter';
import { useDashboardStore } from '../stores/dashboard';
import { filterModelFor, groupableFields, numberFields } from './fields';

const f = (id: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({ id, tableId: 't1', name: id, type, ...extra });
const chart = (id: string): Chart => ({ id, tableId: 't1', kind: 'bar', fields: ['tier'], place: { x: 0, y: 0, w: 2, h: 1 } });

describe('chart fields', () => {
  const fields = [
    f('name', 'text'), f('sales', 'number'), f('day', 'date'), f('prov', 'select'),
    f('tier', 'formula', { resultType: 'text', groups: [{ value: '高', color: '#E8684A' }] }), f('score', 'formula', { resultType: 'number' }),
  ];
  it('offers groupings, selects and text to group by, numbers to measure', () => {
    expect(groupableFields(fields).map((x) => x.id)).toEqual(['name', 'prov', 'tier']);
    expect(numberFields(fields).map((x) => x.id)).toEqual(['sales', 'score']);
  });
  it('turns a clicked group into the grid filter the server understands', () => {
    const tier = fields[4]!;
    expect(simpleToCondition('tier', filterModelFor(tier, '高') as never)).toEqual({ fieldId: 'tier', op: 'in', value: ['高'] });
    expect(simpleToCondition('tier', filterModelFor(tier, null) as never)).toEqual({ fieldId: 'tier', op: 'empty' });
    expect(simpleToCondition('tier', filterModelFor(tier, { error: '#DIV/0!' }) as never)).toEqual({ fieldId: 'tier', op: 'empty' });
    expect(simpleToCondition('name', filterModelFor(fields[0], 'Acme') as never)).toEqual({ fieldId: 'name', op: 'eq', value: 'Acme' });
    expect(filterModelFor(undefined, 'x')).toBeNull();
  });
});

describe('dashboard store', () => {
  let api: ApiClient;
  beforeEach(() => {
    setActivePinia(createPinia());
    const base = createApiClient({ fetch: () => Promise.reject(new Error('no network in tests')) });
    let saved: Chart[] = [chart('a')];
    api = {
      ...base,
      getDashboard: vi.fn(async () => ({ charts: saved })),
      putDashboard: vi.fn(async (_id: string, d: { charts: Chart[] }) => {
        saved = d.charts;
        return d;
      }),
    };
    setApi(api);
  });

  it('loads and saves the charts of the workbook', async () => {
    const dash = useDashboardStore();
    await dash.load('w1');
    expect(dash.charts.map((c) => c.id)).toEqual(['a']);
    await dash.save([chart('a'), chart('b')]);
    expect(api.putDashboard).toHaveBeenCalledWith('w1', { charts: [chart('a'), chart('b')] });
    expect(dash.charts).toHaveLength(2);
    expect(dash.saveError).toBeNull();
  });

  it('keeps the new arrangement shown and reports a failed save', async () => {
    const dash = useDashboardStore();
    await dash.load('w1');
    vi.mocked(api.putDashboard).mockRejectedValueOnce(new ApiError(500, 'INTERNAL', 'boom'));
    await dash.save([]);
    expect(dash.charts).toEqual([]);
    expect(dash.saveError).toBeInstanceOf(ApiError);
  });

  it('bumps the data version', () => {
    const dash = useDashboardStore();
    dash.bump();
    expect(dash.version).toBe(1);
  });
});
