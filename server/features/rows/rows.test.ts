import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, Row, RowsInsertResult, RowsPage, Table, WriteResult, Workbook } from '../../../common';

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  const res = await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
    name: '客户',
    fields: [
      { name: '名称', type: 'text' },
      { name: '省份', type: 'select', options: [{ value: '广东', color: '#f00' }, { value: '浙江', color: '#0f0' }] },
      { name: '销售额', type: 'number' },
      { name: '日期', type: 'date' },
      { name: '会员', type: 'boolean' },
    ],
  });
  expect(res.status).toBe(201);
  table = as<Table>(res.json);
});
afterEach(async () => {
  await h.close();
});

async function insert(rows: Record<string, unknown>[]): Promise<Row[]> {
  const res = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: rows.map((r) => ({ cells: Object.fromEntries(Object.entries(r).map(([k, v]) => [id(k), v])) })) });
  expect(res.status).toBe(201);
  return as<RowsInsertResult>(res.json).rows;
}

async function page(query: string): Promise<RowsPage> {
  const res = await h.request('GET', `/api/tables/${table.id}/rows?${query}`);
  expect(res.status).toBe(200);
  return as<RowsPage>(res.json);
}

describe('rows', () => {
  it('inserts rows with normalised values and answers them with versions and changes', async () => {
    const res = await h.request('POST', `/api/tables/${table.id}/rows`, {
      rows: [{ cells: { [id('名称')]: '华信', [id('销售额')]: '¥1,200', [id('日期')]: '2024/1/5', [id('会员')]: true, [id('省份')]: '广东' } }],
    });
    expect(res.status).toBe(201);
    const body = as<RowsInsertResult>(res.json);
    expect(body.rows[0]).toMatchObject({ version: 1, cells: { [id('名称')]: '华信', [id('销售额')]: 1200, [id('日期')]: '2024-01-05', [id('会员')]: true } });
    expect(body.changes[0]?.cells[id('销售额')]).toBe(1200);
  });

  it('refuses a bad cell with 422 INVALID_CELL naming field, row and reason, writing nothing', async () => {
    const res = await h.request('POST', `/api/tables/${table.id}/rows`, {
      rows: [{ cells: { [id('销售额')]: 5 } }, { cells: { [id('销售额')]: 'abc' } }],
    });
    expect(res.status).toBe(422);
    const env = as<ErrorEnvelope>(res.json);
    expect(env.error.code).toBe('INVALID_CELL');
    expect(env.error.details).toMatchObject({ fieldId: id('销售额'), fieldName: '销售额', row: 2 });
    expect(env.error.message).toContain('销售额');
    expect((await page('')).total).toBe(0);
    const sel = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('省份')]: '火星' } }] });
    expect(as<ErrorEnvelope>(sel.json).error.code).toBe('INVALID_CELL');
    const unknown = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { fnope: 1 } }] });
    expect(unknown.status).toBe(404);
    expect(as<ErrorEnvelope>(unknown.json).error.code).toBe('FIELD_NOT_FOUND');
  });

  it('updates with optimistic versions: 409 VERSION_CONFLICT carries the current row', async () => {
    const [row] = await insert([{ 名称: 'A', 销售额: 10 }]);
    const ok = await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: row!.id, version: 1, cells: { [id('销售额')]: 20 } }] });
    expect(ok.status).toBe(200);
    const change = as<WriteResult>(ok.json).changes[0]!;
    expect(change).toMatchObject({ rowId: row!.id, version: 2, cells: { [id('销售额')]: 20 } });
    const stale = await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: row!.id, version: 1, cells: { [id('销售额')]: 30 } }] });
    expect(stale.status).toBe(409);
    const env = as<ErrorEnvelope>(stale.json);
    expect(env.error.code).toBe('VERSION_CONFLICT');
    expect(env.error.details?.row).toMatchObject({ id: row!.id, version: 2, cells: { [id('销售额')]: 20 } });
    const missing = await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: '999', cells: {} }] });
    expect(missing.status).toBe(404);
  });

  it('refuses a batch that names one row twice (both entries would pass the version check), writing nothing', async () => {
    const [a, b] = await insert([{ 名称: 'A', 销售额: 10 }, { 名称: 'B', 销售额: 1 }]);
    const res = await h.request('PATCH', `/api/tables/${table.id}/rows`, {
      rows: [
        { id: a!.id, version: 1, cells: { [id('销售额')]: 20 } },
        { id: b!.id, version: 1, cells: { [id('销售额')]: 2 } },
        { id: a!.id, version: 1, cells: { [id('名称')]: 'A2' } },
      ],
    });
    expect(res.status).toBe(400);
    const env = as<ErrorEnvelope>(res.json);
    expect(env.error.code).toBe('BAD_REQUEST');
    expect(env.error.details).toMatchObject({ rowId: a!.id, positions: [0, 2] });
    expect(env.error.message).toContain(`rows[0]`);
    expect(env.error.message).toContain(`rows[2]`);
    const zh = await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: b!.id, cells: {} }, { id: b!.id, cells: {} }] }, { 'accept-language': 'zh-CN' });
    expect(as<ErrorEnvelope>(zh.json).error.message).toMatch(/第 1 项和第 2 项（rows\[0\]、rows\[1\]）都是行 /);
    const now = await page('sort=' + id('名称') + ':asc');
    expect(now.rows.map((r) => [r.version, r.cells[id('名称')], r.cells[id('销售额')]])).toEqual([[1, 'A', 10], [1, 'B', 1]]);
  });

  it('deletes a row named twice in one batch once', async () => {
    const rows = await insert([{ 名称: 'A' }, { 名称: 'B' }]);
    const res = await h.request('DELETE', `/api/tables/${table.id}/rows`, { ids: [rows[0]!.id, rows[0]!.id] });
    expect(res.status).toBe(200);
    expect((await page('')).rows.map((r) => r.cells[id('名称')])).toEqual(['B']);
  });

  it('deletes rows', async () => {
    const rows = await insert([{ 名称: 'A' }, { 名称: 'B' }, { 名称: 'C' }]);
    const res = await h.request('DELETE', `/api/tables/${table.id}/rows`, { ids: [rows[0]!.id, rows[2]!.id] });
    expect(res.status).toBe(200);
    const left = await page('');
    expect(left.total).toBe(1);
    expect(left.rows[0]?.cells[id('名称')]).toBe('B');
  });

  it('pages, sorts (blanks last), filters and searches in SQL', async () => {
    await insert([
      { 名称: '华信科技', 销售额: 300, 省份: '广东', 日期: '2024-03-01', 会员: true },
      { 名称: '鼎盛贸易', 销售额: 100, 省份: '浙江', 日期: '2024-01-01', 会员: false },
      { 名称: "Tom's shop", 销售额: null, 省份: '广东' },
      { 名称: '东方百货', 销售额: 200, 省份: '浙江', 日期: '2024-02-01' },
    ]);
    const sorted = await page(`sort=${id('销售额')}:desc&limit=2&offset=0`);
    expect(sorted.total).toBe(4);
    expect(sorted.rows.map((r) => r.cells[id('销售额')])).toEqual([300, 200]);
    const asc = await page(`sort=${id('销售额')}:asc`);
    expect(asc.rows.map((r) => r.cells[id('销售额')])).toEqual([100, 200, 300, null]);
    const f = (filter: unknown): string => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
    expect((await page(f({ and: [{ fieldId: id('销售额'), op: 'gte', value: 200 }] }))).total).toBe(2);
    expect((await page(f({ and: [{ fieldId: id('销售额'), op: 'between', value: [100, 200] }] }))).total).toBe(2);
    expect((await page(f({ or: [{ fieldId: id('省份'), op: 'eq', value: '广东' }, { fieldId: id('销售额'), op: 'lt', value: 150 }] }))).total).toBe(3);
    expect((await page(f({ and: [{ fieldId: id('销售额'), op: 'empty' }] }))).total).toBe(1);
    expect((await page(f({ and: [{ fieldId: id('日期'), op: 'notEmpty' }] }))).total).toBe(3);
    expect((await page(f({ and: [{ fieldId: id('名称'), op: 'contains', value: "tom'S" }] }))).total).toBe(1);
    expect((await page(f({ and: [{ fieldId: id('名称'), op: 'notContains', value: '科技' }] }))).total).toBe(3);
    expect((await page(f({ and: [{ fieldId: id('省份'), op: 'in', value: ['浙江'] }] }))).total).toBe(2);
    expect((await page(f({ and: [{ fieldId: id('会员'), op: 'eq', value: true }] }))).total).toBe(1);
    expect((await page(f({ and: [{ fieldId: id('日期'), op: 'gt', value: '2024-01-15' }, { or: [{ fieldId: id('省份'), op: 'ne', value: '广东' }] }] }))).total).toBe(1);
    expect((await page(`q=${encodeURIComponent('百货')}`)).total).toBe(1);
    const bad = await h.request('GET', `/api/tables/${table.id}/rows?filter=${encodeURIComponent('{"and":[{"fieldId":"x","op":"zz"}]}')}`);
    expect(bad.status).toBe(400);
    const badJson = await h.request('GET', `/api/tables/${table.id}/rows?filter=%7B`);
    expect(badJson.status).toBe(400);
    const big = await h.request('GET', `/api/tables/${table.id}/rows?limit=5000`);
    expect(big.status).toBe(400);
    const unknownSort = await h.request('GET', `/api/tables/${table.id}/rows?sort=fzz:asc`);
    expect(unknownSort.status).toBe(404);
  });

  it('accepts 10,000 rows in one call and refuses more', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ cells: { [id('名称')]: `c${i}`, [id('销售额')]: i } }));
    const res = await h.request('POST', `/api/tables/${table.id}/rows`, { rows });
    expect(res.status).toBe(201);
    const body = as<RowsInsertResult>(res.json);
    expect(body.rows).toHaveLength(10_000);
    expect(body.changes).toEqual([]);
    expect(body.refetch).toEqual([table.id]);
    const over = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [...rows, { cells: {} }] });
    expect(over.status).toBe(400);
  });
});
