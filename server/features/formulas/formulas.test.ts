import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, Field, RowsInsertResult, RowsPage, Table, WriteResult, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', asOf: '2025-06-30' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '名称', type: 'text' },
          { name: '销售额', type: 'number' },
          { name: '日期', type: 'date' },
          { name: '等级', type: 'formula', formula: 'IFS({销售额}>=100,"高",{销售额}>=50,"中",TRUE,"低")', groups: [{ value: '高', color: '#f00' }] },
          { name: '排名', type: 'formula', formula: 'RANK({销售额},[销售额])' },
          { name: '天数', type: 'formula', formula: 'TODAY()-{日期}' },
        ],
      })
    ).json,
  );
});
afterEach(async () => {
  await h.close();
});

async function insert(rows: [string, number | null, string | null][]): Promise<RowsInsertResult> {
  const res = await h.request('POST', `/api/tables/${table.id}/rows`, {
    rows: rows.map(([n, s, d]) => ({ cells: { [id('名称')]: n, [id('销售额')]: s, [id('日期')]: d } })),
  });
  expect(res.status).toBe(201);
  return as<RowsInsertResult>(res.json);
}

async function all(): Promise<RowsPage> {
  return as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows?limit=1000`)).json);
}

describe('formula fields', () => {
  it('shows formulas with names and their result types', () => {
    const tier = table.fields.find((f) => f.name === '等级')!;
    expect(tier.formula).toBe('IFS({销售额}>=100,"高",{销售额}>=50,"中",TRUE,"低")');
    expect(tier.resultType).toBe('text');
    expect(tier.groups).toEqual([{ value: '高', color: '#f00' }]);
    expect(table.fields.find((f) => f.name === '排名')?.resultType).toBe('number');
  });

  it('computes formulas on insert and answers the formula cells in changes', async () => {
    const res = await insert([
      ['A', 120, '2025-06-01'],
      ['B', 60, null],
      ['C', 10, '2025-06-29'],
    ]);
    expect(res.rows.map((r) => r.cells[id('等级')])).toEqual(['高', '中', '低']);
    expect(res.rows.map((r) => r.cells[id('排名')])).toEqual([1, 2, 3]);
    expect(res.rows[0]?.cells[id('天数')]).toBe(29);
    const change = res.changes.find((c) => c.rowId === res.rows[0]!.id)!;
    expect(change.cells[id('等级')]).toBe('高');
  });

  it('recomputes row-local formulas for the edited row and column functions for the whole column', async () => {
    const { rows } = await insert([
      ['A', 120, null],
      ['B', 60, null],
      ['C', 10, null],
    ]);
    const res = await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: rows[2]!.id, cells: { [id('销售额')]: 500 } }] });
    expect(res.status).toBe(200);
    const { changes } = as<WriteResult>(res.json);
    const byRow = new Map(changes.map((c) => [c.rowId, c.cells]));
    expect(byRow.get(rows[2]!.id)).toMatchObject({ [id('销售额')]: 500, [id('等级')]: '高', [id('排名')]: 1 });
    expect(byRow.get(rows[0]!.id)).toEqual({ [id('排名')]: 2 });
    expect(byRow.get(rows[1]!.id)).toEqual({ [id('排名')]: 3 });
    const page = await all();
    expect(page.rows.map((r) => [r.cells[id('等级')], r.cells[id('排名')]])).toEqual([
      ['高', 2],
      ['中', 3],
      ['高', 1],
    ]);
    await h.request('DELETE', `/api/tables/${table.id}/rows`, { ids: [rows[2]!.id] });
    expect((await all()).rows.map((r) => r.cells[id('排名')])).toEqual([1, 2]);
  });

  it('stores error values and a blank for a blank result', async () => {
    const f = await h.request('POST', `/api/tables/${table.id}/fields`, { name: '比例', type: 'formula', formula: '100/{销售额}' });
    expect(f.status).toBe(201);
    const field = as<Field>(f.json);
    const { rows } = await insert([['A', 0, null], ['B', 50, null]]);
    expect(rows[0]?.cells[field.id]).toMatchObject({ error: '#DIV/0!' });
    expect(rows[1]?.cells[field.id]).toBe(2);
  });

  it('fills a new formula field before answering, and follows renames', async () => {
    await insert([['A', 120, null]]);
    const res = await h.request('POST', `/api/tables/${table.id}/fields`, { name: '双倍', type: 'formula', formula: '{销售额}*2' });
    expect(res.status).toBe(201);
    const field = as<Field>(res.json);
    expect((await all()).rows[0]?.cells[field.id]).toBe(240);
    const ren = await h.request('PATCH', `/api/fields/${id('销售额')}`, { name: '金额 (元)' });
    expect(ren.status).toBe(200);
    const t = as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json);
    expect(t.fields.find((x) => x.id === field.id)?.formula).toBe('{金额 (元)}*2');
  });

  it('refuses bad formulas with 422 and positions, and cycles with FORMULA_CYCLE', async () => {
    const res = await h.request('POST', `/api/tables/${table.id}/fields`, { name: 'x', type: 'formula', formula: 'SUM({销量}' });
    expect(res.status).toBe(422);
    const env = as<ErrorEnvelope>(res.json);
    expect(env.error.code).toBe('FORMULA_INVALID');
    expect(env.error.details?.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FORMULA_UNKNOWN_FIELD', start: 5 })]));
    const a = as<Field>((await h.request('POST', `/api/tables/${table.id}/fields`, { name: 'a', type: 'formula', formula: '{销售额}+1' })).json);
    const b = as<Field>((await h.request('POST', `/api/tables/${table.id}/fields`, { name: 'b', type: 'formula', formula: '{a}+1' })).json);
    const cyc = await h.request('PATCH', `/api/fields/${a.id}`, { formula: '{b}+1' });
    expect(cyc.status).toBe(422);
    expect(as<ErrorEnvelope>(cyc.json).error.code).toBe('FORMULA_CYCLE');
    void b;
  });

  it('a new as-of date recomputes what uses TODAY()', async () => {
    const { rows } = await insert([['A', 1, '2025-06-01']]);
    expect(rows[0]?.cells[id('天数')]).toBe(29);
    const res = await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: '2025-07-01' });
    expect(res.status).toBe(200);
    expect((await all()).rows[0]?.cells[id('天数')]).toBe(30);
  });

  it('deleting a referenced field makes dependents #REF!, restoring it brings values back', async () => {
    await insert([['A', 120, null]]);
    const del = await h.request('DELETE', `/api/fields/${id('销售额')}`);
    expect(del.status).toBe(204);
    const after = (await all()).rows[0]!;
    expect(after.cells[id('等级')]).toMatchObject({ error: '#REF!' });
    const trash = as<{ items: { id: string; kind: string }[] }>((await h.request('GET', `/api/workbooks/${wb.id}/trash`)).json);
    const item = trash.items.find((i) => i.kind === 'field')!;
    expect((await h.request('POST', `/api/trash/${item.id}/restore`)).status).toBe(200);
    const back = (await all()).rows[0]!;
    expect(back.cells[id('销售额')]).toBe(120);
    expect(back.cells[id('等级')]).toBe('高');
  });
});
