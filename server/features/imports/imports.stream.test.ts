// Imports of files bigger than one read block (1 MB): encodings decided across blocks, values spanning lines,
// batched inserts, progress events, all-or-nothing.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, ImportCommitResult, ImportPreview, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
});
afterEach(async () => {
  await h.close();
});

async function upload(bytes: Uint8Array, filename: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream', 'accept-language': 'en', ...headers },
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

const commit = (id: string, body: unknown): Promise<{ status: number; json: unknown }> => h.request('POST', `/api/imports/${id}/commit`, body);

function lines(n: number, make: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => make(i)).join('\n') + '\n';
}

const tableCount = async (): Promise<number> => as<Workbook>((await h.request('GET', `/api/workbooks/${wb.id}`)).json).tables.length;

describe('imports of files over one block', () => {
  it('reads a GBK file of several blocks, and refuses UTF-8 that turns to GBK after the first block', async () => {
    const text = '客户,城市,金额\n' + lines(60_000, (i) => `客户${i},广州市天河区,${i}`);
    const gbk = iconv.encode(text, 'gbk');
    expect(gbk.length).toBeGreaterThan(1.5 * (1 << 20));
    const p = as<ImportPreview>((await upload(gbk, 'gbk.csv')).json);
    expect(p).toMatchObject({ encoding: 'gb18030', rowCount: 60_000 });
    expect(p.columns.map((c) => c.type)).toEqual(['text', 'text', 'number']);
    const done = as<ImportCommitResult>((await commit(p.id, { target: { name: 'G' }, badRows: 'abort' })).json);
    expect(done.inserted).toBe(60_000);
    const last = as<RowsPage>((await h.request('GET', `/api/tables/${done.tableId}/rows?offset=59999&limit=1`)).json).rows[0];
    expect(Object.values(last?.cells ?? {})).toEqual(['客户59999', '广州市天河区', 59_999]);

    const before = await tableCount();
    const mixed = Buffer.concat([Buffer.from(text), iconv.encode('鼎盛贸易,浙江,1\n', 'gbk')]);
    const r = await upload(mixed, 'mixed.csv');
    expect(r.status).toBe(422);
    expect(as<ErrorEnvelope>(r.json).error.message).toMatch(/mixes text encodings/);
    expect(await tableCount()).toBe(before);
    expect(await readdir(path.join(h.dir, 'imports'))).toEqual([]);
  });

  it('keeps quoted values with commas, quotes and line breaks; lists an unclosed quote as a bad row', async () => {
    const csv = 'name,note\r\n"Wu, Li","said ""hi""\r\nthen left"\r\nZhao,plain\r\nQian,"never closed\r\nSun,x\r\n';
    const p = as<ImportPreview>((await upload(Buffer.from(csv), 'q.csv')).json);
    expect(p.rows).toEqual([
      ['Wu, Li', 'said "hi"\r\nthen left'],
      ['Zhao', 'plain'],
    ]);
    expect(p.badRows).toEqual([expect.objectContaining({ row: 4, reason: expect.stringMatching(/never closed/) })]);
    const done = as<ImportCommitResult>((await commit(p.id, { target: { name: 'Q' }, badRows: 'skip' })).json);
    expect(done).toMatchObject({ inserted: 2, skipped: 1 });
  });

  it('appends many rows in batches with formulas recomputed; abort at the last row writes nothing', async () => {
    const table = as<Table>(
      (
        await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
          name: 'T',
          fields: [
            { name: 'n', type: 'number' },
            { name: 'd', type: 'date' },
            { name: 'twice', type: 'formula', formula: '{n}*2' },
          ],
        })
      ).json,
    );
    const [n, d, twice] = table.fields.map((f) => f.id);
    const rows = 30_001;
    const good = 'value,day\n' + lines(rows, (i) => `"${(i + 1000).toLocaleString('en-US')}",2024/1/${(i % 28) + 1}`);
    const p1 = as<ImportPreview>((await upload(Buffer.from(good + '12,not a day\n'), 'a.csv')).json);
    expect(p1.columns.map((c) => c.type)).toEqual(['number', 'text']);
    const mapping = { value: n ?? '', day: d ?? '' };
    const abort = await commit(p1.id, { target: { tableId: table.id, mapping }, badRows: 'abort' });
    expect(as<ErrorEnvelope>(abort.json).error.details).toMatchObject({ count: 1, badRows: [{ row: rows + 2, column: 'day', value: 'not a day' }] });
    expect(as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows?limit=1`)).json).total).toBe(0);

    const p2 = as<ImportPreview>((await upload(Buffer.from(good), 'b.csv')).json);
    const done = as<ImportCommitResult>((await commit(p2.id, { target: { tableId: table.id, mapping }, badRows: 'abort' })).json);
    expect(done.inserted).toBe(rows);
    const last = as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows?offset=${rows - 1}&limit=1`)).json);
    expect(last.total).toBe(rows);
    expect(last.rows[0]?.cells).toMatchObject({ [n ?? '']: rows - 1 + 1000, [d ?? '']: '2024-01-13', [twice ?? '']: (rows - 1 + 1000) * 2 });
    await h.request('POST', `/api/workbooks/${wb.id}/undo`);
    expect(as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows?limit=1`)).json).total).toBe(0);
  });

  it('streams progress events while it commits', async () => {
    const p = as<ImportPreview>((await upload(Buffer.from('a,b\n' + lines(60_000, (i) => `${i},x${i}`)), 'p.csv')).json);
    const events = h.segsheet.app.request(`/api/imports/${p.id}/events`);
    const done = as<ImportCommitResult>((await commit(p.id, { target: { name: 'P' }, badRows: 'abort' })).json);
    expect(done.inserted).toBe(60_000);
    const text = await (await events).text();
    expect(text).toContain('event: progress\ndata: {"rows":25000,"total":60000}');
    expect(text).toContain('event: done');
  });

  it('answers 413 for a file over 512 MB, and keeps the text of a column typed text at commit', async () => {
    const big = await upload(Buffer.from('a\n1\n'), 'big.csv', { 'content-length': String(513 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const p = as<ImportPreview>((await upload(Buffer.from('amount\n"1,200"\n007\n'), 't.csv')).json);
    expect(p.columns[0]?.type).toBe('text');
    const done = as<ImportCommitResult>((await commit(p.id, { target: { name: 'Txt' }, badRows: 'abort' })).json);
    const page = as<RowsPage>((await h.request('GET', `/api/tables/${done.tableId}/rows`)).json);
    expect(page.rows.map((r) => Object.values(r.cells)[0])).toEqual(['1,200', '007']);
  });
});
