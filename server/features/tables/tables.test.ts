import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Dashboard, ErrorEnvelope, Field, RowsPage, Table, TrashList, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
let table: Table;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: `客户 "VIP" 😀; DROP TABLE x`,
        fields: [
          { name: "Tom's 'name'", type: 'text' },
          { name: 'amount', type: 'number', description: 'in yuan', format: '#,##0' },
          { name: 'level', type: 'select', options: [{ value: 'A', color: '#f00' }, { value: 'A', color: '#0f0' }] },
        ],
      })
    ).json,
  );
});
afterEach(async () => {
  await h.close();
});

describe('tables', () => {
  it('creates a table with fields, names kept as typed', () => {
    expect(table.name).toBe(`客户 "VIP" 😀; DROP TABLE x`);
    expect(table.fields.map((f) => f.name)).toEqual(["Tom's 'name'", 'amount', 'level']);
    expect(table.fields[1]).toMatchObject({ type: 'number', description: 'in yuan', format: '#,##0' });
    expect(table.fields[2]?.options).toEqual([{ value: 'A', color: '#f00' }]);
    expect(table.rowCount).toBe(0);
  });

  it('refuses taken names (409 NAME_TAKEN) and renames, reorders fields', async () => {
    const dup = await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: table.name.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(as<ErrorEnvelope>(dup.json).error.code).toBe('NAME_TAKEN');
    const dupField = await h.request('POST', `/api/tables/${table.id}/fields`, { name: 'AMOUNT', type: 'text' });
    expect(as<ErrorEnvelope>(dupField.json).error.code).toBe('NAME_TAKEN');
    const order = [...table.fields].reverse().map((f) => f.id);
    const res = await h.request('PATCH', `/api/tables/${table.id}`, { name: 'Customers', fieldOrder: order });
    expect(res.status).toBe(200);
    expect(as<Table>(res.json)).toMatchObject({ name: 'Customers' });
    expect(as<Table>(res.json).fields.map((f) => f.id)).toEqual(order);
    const bad = await h.request('PATCH', `/api/tables/${table.id}`, { fieldOrder: [order[0]] });
    expect(bad.status).toBe(400);
  });

  it('trashes and restores a table with its data', async () => {
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [table.fields[1]!.id]: 5 } }] });
    expect((await h.request('DELETE', `/api/tables/${table.id}`)).status).toBe(204);
    expect((await h.request('GET', `/api/tables/${table.id}`)).status).toBe(404);
    expect((await h.request('GET', `/api/tables/${table.id}/rows`)).status).toBe(404);
    const trash = as<TrashList>((await h.request('GET', `/api/workbooks/${wb.id}/trash`)).json);
    expect(trash.items).toEqual([expect.objectContaining({ kind: 'table', name: table.name, tableId: table.id })]);
    expect((await h.request('POST', `/api/trash/${trash.items[0]!.id}/restore`)).status).toBe(200);
    expect(as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json).total).toBe(1);
    expect((await h.request('POST', `/api/trash/xnope/restore`)).status).toBe(404);
  });

  it('retypes a text field to select, making options from the values', async () => {
    const name = table.fields[0]!.id;
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [name]: '华东' } }, { cells: { [name]: '华北' } }, { cells: { [name]: '华东' } }] });
    const res = await h.request('PATCH', `/api/fields/${name}`, { type: 'select' });
    expect(res.status).toBe(200);
    expect(as<Field>(res.json).options?.map((o) => o.value)).toEqual(['华东', '华北']);
    const num = await h.request('PATCH', `/api/fields/${table.fields[1]!.id}`, { type: 'text' });
    expect(num.status).toBe(200);
    expect((await h.request('PATCH', '/api/fields/fnope', { name: 'x' })).status).toBe(404);
    expect((await h.request('POST', `/api/tables/${table.id}/fields`, { name: 'f', type: 'formula' })).status).toBe(400);
  });

  it('saves and reads the dashboard', async () => {
    expect(as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json)).toEqual({ charts: [] });
    const dashboard: Dashboard = {
      charts: [{ id: 'c1', tableId: table.id, kind: 'bar', fields: [table.fields[2]!.id], place: { x: 0, y: 0, w: 6, h: 4 } }],
    };
    expect((await h.request('PUT', `/api/workbooks/${wb.id}/dashboard`, dashboard)).status).toBe(200);
    expect(as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json)).toEqual(dashboard);
    const bad = await h.request('PUT', `/api/workbooks/${wb.id}/dashboard`, { charts: [{ ...dashboard.charts[0], tableId: 'tnope' }] });
    expect(bad.status).toBe(400);
  });
});
