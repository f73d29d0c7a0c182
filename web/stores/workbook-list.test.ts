// Switching, creating, renaming, ordering, trashing workbooks and their as-of date, against the real server.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../server/test/harness';
import type { Harness } from '../../server/test/harness';
import type { RowsPage, Table, Workbook } from '../../common';
import { createApiClient, getApi, setApi } from '../api/client';
import { moved, useWorkbookStore } from './workbook';

let h: Harness;

async function post<T>(url: string, body: unknown): Promise<T> {
  const r = await h.request('POST', url, body);
  expect(r.status, r.text).toBeLessThan(300);
  return as<T>(r.json);
}

/** Workbook "A" with tables 客户 (a formula counting days since 2024-01-01) and 订单; workbook "B" with 产品. */
async function seed(): Promise<{ a: Workbook; b: Workbook; customers: Table }> {
  const a = await post<Workbook>('/api/workbooks', { name: 'A', language: 'zh-CN' });
  const customers = await post<Table>(`/api/workbooks/${a.id}/tables`, {
    name: '客户',
    fields: [{ name: '天数', type: 'formula', formula: 'TODAY()-DATE(2024,1,1)' }],
  });
  await post(`/api/tables/${customers.id}/rows`, { rows: [{ cells: {} }] });
  await post<Table>(`/api/workbooks/${a.id}/tables`, { name: '订单' });
  const b = await post<Workbook>('/api/workbooks', { name: 'B', language: 'zh-CN' });
  await post<Table>(`/api/workbooks/${b.id}/tables`, { name: '产品' });
  return { a, b, customers };
}

beforeEach(async () => {
  h = await openHarness();
  setActivePinia(createPinia());
  setApi(createApiClient({ fetch: async (input, init) => h.segsheet.app.request(String(input), init) }));
});
afterEach(async () => {
  await h.close();
});

describe('workbook list', () => {
  it('switches between workbooks, each with its own tables, and creates another', async () => {
    const { b } = await seed();
    const wb = useWorkbookStore();
    await wb.init('');
    expect(wb.workbooks.map((w) => w.name)).toEqual(['A', 'B']);
    expect(wb.tables.map((t) => t.name)).toEqual(['客户', '订单']);
    await wb.openWorkbook(b.id, null);
    expect([wb.workbook?.name, wb.table?.name]).toEqual(['B', '产品']);
    await wb.createWorkbook('C');
    expect(wb.workbooks.map((w) => w.name)).toEqual(['A', 'B', 'C']);
    expect([wb.workbook?.name, wb.table]).toEqual(['C', null]);
  });

  it('renames the open workbook in the header and in the list; a refused name changes nothing', async () => {
    await seed();
    const wb = useWorkbookStore();
    await wb.init('');
    await wb.renameWorkbook('客户分析');
    expect(wb.workbook?.name).toBe('客户分析');
    expect(wb.workbooks.map((w) => w.name)).toEqual(['客户分析', 'B']);
    await expect(wb.renameWorkbook('A{1}')).rejects.toMatchObject({ code: 'INVALID_NAME' });
    expect(wb.workbook?.name).toBe('客户分析');
  });

  it('moves the open workbook in the list, and the server keeps that order', async () => {
    const { b } = await seed();
    const wb = useWorkbookStore();
    await wb.init('');
    await wb.moveWorkbook(-1);
    expect(wb.workbooks.map((w) => w.name)).toEqual(['A', 'B']);
    await wb.moveWorkbook(1);
    expect(wb.workbooks.map((w) => w.name)).toEqual(['B', 'A']);
    expect((await getApi().listWorkbooks()).map((w) => w.id)[0]).toBe(b.id);
  });

  it('moves a table down and up; the ends stay put', async () => {
    const { a } = await seed();
    const wb = useWorkbookStore();
    await wb.init('');
    const [first, second] = wb.tables.map((t) => t.id);
    await wb.moveTable(first ?? '', 1);
    expect(wb.tables.map((t) => t.name)).toEqual(['订单', '客户']);
    expect((await getApi().getWorkbook(a.id)).tables.map((t) => t.name)).toEqual(['订单', '客户']);
    await wb.moveTable(second ?? '', -1);
    expect(wb.tables.map((t) => t.name)).toEqual(['订单', '客户']);
    await wb.moveTable(first ?? '', -1);
    expect(wb.tables.map((t) => t.name)).toEqual(['客户', '订单']);
  });

  it('a fixed as-of date changes what TODAY() gives, and the grid is told to reload', async () => {
    const { customers } = await seed();
    const wb = useWorkbookStore();
    await wb.init('');
    const days = async (): Promise<unknown> => {
      const page = as<RowsPage>((await h.request('GET', `/api/tables/${customers.id}/rows?limit=10`)).json);
      return page.rows[0]?.cells[customers.fields[0]?.id ?? ''];
    };
    const epoch = wb.rowsEpoch;
    await wb.setAsOf('2024-06-30');
    expect(wb.workbook?.asOf).toBe('2024-06-30');
    expect(wb.workbooks[0]?.asOf).toBe('2024-06-30');
    expect(wb.rowsEpoch).toBeGreaterThan(epoch);
    expect(await days()).toBe(181);
    await wb.setAsOf(null);
    expect(wb.workbook?.asOf).toBeNull();
    expect(await days()).not.toBe(181);
  });

  it('deleting opens the next workbook; deleting the last shows none; restoring brings it back and opens it', async () => {
    const { a, b } = await seed();
    const wb = useWorkbookStore();
    await wb.init('');
    await wb.deleteWorkbook();
    expect([wb.workbook?.id, wb.workbooks.map((w) => w.id)]).toEqual([b.id, [b.id]]);
    await wb.deleteWorkbook();
    expect([wb.workbook, wb.table, wb.workbooks]).toEqual([null, null, []]);
    const trashed = await getApi().trashedWorkbooks();
    expect(trashed.map((x) => x.name)).toEqual(['B', 'A']);
    await wb.restoreWorkbook(trashed.find((x) => x.workbookId === a.id)?.id ?? '');
    expect([wb.workbook?.id, wb.table?.name]).toEqual([a.id, '客户']);
    expect(wb.workbooks.map((w) => w.name)).toEqual(['A']);
    // With a workbook open, a restore only adds to the list.
    await wb.restoreWorkbook((await getApi().trashedWorkbooks())[0]?.id ?? '');
    expect(wb.workbook?.id).toBe(a.id);
    expect(wb.workbooks.map((w) => w.name)).toEqual(['A', 'B']);
  });
});

describe('moved', () => {
  it('moves one id a place, or answers null at the ends and for an unknown id', () => {
    expect(moved(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moved(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moved(['a'], 'x', 1)).toBeNull();
  });
});
