import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, ImportCommitResult, ImportPreview, RowsPage, SummaryResult, Table, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
});
afterEach(async () => {
  await h.close();
});

async function upload(bytes: Uint8Array, filename: string, query = ''): Promise<{ status: number; json: unknown }> {
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=${encodeURIComponent(filename)}${query}`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream', 'accept-language': 'en' },
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

async function commit(id: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return h.request('POST', `/api/imports/${id}/commit`, body);
}

const GBK_CSV = '客户名称,省份,销售额,日期\r\n华信科技,广东,"1,200",2024/1/5\r\n鼎盛贸易,浙江,￥300,2024年2月1日\r\n';

describe('imports', () => {
  it('reads a GBK CSV: encoding, types from every row, preview, then commits a new table', async () => {
    const pre = await upload(iconv.encode(GBK_CSV, 'gbk'), '客户.csv');
    expect(pre.status).toBe(201);
    const p = as<ImportPreview>(pre.json);
    expect(p.encoding).toBe('gb18030');
    expect(p.delimiter).toBe(',');
    expect(p.rowCount).toBe(2);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['客户名称', 'text'],
      ['省份', 'text'],
      ['销售额', 'number'],
      ['日期', 'date'],
    ]);
    expect(p.rows[0]).toEqual(['华信科技', '广东', '1,200', '2024/1/5']);
    const done = await commit(p.id, { target: { name: '导入的客户' }, badRows: 'abort' });
    expect(done.status).toBe(200);
    const result = as<ImportCommitResult>(done.json);
    expect(result).toMatchObject({ inserted: 2, skipped: 0, badRows: [] });
    const table = as<Table>((await h.request('GET', `/api/tables/${result.tableId}`)).json);
    const page = as<RowsPage>((await h.request('GET', `/api/tables/${result.tableId}/rows`)).json);
    const byName = (n: string): string => table.fields.find((f) => f.name === n)?.id ?? '';
    expect(page.rows[0]?.cells).toMatchObject({ [byName('销售额')]: 1200, [byName('日期')]: '2024-01-05' });
    expect(page.rows[1]?.cells).toMatchObject({ [byName('销售额')]: 300, [byName('日期')]: '2024-02-01' });
    expect((await commit(p.id, { target: { name: 'again' }, badRows: 'abort' })).status).toBe(400);
  });

  it('imports the real CDNOW sample (.csv.gz) and groups it', async () => {
    const bytes = await readFile(new URL('../../../datasets/cdnow_sample.csv.gz', import.meta.url));
    const pre = await upload(bytes, 'cdnow_sample.csv.gz');
    expect(pre.status).toBe(201);
    const p = as<ImportPreview>(pre.json);
    expect(p.rowCount).toBe(6919);
    expect(p.columns.map((c) => c.type)).toEqual(['number', 'number', 'date', 'number', 'number']);
    const done = as<ImportCommitResult>((await commit(p.id, { target: { name: 'cdnow' }, badRows: 'abort' })).json);
    expect(done.inserted).toBe(6919);
    const table = as<Table>((await h.request('GET', `/api/tables/${done.tableId}`)).json);
    expect(table.rowCount).toBe(6919);
    const amount = table.fields.find((f) => f.name === 'amount')!.id;
    const cust = table.fields.find((f) => f.name === 'customer_id')!.id;
    const s = as<SummaryResult>((await h.request('POST', `/api/tables/${done.tableId}/summary`, { groupBy: [cust], measures: [{ op: 'sum', fieldId: amount }] })).json);
    expect(s.groups).toHaveLength(2357);
  });

  it('keeps the day of a date with a time and says so; detects ; and tabs', async () => {
    const p = as<ImportPreview>((await upload(new TextEncoder().encode('\uFEFFa;b\n2024-01-05 10:30;x\n2024-01-06 11:00;y\n'), 'x.csv')).json);
    expect(p.encoding).toBe('utf-8-bom');
    expect(p.delimiter).toBe(';');
    expect(p.columns[0]?.type).toBe('date');
    expect(p.columns[0]?.problems.join(' ')).toMatch(/only the day is kept/);
    const t = as<ImportPreview>((await upload(new TextEncoder().encode('a\tb\n1\t00123\n2\t00456\n'), 't.tsv')).json);
    expect(t.delimiter).toBe('\t');
    expect(t.columns.map((c) => c.type)).toEqual(['number', 'text']);
  });

  it('lists ragged rows; abort writes nothing (422 IMPORT_BAD_ROWS), skip imports the rest', async () => {
    const csv = 'name,amount\nA,1\nB,2,extra\nC,x\nD,4\n';
    const p = as<ImportPreview>((await upload(new TextEncoder().encode(csv), 'r.csv')).json);
    expect(p.badRows).toEqual([expect.objectContaining({ row: 3 })]);
    const tables = as<Workbook>((await h.request('GET', `/api/workbooks/${wb.id}`)).json).tables.length;
    const abort = await commit(p.id, { target: { name: 'R' }, types: { amount: 'number' }, badRows: 'abort' });
    expect(abort.status).toBe(422);
    const env = as<ErrorEnvelope>(abort.json);
    expect(env.error.code).toBe('IMPORT_BAD_ROWS');
    expect(env.error.details).toMatchObject({ count: 2 });
    expect(as<Workbook>((await h.request('GET', `/api/workbooks/${wb.id}`)).json).tables.length).toBe(tables);
    const skip = as<ImportCommitResult>((await commit(p.id, { target: { name: 'R' }, types: { amount: 'number' }, badRows: 'skip' })).json);
    expect(skip).toMatchObject({ inserted: 2, skipped: 2 });
    expect(skip.badRows.map((b) => [b.row, b.column])).toEqual([
      [3, ''],
      [4, 'amount'],
    ]);
  });

  it('appends to an existing table with a mapping, recomputing its formulas, and undo removes the rows', async () => {
    const table = as<Table>(
      (
        await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
          name: 'T',
          fields: [
            { name: 'n', type: 'number' },
            { name: 'rank', type: 'formula', formula: 'RANK({n},[n])' },
          ],
        })
      ).json,
    );
    const n = table.fields[0]!.id;
    const p = as<ImportPreview>((await upload(new TextEncoder().encode('value,ignored\n5,a\n7,b\n'), 'a.csv')).json);
    const bad = await commit(p.id, { target: { tableId: table.id, mapping: { value: 'fnope' } }, badRows: 'abort' });
    expect(as<ErrorEnvelope>(bad.json).error.code).toBe('IMPORT_MAPPING');
    const done = as<ImportCommitResult>((await commit(p.id, { target: { tableId: table.id, mapping: { value: n, ignored: null } }, badRows: 'abort' })).json);
    expect(done.inserted).toBe(2);
    const rows = as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json).rows;
    expect(rows.map((r) => r.cells[table.fields[1]!.id])).toEqual([2, 1]);
    await h.request('POST', `/api/workbooks/${wb.id}/undo`);
    expect(as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json).total).toBe(0);
  });

  it('refuses broken files: bad gzip, binary, mixed encodings, empty', async () => {
    const gz = gzipSync(Buffer.from('a,b\n1,2\n')).subarray(0, 12);
    const r1 = await upload(gz, 'x.csv.gz');
    expect(r1.status).toBe(422);
    expect(as<ErrorEnvelope>(r1.json).error.code).toBe('IMPORT_UNREADABLE');
    expect((await upload(new Uint8Array([1, 0, 2, 0]), 'x.csv')).status).toBe(422);
    const mixed = Buffer.concat([Buffer.from('名称,省份\n华信科技,广东\n东方明珠,上海\n'), iconv.encode('鼎盛贸易,浙江\n', 'gbk')]);
    const r3 = await upload(mixed, 'm.csv');
    expect(r3.status).toBe(422);
    expect(as<ErrorEnvelope>(r3.json).error.message).toMatch(/mixes text encodings/);
    expect((await upload(new Uint8Array([]), 'e.csv')).status).toBe(422);
    const xlsx = await upload(new TextEncoder().encode('not a zip'), 'x.xlsx');
    expect(as<ErrorEnvelope>(xlsx.json).error.code).toBe('IMPORT_UNREADABLE');
    expect((await h.request('POST', '/api/imports/inope/commit', { target: { name: 'x' }, badRows: 'skip' })).status).toBe(404);
  });

  it('reads the chosen sheet of an XLSX file (?sheet=), with dates and numbers typed', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['just notes']);
    const sheet = book.addWorksheet('订单');
    sheet.addRow(['客户', '日期', '金额']);
    sheet.addRow(['华信', new Date(Date.UTC(2024, 0, 5)), 1200.5]);
    sheet.addRow(['鼎盛', new Date(Date.UTC(2024, 1, 1)), 300]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const first = as<ImportPreview>((await upload(bytes, 'o.xlsx')).json);
    expect(first).toMatchObject({ sheets: ['Notes', '订单'], sheet: 'Notes', rowCount: 0 });
    const p = as<ImportPreview>((await upload(bytes, 'o.xlsx', `&sheet=${encodeURIComponent('订单')}`)).json);
    expect(p).toMatchObject({ encoding: 'xlsx', delimiter: null, sheet: '订单', rowCount: 2 });
    expect(p.columns.map((c) => c.type)).toEqual(['text', 'date', 'number']);
    const done = as<ImportCommitResult>((await commit(p.id, { target: { name: 'X' }, badRows: 'abort' })).json);
    const page = as<RowsPage>((await h.request('GET', `/api/tables/${done.tableId}/rows`)).json);
    expect(page.rows.map((r) => Object.values(r.cells))).toEqual([
      ['华信', '2024-01-05', 1200.5],
      ['鼎盛', '2024-02-01', 300],
    ]);
    const missing = await upload(bytes, 'o.xlsx', '&sheet=Nope');
    expect(as<ErrorEnvelope>(missing.json).error.code).toBe('IMPORT_UNREADABLE');
  });

  it('accepts multipart uploads and reports progress as server-sent events', async () => {
    const form = new FormData();
    form.set('file', new Blob(['a,b\n1,2\n3,4\n']), 'm.csv');
    const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const p = (await res.json()) as ImportPreview;
    expect(p.filename).toBe('m.csv');
    await commit(p.id, { target: { name: 'M' }, badRows: 'abort' });
    const events = await h.segsheet.app.request(`/api/imports/${p.id}/events`);
    expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await events.text();
    expect(text).toContain('event: done');
    expect(text).toContain('"inserted":2');
  });
});
