// Group summaries and histograms against an independent computation in this test, on seeded random data with
// blanks, empty texts and error values (a formula that divides by zero).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { CellValue, HistogramResult, SummaryGroup, SummaryResult, Table, Workbook } from '../../../common';
import { startScanWorker, workerScans } from './scan-pool';

const PROVINCES = ['浙江', '广东', '北京'];
const CITIES = ['杭州', '深圳', '广州', '上海', '成都'];
const TIERS = ['高', '中', '低'];

interface Input {
  province: string | null;
  city: string | null;
  sales: number | null;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(7);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const DATA: Input[] = Array.from({ length: 300 }, () => ({
  province: rand() < 0.15 ? null : pick(PROVINCES),
  city: rand() < 0.1 ? null : rand() < 0.05 ? '' : pick(CITIES),
  // Integers and exact edges (multiples of 50) on purpose; some blanks and zeros (→ #DIV/0! in the tier).
  sales: rand() < 0.1 ? null : rand() < 0.1 ? 0 : Math.round(rand() * 40) * 10,
}));

/** The tier formula of the table below, evaluated by hand. */
function tierOf(r: Input): CellValue {
  const s = r.sales ?? 0;
  return s >= 200 ? '高' : s > 0 ? '低' : { error: '#DIV/0!' };
}

type Key = CellValue;
type Rank = [number, number, string];

/** The documented order: listed groups, then other values by count (desc), then blank, then errors by code. */
function rankOf(listed: readonly string[], counts: Map<string, number>, key: Key): Rank {
  if (key !== null && typeof key === 'object') return [3, 0, key.error];
  if (key === null) return [2, 0, ''];
  const i = typeof key === 'string' ? listed.indexOf(key) : -1;
  if (i >= 0) return [0, i, ''];
  return [1, -(counts.get(JSON.stringify(key)) ?? 0), String(key)];
}

function expected(keysOf: ((r: Input) => Key)[], listed: (readonly string[])[]): SummaryGroup[] {
  const groups = new Map<string, { key: Key[]; rows: Input[] }>();
  for (const r of DATA) {
    const key = keysOf.map((k) => k(r));
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, rows: [] };
    g.rows.push(r);
    groups.set(id, g);
  }
  const counts = keysOf.map((_, i) => {
    const m = new Map<string, number>();
    for (const g of groups.values()) m.set(JSON.stringify(g.key[i]), (m.get(JSON.stringify(g.key[i])) ?? 0) + g.rows.length);
    return m;
  });
  const list = [...groups.values()].map((g) => {
    const nums = g.rows.map((r) => r.sales).filter((s): s is number => s !== null);
    return {
      key: g.key,
      count: g.rows.length,
      measures: [nums.reduce((a, b) => a + b, 0), nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : null, nums.length ? Math.min(...nums) : null],
      share: g.rows.length / DATA.length,
    };
  });
  const cmp = (a: Rank, b: Rank) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
  return list.sort((a, b) => {
    for (let i = 0; i < keysOf.length; i++) {
      const c = cmp(rankOf(listed[i] ?? [], counts[i] ?? new Map(), a.key[i] ?? null), rankOf(listed[i] ?? [], counts[i] ?? new Map(), b.key[i] ?? null));
      if (c !== 0) return c;
    }
    return 0;
  });
}

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';
const blankText = (s: string | null): string | null => (s === '' ? null : s);

beforeAll(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
    name: '客户',
    fields: [
      { name: '省份', type: 'select', options: PROVINCES.map((value) => ({ value, color: '#dbeafe' })) },
      { name: '城市', type: 'text' },
      { name: '销售额', type: 'number' },
      { name: '等级', type: 'formula', formula: 'IFS({销售额}>=200,"高",{销售额}>0,"低",TRUE,1/0)', groups: TIERS.map((value) => ({ value, color: '#fee2e2' })) },
    ],
  })).json);
  const res = await h.request('POST', `/api/tables/${table.id}/rows`, {
    rows: DATA.map((r) => ({ cells: { [id('省份')]: r.province, [id('城市')]: r.city, [id('销售额')]: r.sales } })),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await h.close();
});

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await h.request('POST', `/api/tables/${table.id}/${path}`, body);
  expect(res.status, res.text).toBe(200);
  return as<T>(res.json);
}

const MEASURES = (): unknown[] => ['sum', 'avg', 'min'].map((op) => ({ op, fieldId: id('销售额') }));

function close(actual: SummaryGroup[], want: SummaryGroup[]): void {
  expect(actual.map((g) => [g.key, g.count, g.share])).toEqual(want.map((g) => [g.key, g.count, g.share]));
  actual.forEach((g, i) => g.measures.forEach((m, j) => {
    const w = want[i]?.measures[j];
    if (typeof w === 'number') expect(m).toBeCloseTo(w, 9);
    else expect(m).toBe(w);
  }));
}

