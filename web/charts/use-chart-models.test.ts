import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import type { Chart } from '../../common';
import { field } from './test-fixtures';
import { useChartModels } from './use-chart-models';

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
};

function setup() {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return new Response(JSON.stringify({ groups: [{ key: ['高'], count: 3, measures: [], share: 1 }], total: 3 }), { status: 200 });
  }) as typeof globalThis.fetch;
  const charts = ref<Chart[]>([{ id: 'c1', tableId: 't1', kind: 'donut', fields: ['tier'], place: { x: 0, y: 0, w: 2, h: 1 } }]);
  const version = ref(0);
  const locale = ref<'en' | 'zh-CN'>('en');
  const { models } = useChartModels({ charts, fieldsOf: async () => [field('tier')], locale, version, fetch });
  return { calls, charts, version, locale, models };
}

describe('useChartModels', () => {
  it('loads each chart, reloads when data changes, not when only its place changes', async () => {
    const s = setup();
    await flush();
    expect(s.models.value.c1?.state).toBeUndefined();
    expect(s.calls).toEqual(['/api/tables/t1/summary']);
    s.charts.value = s.charts.value.map((c) => ({ ...c, place: { ...c.place, w: 3 } }));
    await flush();
    expect(s.calls).toHaveLength(1);
    s.version.value++;
    await flush();
    expect(s.calls).toHaveLength(2);
  });

  it('shows an error state when a table cannot be read', async () => {
    const charts = ref<Chart[]>([{ id: 'c1', tableId: 'gone', kind: 'bar', fields: [], place: { x: 0, y: 0, w: 1, h: 1 } }]);
    const { models } = useChartModels({ charts, fieldsOf: async () => { throw Object.assign(new Error('Not found'), { status: 404, code: 'NOT_FOUND' }); }, locale: 'zh-CN' });
    await flush();
    expect(models.value.c1?.state).toMatchObject({ kind: 'error', title: '图表无法绘制' });
  });
});
