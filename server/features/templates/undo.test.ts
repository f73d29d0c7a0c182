// Undo and redo of applying a template, over a real listening socket as the web app uses them.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GalleryThumbnails } from '../../../templates';
import { openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, Field, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let server: ServerType;
let base: string;
let wb: Workbook;
let orders: Table;

async function call<T>(method: string, url: string, body?: unknown, language = 'en'): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'accept-language': language, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}
const fid = (t: Table, name: string): string => t.fields.find((f) => f.name === name)?.id ?? '';
const tableNames = async (): Promise<string[]> => (await call<Workbook>('GET', `/api/workbooks/${wb.id}`)).json.tables.map((t) => t.name);
const fieldNames = async (id: string): Promise<string[]> => (await call<Table>('GET', `/api/tables/${id}`)).json.fields.map((f) => f.name);

beforeEach(async () => {
  h = await openHarness();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: h.segsheet.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  wb = (await call<Workbook>('POST', '/api/workbooks', { name: 'W', language: 'en', asOf: '2024-12-31' })).json;
  orders = (
    await call<Table>('POST', `/api/workbooks/${wb.id}/tables`, {
      name: 'Orders',
      fields: [
        { name: 'customer', type: 'text' },
        { name: 'date', type: 'date' },
        { name: 'amount', type: 'number' },
      ],
    })
  ).json;
  const rows: [string, string, number][] = [
    ['A', '2024-01-05', 100],
    ['A', '2024-06-01', 50],
    ['B', '2024-03-01', 20],
    ['C', '2024-12-01', 500],
  ];
  await call('POST', `/api/tables/${orders.id}/rows`, {
    rows: rows.map(([c, d, a]) => ({ cells: { [fid(orders, 'customer')]: c, [fid(orders, 'date')]: d, [fid(orders, 'amount')]: a } })),
  });
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

describe('undo of applying a template', () => {
  it('from transactions: undo trashes the customer table it made and the orders helper field, redo brings both back', async () => {
    const mapping = { customer: fid(orders, 'customer'), date: fid(orders, 'date'), amount: fid(orders, 'amount') };
    const applied = await call<{ table: Table; fields: Field[] }>('POST', '/api/templates/rfm/apply', { tableId: orders.id, source: 'transactions', mapping, rows: '{amount}>=50' });
    expect(applied.status).toBe(200);
    const customers = applied.json.table;
    expect(customers.rowCount).toBe(2);
    expect(await tableNames()).toEqual(['Orders', customers.name]);
    expect(await fieldNames(orders.id)).toHaveLength(4);

    const undone = await call<{ description: string }>('POST', `/api/workbooks/${wb.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.json.description).toMatch(/RFM/);
    expect(await tableNames()).toEqual(['Orders']);
    expect((await call('GET', `/api/tables/${customers.id}`)).status).toBe(404);
    expect(await fieldNames(orders.id)).toEqual(['customer', 'date', 'amount']);

    expect((await call('POST', `/api/workbooks/${wb.id}/redo`)).status).toBe(200);
    expect(await tableNames()).toEqual(['Orders', customers.name]);
    const back = (await call<Table>('GET', `/api/tables/${customers.id}`)).json;
    expect(back.fields.map((f) => f.id)).toEqual(customers.fields.map((f) => f.id));
    const page = (await call<RowsPage>('GET', `/api/tables/${customers.id}/rows`)).json;
    const segment = applied.json.fields.find((f) => f.name === 'RFM segment' || f.name.toLowerCase().includes('segment'));
    expect(segment).toBeDefined();
    expect(page.rows.map((r) => r.cells[fid(back, 'Customer')])).toEqual(['A', 'C']);
    expect(page.rows.every((r) => typeof r.cells[segment!.id] === 'string')).toBe(true);
    expect(await fieldNames(orders.id)).toHaveLength(4);

    // A second scheme on the same orders and condition reuses the customer table: its undo removes only its outputs.
    const abc = await call<{ table: Table; fields: Field[] }>('POST', '/api/templates/abc/apply', { tableId: orders.id, source: 'transactions', mapping, rows: '{amount}>=50' });
    expect(abc.json.table.id).toBe(customers.id);
    const withAbc = await fieldNames(customers.id);
    expect(withAbc).toEqual([...back.fields.map((f) => f.name), ...abc.json.fields.map((f) => f.name)]);
    await call('POST', `/api/workbooks/${wb.id}/undo`);
    expect(await fieldNames(customers.id)).toEqual(back.fields.map((f) => f.name));
    expect(await tableNames()).toEqual(['Orders', customers.name]);
  });

  it('to a table: undo removes the output fields, redo brings them back with their values', async () => {
    const body = { tableId: orders.id, mapping: { amount: fid(orders, 'amount') } };
    const applied = await call<{ fields: Field[] }>('POST', '/api/templates/value-tiers/apply', body);
    expect(applied.status).toBe(200);
    await call('POST', `/api/workbooks/${wb.id}/undo`);
    expect(await fieldNames(orders.id)).toEqual(['customer', 'date', 'amount']);
    await call('POST', `/api/workbooks/${wb.id}/redo`);
    const tier = applied.json.fields[0]!;
    const page = (await call<RowsPage>('GET', `/api/tables/${orders.id}/rows`)).json;
    // 4 rows, top 20% / next 30%: no rank is ≤ 0.8, ranks 1–2 are ≤ 2 (mid), the rest low.
    expect(page.rows.map((r) => r.cells[tier.id])).toEqual(['Mid value', 'Low value', 'Low value', 'Mid value']);
  });

  it('names a missing input in the language of the request', async () => {
    const en = await call<ErrorEnvelope>('POST', '/api/templates/rfm/apply', { tableId: orders.id, mapping: { last_purchase: fid(orders, 'date') } });
    expect(en.status).toBe(422);
    expect(en.json.error.code).toBe('TEMPLATE_INPUT_MISSING');
    expect(en.json.error.message).toContain('Frequency');
    const zh = await call<ErrorEnvelope>('POST', '/api/templates/rfm/apply', { tableId: orders.id, mapping: { last_purchase: fid(orders, 'date') } }, 'zh-CN');
    expect(zh.json.error.message).toMatch(/购买次数|频/);
    expect(zh.json.error.details).toMatchObject({ keys: ['frequency', 'monetary'] });
    const noCustomer = await call<ErrorEnvelope>('POST', '/api/templates/rfm/apply', { tableId: orders.id, source: 'transactions', mapping: { date: fid(orders, 'date') } }, 'zh-CN');
    expect(noCustomer.status).toBe(422);
    expect(noCustomer.json.error.message).toContain('客户');
  });

  it('serves gallery thumbnails: counts of the sample data in the groups of each template', async () => {
    const zh = (await call<GalleryThumbnails>('GET', '/api/templates/thumbnails', undefined, 'zh-CN')).json;
    const en = (await call<GalleryThumbnails>('GET', '/api/templates/thumbnails')).json;
    expect(Object.keys(zh)).toEqual(expect.arrayContaining(['value-tiers', 'abc', 'rfm', 'lifecycle']));
    expect(zh.abc?.groups.map((g) => g.key)).toEqual(['A', 'B', 'C']);
    expect(zh.rfm?.groups.map((g) => g.value)).toContain('重要价值客户');
    expect(en.rfm?.groups.map((g) => g.value).join()).toMatch(/[A-Za-z]/);
    for (const t of Object.values(en)) expect(t.groups.reduce((s, g) => s + g.count, 0)).toBeGreaterThan(0);
  });
});
