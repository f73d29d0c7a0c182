// The grouping wizard on a table bigger than its sample, against the real server: counts, histogram, suggested
// cuts and categories come from every row, not from the first (untypical) rows.
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { as, openHarness } from '../../server/test/harness';
import type { Harness } from '../../server/test/harness';
import type { Table, Workbook } from '../../common';
import { createApiClient, setApi } from '../api/client';
import { SAMPLE_MAX, useWizardStore } from './wizard';
import { useWorkbookStore } from './workbook';

const N = SAMPLE_MAX + 5_000;
const PROVINCES = ['浙江', '北京', '广东'];
/** The first SAMPLE_MAX rows are small sales in 浙江/北京 bought long ago; the last rows are big, in 四川, recent. */
const late = (i: number): boolean => i >= SAMPLE_MAX;
const sales = (i: number): number | null => (i % 10 === 0 ? null : late(i) ? 10_000 + (i % 1000) : i % 100);
const province = (i: number): string => (late(i) ? '四川' : PROVINCES[i % 2] ?? '浙江');
const day = (i: number): string => (late(i) ? '2025-06-20' : '2024-01-01');
const labels = { high: '高', mid: '中', low: '低', active: '活跃', silent: '沉默', lost: '流失', other: '其他', yes: '是', no: '否' };

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeAll(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'zh-CN', asOf: '2025-06-30' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '销售额', type: 'number' },
          { name: '省份', type: 'text' },
          { name: '最近购买', type: 'date' },
        ],
      })
    ).json,
  );
  for (let start = 0; start < N; start += 5_000) {
    const rows = Array.from({ length: 5_000 }, (_, k) => start + k).map((i) => ({
      cells: { [id('销售额')]: sales(i), [id('省份')]: province(i), [id('最近购买')]: day(i) },
    }));
    expect((await h.request('POST', `/api/tables/${table.id}/rows`, { rows })).status).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  setActivePinia(createPinia());
  setApi(createApiClient({ fetch: async (input, init) => h.segsheet.app.request(String(input), init) }));
  await useWorkbookStore().init('');
});

const all = Array.from({ length: N }, (_, i) => i);

describe('wizard on a table bigger than its sample', () => {
  it('counts the groups and draws the histogram over every row', async () => {
    const w = useWizardStore();
    w.method = 'thresholds';
    await w.choose(id('销售额'), labels);
    expect(w.sampled).toBe(true);
    expect(w.values).toHaveLength(SAMPLE_MAX);
    expect(w.wholeBins?.reduce((s, b) => s + b.count, 0)).toBe(all.filter((i) => sales(i) !== null).length);
    w.thresholds = [{ label: '高', min: 5000 }];
    w.elseLabel = '低';
    await vi.waitFor(() => expect(w.counting).toBe(false), { timeout: 10_000 });
    await vi.waitFor(() => expect(w.preview && 'groups' in w.preview ? w.preview.total : 0).toBe(N), { timeout: 10_000 });
    const p = w.preview && 'groups' in w.preview ? w.preview : null;
    const big = all.filter((i) => (sales(i) ?? -1) >= 5000).length;
    expect(p?.groups).toEqual([{ label: '高', count: big }, { label: '低', count: all.filter((i) => sales(i) !== null).length - big }]);
    expect(p?.unclassified).toBe(all.filter((i) => sales(i) === null).length);
  });

  it('suggests exact quantile and 80% cuts from every row', async () => {
    const w = useWizardStore();
    w.method = 'thresholds';
    await w.choose(id('销售额'), labels);
    await vi.waitFor(() => expect(w.suggesting).toBe(false));
    const nums = all.map(sales).filter((v): v is number => v !== null).sort((a, b) => a - b);
    // PERCENTILE.INC, written out: the value at position q·(n−1), between its neighbours.
    const at = (q: number) => {
      const h = q * (nums.length - 1);
      const lo = nums[Math.floor(h)] ?? NaN;
      return lo + (h - Math.floor(h)) * ((nums[Math.floor(h) + 1] ?? lo) - lo);
    };
    // Two rules → three equal groups: the 2/3 and 1/3 percentiles (rounded to 2 significant digits).
    expect(w.thresholds.map((r) => r.min)).toEqual([Number(at(2 / 3).toPrecision(2)), Number(at(1 / 3).toPrecision(2))]);
    await w.suggestPareto();
    // The big late rows hold far more than 80% of the total: the 80% cut is one of them.
    expect(w.thresholds[0]?.min).toBeGreaterThanOrEqual(10_000);
  });

  it('maps every province of the table, not only those of the first rows', async () => {
    const w = useWizardStore();
    await w.choose(id('省份'), labels);
    expect(w.method).toBe('mapping');
    expect(w.categories.map((c) => c.value).sort()).toEqual(['北京', '四川', '浙江'].sort());
    expect(w.mappingOf['四川']).toBe('西南');
    expect(w.mappingGroups).toEqual(['华东', '华北', '西南']);
    await vi.waitFor(() => expect(w.preview && 'groups' in w.preview ? w.preview.groups.find((g) => g.label === '西南')?.count : 0).toBe(N - SAMPLE_MAX), { timeout: 10_000 });
  });

  it('suggests stages and draws days since the date over every row', async () => {
    const w = useWizardStore();
    await w.choose(id('最近购买'), labels);
    expect(w.method).toBe('stages');
    expect(w.wholeDayBins?.reduce((s, b) => s + b.count, 0)).toBe(N);
    const recent = w.wholeDayBins?.find((b) => b.from <= 10 && 10 < b.to)?.count;
    expect(recent).toBe(N - SAMPLE_MAX);
    await w.suggestStages();
    // Only a fifth of the rows is recent: both equal-size limits fall among the old rows (546 days).
    expect(w.stages[0]?.maxDays).toBe(Math.round((Date.parse('2025-06-30') - Date.parse('2024-01-01')) / 86_400_000));
  });
});

