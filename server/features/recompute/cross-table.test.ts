import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { RowsInsertResult, RowsPage, Table, WriteResult, Workbook } from '../../../common';

let h: Harness;
let customers: Table;
let orders: Table;
const fid = (t: Table, name: string): string => t.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  orders = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '订单 2024',
        fields: [
          { name: '客户', type: 'text' },
          { name: '金额', type: 'number' },
        ],
      })
    ).json,
  );
  customers = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '名称', type: 'text' },
          { name: '总额', type: 'formula', formula: "SUMIFS('订单 2024'[金额],'订单 2024'[客户],{名称})" },
          { name: '等级', type: 'formula', formula: 'IF({总额}>=100,"高","低")' },
        ],
      })
    ).json,
  );
});
afterEach(async () => {
  await h.close();
});

describe('recompute across tables', () => {
  it('keeps a customer table current as orders are added, edited and deleted', async () => {
    const c = as<RowsInsertResult>((await h.request('POST', `/api/tables/${customers.id}/rows`, { rows: [{ cells: { [fid(customers, '名称')]: '华信' } }, { cells: { [fid(customers, '名称')]: '鼎盛' } }] })).json);
    const [hx, ds] = c.rows;
    expect(hx?.cells[fid(customers, '总额')]).toBe(0);
    const ins = await h.request('POST', `/api/tables/${orders.id}/rows`, {
      rows: [
        { cells: { [fid(orders, '客户')]: '华信', [fid(orders, '金额')]: 80 } },
        { cells: { [fid(orders, '客户')]: '华信', [fid(orders, '金额')]: 30 } },
        { cells: { [fid(orders, '客户')]: '鼎盛', [fid(orders, '金额')]: 5 } },
      ],
    });
    const inserted = as<RowsInsertResult>(ins.json);
    const hxChange = inserted.changes.find((ch) => ch.tableId === customers.id && ch.rowId === hx!.id);
    expect(hxChange?.cells).toEqual({ [fid(customers, '总额')]: 110, [fid(customers, '等级')]: '高' });
    const edit = await h.request('PATCH', `/api/tables/${orders.id}/rows`, { rows: [{ id: inserted.rows[0]!.id, cells: { [fid(orders, '客户')]: '鼎盛' } }] });
    const { changes } = as<WriteResult>(edit.json);
    const byRow = new Map(changes.filter((ch) => ch.tableId === customers.id).map((ch) => [ch.rowId, ch.cells]));
    expect(byRow.get(hx!.id)).toEqual({ [fid(customers, '总额')]: 30, [fid(customers, '等级')]: '低' });
    expect(byRow.get(ds!.id)).toEqual({ [fid(customers, '总额')]: 85 });
    await h.request('DELETE', `/api/tables/${orders.id}/rows`, { ids: [inserted.rows[0]!.id] });
    const page = as<RowsPage>((await h.request('GET', `/api/tables/${customers.id}/rows`)).json);
    expect(page.rows.map((r) => r.cells[fid(customers, '总额')])).toEqual([30, 5]);
  });

  it('renaming the other table keeps the formula working and shows the new name', async () => {
    await h.request('PATCH', `/api/tables/${orders.id}`, { name: 'Orders' });
    const t = as<Table>((await h.request('GET', `/api/tables/${customers.id}`)).json);
    expect(t.fields.find((f) => f.name === '总额')?.formula).toBe('SUMIFS(Orders[金额],Orders[客户],{名称})');
  });
});