describe('summary equals an independent computation', () => {
  it('one field: a formula grouping with blanks and errors as their own groups', async () => {
    const s = await post<SummaryResult>('summary', { groupBy: [id('等级')], measures: MEASURES() });
    expect(s.total).toBe(DATA.length);
    const want = expected([tierOf], [TIERS]);
    expect(want.some((g) => typeof g.key[0] === 'object' && g.key[0] !== null)).toBe(true);
    close(s.groups, want);
  });

  it('one field: a text field where an empty text is blank', async () => {
    const s = await post<SummaryResult>('summary', { groupBy: [id('城市')], measures: MEASURES() });
    close(s.groups, expected([(r) => blankText(r.city)], [[]]));
  });

  it('two fields: select × formula grouping', async () => {
    const s = await post<SummaryResult>('summary', { groupBy: [id('省份'), id('等级')], measures: MEASURES() });
    const want = expected([(r) => r.province, tierOf], [PROVINCES, TIERS]);
    expect(want.some((g) => g.key[0] === null)).toBe(true);
    close(s.groups, want);
  });

  it('two fields: text × select', async () => {
    const s = await post<SummaryResult>('summary', { groupBy: [id('城市'), id('省份')], measures: MEASURES() });
    close(s.groups, expected([(r) => blankText(r.city), (r) => r.province], [[], PROVINCES]));
  });
});

describe('the scan worker (its own read-only connection)', () => {
  it('answers the same groups as the independent computation, with what was committed', async () => {
    const file = h.segsheet.dbFile;
    expect(await startScanWorker(file)).toBe(true);
    const before = workerScans(file);
    const one = await post<SummaryResult>('summary', { groupBy: [id('等级')], measures: MEASURES() });
    close(one.groups, expected([tierOf], [TIERS]));
    const two = await post<SummaryResult>('summary', { groupBy: [id('城市'), id('省份')], measures: MEASURES() });
    close(two.groups, expected([(r) => blankText(r.city), (r) => r.province], [[], PROVINCES]));
    expect(workerScans(file)).toBe(before + 2);
    // A row added and committed on the app's connection is seen by the worker's next scan.
    const added = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('省份')]: '北京', [id('销售额')]: 500 } }] });
    expect(added.status).toBe(201);
    const after = await post<SummaryResult>('summary', { groupBy: [id('省份')] });
    expect(after.total).toBe(DATA.length + 1);
    expect(after.groups.find((g) => g.key[0] === '北京')?.count).toBe(DATA.filter((r) => r.province === '北京').length + 1);
    expect(workerScans(file)).toBe(before + 3);
    const removed = await h.request('DELETE', `/api/tables/${table.id}/rows`, { ids: as<{ rows: { id: string }[] }>(added.json).rows.map((r) => r.id) });
    expect(removed.status).toBe(200);
  });
});

describe('histogram', () => {
  it('counts every number in round bins, an edge value in the bin it opens, the maximum in the last bin', async () => {
    const res = await post<HistogramResult>('histogram', { fieldId: id('销售额'), bins: 8 });
    const nums = DATA.map((r) => r.sales).filter((s): s is number => s !== null);
    expect(res).toMatchObject({ min: Math.min(...nums), max: Math.max(...nums), count: nums.length });
    expect(res.bins[0]?.from).toBeLessThanOrEqual(Math.min(...nums));
    expect(res.bins.at(-1)?.to).toBeGreaterThanOrEqual(Math.max(...nums));
    res.bins.forEach((b, i) => {
      const last = i === res.bins.length - 1;
      expect(b.count, `${b.from}–${b.to}`).toBe(nums.filter((v) => v >= b.from && (v < b.to || (last && v <= b.to))).length);
      if (i > 0) expect(b.from).toBe(res.bins[i - 1]?.to);
    });
    expect(res.bins.reduce((s, b) => s + b.count, 0)).toBe(nums.length);
  });

  it('leaves out error cells of a formula, follows the filter, answers no bins when nothing is a number', async () => {
    const tierAsNumber = await h.request('POST', `/api/tables/${table.id}/histogram`, { fieldId: id('城市') });
    expect(tierAsNumber.status).toBe(400);
    const filtered = await post<HistogramResult>('histogram', { fieldId: id('销售额'), filter: { and: [{ fieldId: id('省份'), op: 'eq', value: '浙江' }] } });
    expect(filtered.count).toBe(DATA.filter((r) => r.province === '浙江' && r.sales !== null).length);
    const none = await post<HistogramResult>('histogram', { fieldId: id('销售额'), filter: { and: [{ fieldId: id('销售额'), op: 'gt', value: 1e9 }] } });
    expect(none).toEqual({ bins: [], min: null, max: null, count: 0 });
    const missing = await h.request('POST', `/api/tables/${table.id}/histogram`, { fieldId: 'nope' });
    expect(missing.status).toBe(404);
  });
});
