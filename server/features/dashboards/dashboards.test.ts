// PUT /api/workbooks/:id/dashboard saves only charts the web can draw over the workbook's own tables and fields:
// anything else is a 400 whose details.issues name each bad path. Charts over trashed tables and fields stay savable.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSegsheet } from '../../boot';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Chart, Dashboard, ErrorEnvelope, Table, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
let table: Table;
let other: Table;
const id = (t: Table, name: string): string => t.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'en' })).json);
  const fields = [
    { name: 'tier', type: 'text' },
    { name: 'city', type: 'text' },
    { name: 'amount', type: 'number' },
  ];
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'Customers', fields })).json);
  const elsewhere = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'Other' })).json);
  other = as<Table>((await h.request('POST', `/api/workbooks/${elsewhere.id}/tables`, { name: 'Theirs', fields })).json);
});
afterEach(async () => {
  await h.close();
});

function chart(extra: Partial<Chart> = {}): Chart {
  return { id: 'c1', tableId: table.id, kind: 'bar', fields: [id(table, 'tier')], place: { x: 0, y: 0, w: 2, h: 1 }, ...extra };
}

async function put(charts: unknown[], lang = 'en'): Promise<{ status: number; json: unknown }> {
  return h.request('PUT', `/api/workbooks/${wb.id}/dashboard`, { charts }, { 'accept-language': lang });
}

async function issuesOf(charts: unknown[]): Promise<string[]> {
  const res = await put(charts);
  expect(res.status).toBe(400);
  const e = as<ErrorEnvelope>(res.json).error;
  expect(e.code).toBe('BAD_REQUEST');
  return (e.details?.issues as { path: string }[]).map((i) => i.path);
}

describe('dashboard validation', () => {
  it('saves charts of every kind the web draws, with their fields, measures, label field, bins and filter', async () => {
    const charts: Chart[] = ['bar', 'donut', 'treemap', 'pareto', 'crosstab', 'histogram', 'summary'].map((kind, i) =>
      chart({
        id: `c${i}`,
        kind: kind as Chart['kind'],
        fields: kind === 'crosstab' ? [id(table, 'tier'), id(table, 'city')] : [id(table, 'tier')],
        measures: [{ op: 'sum', fieldId: id(table, 'amount') }],
        filter: { and: [{ fieldId: id(table, 'amount'), op: 'gt', value: 0 }] },
        options: { labelFieldId: id(table, 'city'), bins: 20 },
        place: { x: 0, y: i, w: 4, h: 3 },
      }),
    );
    const res = await put(charts);
    expect(res.status).toBe(200);
    expect(as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json).charts).toEqual(charts);
  });

  it('refuses unknown kinds, negative, fractional and huge places, and duplicate ids, naming each path', async () => {
    expect(await issuesOf([chart({ kind: 'radar' as Chart['kind'] })])).toEqual(['charts.0.kind']);
    expect(await issuesOf([chart({ place: { x: -1, y: 0.5, w: -2, h: 0 } })])).toEqual(['charts.0.place.x', 'charts.0.place.y', 'charts.0.place.w', 'charts.0.place.h']);
    expect(new Set(await issuesOf([chart({ place: { x: 1e9, y: 1e300, w: 13, h: 1 } })]))).toEqual(new Set(['charts.0.place.x', 'charts.0.place.y', 'charts.0.place.w']));
    expect(await issuesOf([chart(), chart({ place: { x: 0, y: 1, w: 2, h: 1 } }), chart({ id: 'c2' }), chart({ id: 'c2' })])).toEqual(['charts.1.id', 'charts.3.id']);
  });

  it("refuses unknown and other tables' fields, other workbooks' tables, bad bins and filters, writing nothing", async () => {
    expect((await put([chart()])).status).toBe(200);
    const issues = await issuesOf([
      chart({ id: 'a', fields: ['fnope'] }),
      chart({ id: 'b', fields: [id(other, 'tier')], measures: [{ op: 'sum', fieldId: id(other, 'amount') }] }),
      chart({ id: 'c', tableId: other.id }),
      chart({ id: 'd', tableId: 'tnope' }),
      chart({ id: 'e', options: { labelFieldId: 'fnope', bins: 0 } }),
      chart({ id: 'f', options: { labelFieldId: 3, bins: 2.5 } }),
      chart({ id: 'g', filter: { and: [{ fieldId: 'fnope', op: 'eq', value: 1 }] } }),
      chart({ id: 'h', filter: { or: Array.from({ length: 1001 }, () => ({ fieldId: id(table, 'amount'), op: 'gt' as const, value: 1 })) } }),
    ]);
    expect(issues).toEqual([
      'charts.0.fields.0',
      'charts.1.fields.0',
      'charts.1.measures.0.fieldId',
      'charts.2.tableId',
      'charts.3.tableId',
      'charts.4.options.labelFieldId',
      'charts.4.options.bins',
      'charts.5.options.labelFieldId',
      'charts.5.options.bins',
      'charts.6.filter',
      'charts.7.filter',
    ]);
    const zh = await put([chart({ tableId: other.id })], 'zh-CN');
    expect(as<ErrorEnvelope>(zh.json).error.message).toBe(`请求格式不正确：请求内容中的 charts.0.tableId 无效（the workbook has no table ${other.id}）。`);
    expect(as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json).charts).toEqual([chart()]);
  });

  it('keeps charts over a trashed table or field savable: they come back with it', async () => {
    const second = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'Orders', fields: [{ name: 'day', type: 'date' }] })).json);
    const charts = [chart(), chart({ id: 'c2', tableId: second.id, fields: [id(second, 'day')] })];
    expect((await put(charts)).status).toBe(200);
    expect((await h.request('DELETE', `/api/fields/${id(table, 'tier')}`)).status).toBe(204);
    expect((await h.request('DELETE', `/api/tables/${second.id}`)).status).toBe(204);
    const moved = charts.map((c, i) => ({ ...c, place: { ...c.place, y: 1 - i } }));
    expect((await put(moved)).status).toBe(200);
  });

  it('reads a dashboard an older version saved unchecked chart by chart: places brought into bounds, ids made unique', async () => {
    const saved = [
      chart({ place: { x: -1, y: 1e300, w: 0.4, h: 40 } }),
      { ...chart({ id: 'c9' }), kind: 'radar' },
      chart({ place: { x: 1, y: 2, w: 3, h: 1 } }),
      'garbage',
    ];
    await h.segsheet.close();
    const file = new Database(h.segsheet.dbFile);
    file.prepare('update workbooks set dashboard = ? where id = ?').run(JSON.stringify({ charts: saved }), wb.id);
    file.close();
    h.segsheet = await openSegsheet({ dataDir: h.dir, seedDemo: false });
    const read = as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json);
    expect(read.charts).toEqual([chart({ place: { x: 0, y: 10_000, w: 1, h: 12 } }), chart({ id: 'c1-2', place: { x: 1, y: 2, w: 3, h: 1 } })]);
    expect((await put(read.charts)).status).toBe(200);
  });
});
