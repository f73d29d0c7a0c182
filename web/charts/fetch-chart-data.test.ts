import { describe, expect, it } from 'vitest';
import { fetchChartData, PARETO_ROW_LIMIT } from './fetch-chart-data';
import type { ChartSpec } from './spec';

interface Call { url: string; method: string; headers: Record<string, string>; body: unknown }

function fakeFetch(answer: (c: Call) => { status?: number; body: unknown }) {
  const calls: Call[] = [];
  const f = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call: Call = {
      url: decodeURIComponent(String(input)),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const a = answer(call);
    return new Response(JSON.stringify(a.body), { status: a.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { calls, fetch: f as typeof fetch };
}

const bar: ChartSpec = { tableId: 't1', kind: 'bar', groupBy: ['tier'], measure: { op: 'sum', fieldId: 'amount' } };

describe('fetchChartData', () => {
  it('asks the summary route for the groups and measure, in the UI language', async () => {
    const f = fakeFetch(() => ({ body: { groups: [{ key: ['高'], count: 2, measures: [10], share: 1 }], total: 2 } }));
    const r = await fetchChartData({ ...bar, filter: { and: [{ fieldId: 'region', op: 'eq', value: '华东' }] } }, { language: 'zh-CN', fetch: f.fetch });
    expect(r).toEqual({ ok: true, data: { kind: 'summary', groups: [{ key: ['高'], count: 2, measures: [10], share: 1 }], total: 2 } });
    expect(f.calls[0]).toMatchObject({
      url: '/api/tables/t1/summary', method: 'POST', headers: { 'Accept-Language': 'zh-CN' },
      body: { groupBy: ['tier'], measures: [{ op: 'sum', fieldId: 'amount' }], filter: { and: [{ and: [{ fieldId: 'region', op: 'eq', value: '华东' }] }] } },
    });
  });

  it('returns the API error as a typed error', async () => {
    const f = fakeFetch(() => ({ status: 404, body: { error: { code: 'FIELD_NOT_FOUND', message: '字段不存在' } } }));
    expect(await fetchChartData(bar, { language: 'zh-CN', fetch: f.fetch })).toEqual({
      ok: false, error: { status: 404, code: 'FIELD_NOT_FOUND', message: '字段不存在' },
    });
  });

  it('reports a network failure and an unexpected answer', async () => {
    const down = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    expect(await fetchChartData(bar, { language: 'en', fetch: down })).toEqual({ ok: false, error: { status: 0, code: 'NETWORK', message: 'Failed to fetch' } });
    const odd = fakeFetch(() => ({ body: { rows: [] } }));
    expect(await fetchChartData(bar, { language: 'en', fetch: odd.fetch })).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });

  it('fetches the top customers and the ABC band totals for a Pareto chart', async () => {
    const f = fakeFetch((c) => c.method === 'GET'
      ? { body: { rows: [{ id: 'r1', version: 1, cells: { amount: 50, name: '甲' } }, { id: 'r2', version: 1, cells: { amount: { error: '#N/A' } } }], total: 3 } }
      : { body: { groups: [{ key: ['A'], count: 1, measures: [50], share: 0.5 }, { key: ['B'], count: 2, measures: [10], share: 0.5 }], total: 3 } });
    const spec: ChartSpec = { tableId: 't1', kind: 'pareto', groupBy: ['abc'], measure: { op: 'sum', fieldId: 'amount' }, labelFieldId: 'name' };
    const r = await fetchChartData(spec, { language: 'en', fetch: f.fetch });
    expect(r).toEqual({ ok: true, data: { kind: 'pareto', customers: [{ label: '甲', value: 50 }], totalCount: 3, bands: [{ key: 'A', count: 1, sum: 50 }, { key: 'B', count: 2, sum: 10 }] } });
    const get = f.calls.find((c) => c.method === 'GET');
    expect(get?.url).toBe(`/api/tables/t1/rows?offset=0&limit=${PARETO_ROW_LIMIT}&sort=amount:desc&filter={"and":[{"fieldId":"amount","op":"notEmpty"}]}`);
  });

  it('asks the histogram route for the bins, and a tier field for its value ranges', async () => {
    const bins = [{ from: 0, to: 50, count: 2 }, { from: 50, to: 100, count: 1 }];
    const f = fakeFetch((c) => c.url.endsWith('/histogram')
      ? { body: { bins, min: 0, max: 100, count: 3 } }
      : { body: { groups: [{ key: ['高'], count: 1, measures: [80, 100], share: 1 / 3 }, { key: ['低'], count: 2, measures: [0, 40], share: 2 / 3 }, { key: [null], count: 1, measures: [null, null], share: 0 }], total: 4 } });
    const r = await fetchChartData({ tableId: 't1', kind: 'histogram', groupBy: ['tier'], measure: { op: 'sum', fieldId: 'amount' }, bins: 4 }, { language: 'en', fetch: f.fetch });
    expect(r).toEqual({ ok: true, data: { kind: 'histogram', bins, tiers: [{ key: '高', min: 80, max: 100 }, { key: '低', min: 0, max: 40 }] } });
    expect(f.calls.find((c) => c.url.endsWith('/histogram'))?.body).toEqual({ fieldId: 'amount', bins: 4 });
    expect(f.calls.find((c) => c.url.endsWith('/summary'))?.body).toEqual({ groupBy: ['tier'], measures: [{ op: 'min', fieldId: 'amount' }, { op: 'max', fieldId: 'amount' }] });
  });

  it('asks for sum and average of the number field for a summary table', async () => {
    const f = fakeFetch(() => ({ body: { groups: [{ key: ['高'], count: 2, measures: [10, 5], share: 1 }], total: 2 } }));
    const r = await fetchChartData({ tableId: 't1', kind: 'summary', groupBy: ['tier'], measure: { op: 'sum', fieldId: 'amount' } }, { language: 'en', fetch: f.fetch });
    const measures = [{ op: 'sum', fieldId: 'amount' }, { op: 'avg', fieldId: 'amount' }];
    expect(r).toEqual({ ok: true, data: { kind: 'table', groups: [{ key: ['高'], count: 2, measures: [10, 5], share: 1 }], total: 2, measures } });
    expect(f.calls[0]?.body).toEqual({ groupBy: ['tier'], measures });
  });
});
