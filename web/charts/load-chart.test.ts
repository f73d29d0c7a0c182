import { describe, expect, it } from 'vitest';
import { loadChartModel } from './load-chart';
import { amount, en, field, tier } from './test-fixtures';

describe('loadChartModel', () => {
  it('says a measure field holds no numbers without asking the server', async () => {
    const calls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response('{}', { status: 500 });
    }) as typeof globalThis.fetch;
    const name = field('name', { name: '客户名称' });
    const model = await loadChartModel({ tableId: 't1', kind: 'histogram', groupBy: [], measure: { op: 'sum', fieldId: 'name' } }, [name, tier, amount], en, { fetch });
    expect(model.state).toMatchObject({ kind: 'empty', hint: '“客户名称” has no numbers. Pick a number field for the measure.' });
    expect(calls).toEqual([]);
  });

  it('turns a server failure into an error state that says to refresh', async () => {
    const fetch = (async () => new Response(JSON.stringify({ error: { code: 'INTERNAL', message: 'disk full' } }), { status: 500 })) as typeof globalThis.fetch;
    const model = await loadChartModel({ tableId: 't1', kind: 'bar', groupBy: ['tier'], measure: { op: 'count' } }, [tier], en, { fetch });
    expect(model.state?.kind).toBe('error');
    expect(model.state?.hint).toContain('disk full');
    expect(model.state?.hint).toContain('Refresh');
  });
});