describe('wizard rules while it is open', () => {
  it('keeps each method\'s edits when switching method and back', async () => {
    const w = useWizardStore();
    w.method = 'thresholds';
    await w.choose(id('销售额'), labels);
    await vi.waitFor(() => expect(w.suggesting).toBe(false));
    w.thresholds = [{ label: '大', min: 12_345 }];
    w.elseLabel = '小';
    w.setMethod('quantiles', labels);
    expect(w.tiers.map((t) => t.pct)).toEqual([0.2, 0.3]);
    w.tiers = [{ label: '头部', pct: 0.1 }];
    w.elseLabel = '其余';
    w.setMethod('abc', labels);
    w.abc = { ...w.abc, a: 0.7 };
    w.setMethod('thresholds', labels);
    expect(w.thresholds).toEqual([{ label: '大', min: 12_345 }]);
    expect(w.elseLabel).toBe('小');
    w.setMethod('quantiles', labels);
    expect(w.tiers).toEqual([{ label: '头部', pct: 0.1 }]);
    expect(w.elseLabel).toBe('其余');
    w.setMethod('abc', labels);
    expect(w.abc.a).toBe(0.7);
    // Another source field starts over from its own suggestions.
    await w.choose(id('最近购买'), labels);
    await w.choose(id('销售额'), labels);
    await vi.waitFor(() => expect(w.suggesting).toBe(false));
    expect(w.thresholds.map((r) => r.label)).toEqual(['高', '中']);
  });

  it('reports an empty threshold instead of reading it as 0, and counts nothing until it is filled in', async () => {
    const w = useWizardStore();
    w.method = 'thresholds';
    await w.choose(id('销售额'), labels);
    await vi.waitFor(() => expect(w.suggesting).toBe(false));
    w.thresholds = [{ label: '高', min: NaN }, { label: '中', min: 50 }];
    expect(w.inputErrors).toEqual([{ rule: 0 }]);
    expect(w.preview).toBeNull();
    await nextTick(); // the formula's watcher has run: it asks the server nothing
    expect(w.counting).toBe(false);
    w.thresholds = [{ label: '高', min: 5000 }, { label: '中', min: 50 }];
    expect(w.inputErrors).toEqual([]);
  });
});
