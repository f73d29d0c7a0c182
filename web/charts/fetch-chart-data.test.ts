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

  it('counts histogram bins with one small request each', async () => {
    const f = fakeFetch((c) => {
      if (c.url.includes('sort=amount:asc')) return { body: { rows: [{ id: 'a', version: 1, cells: { amount: 0 } }], total: 9 } };
      if (c.url.includes('sort=amount:desc')) return { body: { rows: [{ id: 'b', version: 1, cells: { amount: 100 } }], total: 9 } };
      return { body: { rows: [], total: c.url.includes('"lte"') ? 1 : 2 } };
    });
    const r = await fetchChartData({ tableId: 't1', kind: 'histogram', groupBy: [], measure: { op: 'sum', fieldId: 'amount' }, bins: 4 }, { language: 'en', fetch: f.fetch });
    if (!r.ok || r.data.kind !== 'histogram') throw new Error('expected bins');
    expect(r.data.bins.map((b) => [b.from, b.to, b.count])).toEqual([[0, 50, 2], [50, 100, 1]]);
    expect(f.calls.every((c) => c.url.includes('limit=1&') || c.url.endsWith('limit=1'))).toBe(true);
  });
});
