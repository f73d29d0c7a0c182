// formulas/check with counts: rows per value over the whole table, checked against counts made here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { CellValue, FormulaCheckResult, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';
const N = 2500;
const PROVINCES = ['浙江', '江苏', '北京', '广东', '四川'];
/** Row i: sales (blank every 7th, 0 every 11th), province (blank every 13th), last purchase date. */
const sales = (i: number): number | null => (i % 7 === 0 ? null : i % 11 === 0 ? 0 : (i * 37) % 1000);
const province = (i: number): string | null => (i % 13 === 0 ? null : PROVINCES[i % PROVINCES.length] ?? null);

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'zh-CN', asOf: '2025-06-30' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '销售额', type: 'number' },
          { name: '省份', type: 'text' },
        ],
      })
    ).json,
  );
  for (let start = 0; start < N; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, N - start) }, (_, k) => start + k).map((i) => ({
      cells: { [id('销售额')]: sales(i), [id('省份')]: province(i) },
    }));
    expect((await h.request('POST', `/api/tables/${table.id}/rows`, { rows })).status).toBe(201);
  }
});
afterEach(async () => {
  await h.close();
});

async function counts(source: string): Promise<Extract<FormulaCheckResult, { ok: true }>> {
  const res = await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source, counts: true });
  expect(res.status).toBe(200);
  const body = as<FormulaCheckResult>(res.json);
  if (!body.ok) throw new Error(JSON.stringify(body.diagnostics));
  return body;
}

/** The answer as a map keyed by the value's JSON, so the order of ties does not matter. */
const byValue = (list: readonly { value: CellValue; count: number }[]): Map<string, number> =>
  new Map(list.map((c) => [JSON.stringify(c.value), c.count]));

function tally(values: CellValue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(JSON.stringify(v), (m.get(JSON.stringify(v)) ?? 0) + 1);
  return m;
}

describe('formulas/check counts', () => {
  it('counts threshold groups over every row, blanks as null', async () => {
    const body = await counts('IF(ISBLANK({销售额}),{销售额},IFS({销售额}>=600,"高",{销售额}>=200,"中",TRUE,"低"))');
    const expected = tally(
      Array.from({ length: N }, (_, i) => {
        const s = sales(i);
        return s === null ? null : s >= 600 ? '高' : s >= 200 ? '中' : '低';
      }),
    );
    expect(byValue(body.counts ?? [])).toEqual(expected);
    expect(body.countedRows).toBe(N);
    expect(body.preview).toHaveLength(20);
    const counts2 = body.counts ?? [];
    expect(counts2.map((c) => c.count)).toEqual([...counts2.map((c) => c.count)].sort((a, b) => b - a));
  });

  it('groups errors by code', async () => {
    const body = await counts('100/{销售额}');
    const divZero = Array.from({ length: N }, (_, i) => sales(i)).filter((s) => s === 0 || s === null).length;
    expect(byValue(body.counts ?? []).get(JSON.stringify({ error: '#DIV/0!' }))).toBe(divZero);
  });

  it('counts column functions (quantile tiers by rank) on the whole column, not the first rows', async () => {
    const body = await counts('IF(ISBLANK({销售额}),{销售额},IFS(RANK({销售额},[销售额])<=0.2*COUNT([销售额]),"前20%",TRUE,"其余"))');
    const nums = Array.from({ length: N }, (_, i) => sales(i)).filter((s): s is number => s !== null);
    // RANK: 1 + the number of larger values (ties share the best rank).
    const top = nums.filter((v) => 1 + nums.filter((x) => x > v).length <= 0.2 * nums.length).length;
    const got = byValue(body.counts ?? []);
    expect(got.get('"前20%"')).toBe(top);
    expect(got.get('"其余"')).toBe(nums.length - top);
    expect(got.get('null')).toBe(N - nums.length);
  });

  it('counts a category mapping and leaves counts out unless asked', async () => {
    const source = 'IF(ISBLANK({省份}),{省份},IFS(OR({省份}="浙江",{省份}="江苏"),"华东",{省份}="北京","华北"))';
    const body = await counts(source);
    const expected = tally(
      Array.from({ length: N }, (_, i) => {
        const p = province(i);
        return p === null ? null : p === '浙江' || p === '江苏' ? '华东' : p === '北京' ? '华北' : { error: '#N/A' };
      }),
    );
    expect(byValue(body.counts ?? [])).toEqual(expected);
    const plain = as<FormulaCheckResult>((await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source })).json);
    expect(plain).not.toHaveProperty('counts');
  });
});
