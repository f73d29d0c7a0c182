import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Dashboard, RowsPage, Table, TemplateApplyResult, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
let orders: Table;
const fid = (t: Table, name: string): string => t.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'en', asOf: '2024-12-31' })).json);
  orders = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: 'Orders',
        fields: [
          { name: 'customer', type: 'text' },
          { name: 'date', type: 'date' },
          { name: 'amount', type: 'number' },
        ],
      })
    ).json,
  );
  const rows: [string, string, number][] = [
    ['A', '2024-01-05', 100],
    ['A', '2024-06-01', 50],
    ['B', '2024-03-01', 20],
    ['C', '2024-12-01', 500],
  ];
  await h.request('POST', `/api/tables/${orders.id}/rows`, {
    rows: rows.map(([c, d, a]) => ({ cells: { [fid(orders, 'customer')]: c, [fid(orders, 'date')]: d, [fid(orders, 'amount')]: a } })),
  });
});
afterEach(async () => {
  await h.close();
});

describe('templates from transactions', () => {
  it('makes a customer table kept in sync with the orders, and applies RFM to it', async () => {
    const mapping = { customer: fid(orders, 'customer'), date: fid(orders, 'date'), amount: fid(orders, 'amount') };
    const res = await h.request('POST', '/api/templates/rfm/apply', { tableId: orders.id, source: 'transactions', mapping });
    expect(res.status).toBe(200);
    const answer = as<TemplateApplyResult>(res.json);
    expect(answer.table.id).not.toBe(orders.id);
    expect(answer.table.rowCount).toBe(3);
    const customers = answer.table;
    const page = async (): Promise<RowsPage> => as<RowsPage>((await h.request('GET', `/api/tables/${customers.id}/rows`)).json);
    const monetary = customers.fields.find((f) => f.name.toLowerCase().includes('monetary'))?.id ?? '';
    // The recommended charts are over the customer table: its segment and scores, and its monetary summary.
    const made = (name: string): string => answer.fields.find((f) => f.name === name)?.id ?? `no field ${name}`;
    expect(answer.charts.map((c) => [c.id, c.tableId, c.kind, c.fields, c.measures ?? []])).toEqual([
      ['segment_count', customers.id, 'bar', [made('RFM segment')], []],
      ['segment_revenue', customers.id, 'treemap', [made('RFM segment')], [{ op: 'sum', fieldId: monetary }]],
      ['rf_heatmap', customers.id, 'crosstab', [made('R score'), made('F score')], []],
    ]);
    expect(as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json).charts).toEqual([]);
    expect((await page()).rows.map((r) => r.cells[monetary])).toEqual([150, 20, 500]);
    await h.request('POST', `/api/tables/${orders.id}/rows`, {
      rows: [{ cells: { [fid(orders, 'customer')]: 'D', [fid(orders, 'date')]: '2024-12-30', [fid(orders, 'amount')]: 7 } }],
    });
    const after = await page();
    expect(after.total).toBe(4);
    expect(after.rows.at(-1)?.cells[monetary]).toBe(7);
    const again = await h.request('POST', '/api/templates/abc/apply', { tableId: orders.id, source: 'transactions', mapping });
    expect(again.status).toBe(200);
    expect(as<{ table: Table }>(again.json).table.id).toBe(customers.id);

    // Another row condition makes another customer table; both follow the orders.
    const big = await h.request('POST', '/api/templates/abc/apply', { tableId: orders.id, source: 'transactions', mapping, rows: '{amount}>=50' });
    expect(big.status).toBe(200);
    const bigCustomers = as<{ table: Table }>(big.json).table;
    expect(bigCustomers.id).not.toBe(customers.id);
    expect(bigCustomers.rowCount).toBe(2);
    await h.request('POST', `/api/tables/${orders.id}/rows`, {
      rows: [{ cells: { [fid(orders, 'customer')]: 'E', [fid(orders, 'date')]: '2024-12-30', [fid(orders, 'amount')]: 80 } }],
    });
    expect(as<Table>((await h.request('GET', `/api/tables/${bigCustomers.id}`)).json).rowCount).toBe(3);
    expect((await page()).total).toBe(5);
    const same = await h.request('POST', '/api/templates/rfm/apply', { tableId: orders.id, source: 'transactions', mapping, rows: ' {amount}>=50 ' });
    expect(as<{ table: Table }>(same.json).table.id).toBe(bigCustomers.id);
  });
});
