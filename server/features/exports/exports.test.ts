import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import type { AppEnv } from '../../http/context';
import { onError } from '../../http/error-handler';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ImportPreview, Row, Table, Workbook } from '../../../common';
import { exportsRoutes } from './exports.routes';
import { exportTable } from './exports.service';

let h: Harness;
let wb: Workbook;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';
/** A text cell as the XLSX export writes it (an inline string), read back by ExcelJS. */
const inline = (text: string): ExcelJS.CellRichTextValue => ({ richText: [{ text }] });
/** A raw upload's type (a form cannot send it: edge-guard.ts). */
const OCTETS = { 'content-type': 'application/octet-stream' };

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '名称', type: 'text' },
          { name: '销售额', type: 'number' },
          { name: '日期', type: 'date' },
          { name: '比例', type: 'formula', formula: '100/{销售额}' },
        ],
      })
    ).json,
  );
  await h.request('POST', `/api/tables/${table.id}/rows`, {
    rows: [
      { cells: { [id('名称')]: '华信, "科技"', [id('销售额')]: 50, [id('日期')]: '2024-01-05' } },
      { cells: { [id('名称')]: '鼎盛', [id('销售额')]: 0 } },
    ],
  });
});
afterEach(async () => {
  await h.close();
});

describe('export', () => {
  it('writes CSV in UTF-8 with a BOM, quoting as RFC 4180, sorted and filtered', async () => {
    const res = await h.segsheet.app.request(`/api/tables/${table.id}/export?format=csv&sort=${id('销售额')}:asc`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('客户.csv')}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe('名称,销售额,日期,比例\r\n鼎盛,0,,#DIV/0!\r\n"华信, ""科技""",50,2024-01-05,2\r\n');
    const filter = encodeURIComponent(JSON.stringify({ and: [{ fieldId: id('销售额'), op: 'gt', value: 10 }] }));
    const filtered = await h.segsheet.app.request(`/api/tables/${table.id}/export?filter=${filter}&fields=${id('名称')}`);
    expect((await filtered.text()).replace('\uFEFF', '')).toBe('名称\r\n"华信, ""科技"""\r\n');
  });

  it('neutralises text cells a spreadsheet would run (= + - @ tab CR) with a leading quote; numbers stay numbers', async () => {
    const t = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
      name: 'inj',
      fields: [{ name: '=HYPERLINK("http://x")', type: 'text' }, { name: 'n', type: 'number' }, { name: 'f', type: 'formula', formula: '"-"&{n}' }],
    })).json);
    const [textId, numberId] = t.fields.map((f) => f.id);
    const texts = ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tcmd', '\rcmd', '-1,5', 'ok', "'quoted", ' =lead'];
    const put = await h.request('POST', `/api/tables/${t.id}/rows`, { rows: texts.map((v, i) => ({ cells: { [textId!]: v, [numberId!]: i === 0 ? -5 : i } })) });
    expect(put.status).toBe(201);
    const res = await h.segsheet.app.request(`/api/tables/${t.id}/export?format=csv`);
    const lines = (await res.text()).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe(`"'=HYPERLINK(""http://x"")",n,f`);
    expect(lines.slice(1, 4)).toEqual([`'=1+1,-5,'--5`, `'+86 138,1,'-1`, `'-2,2,'-2`]);
    expect(lines.slice(4, 6)).toEqual([`'@SUM(A1),3,'-3`, `'\tcmd,4,'-4`]);
    expect(lines[6]).toBe(`"'\rcmd",5,'-5`);
    expect(lines.slice(7, 11)).toEqual([`"'-1,5",6,'-6`, 'ok,7,\'-7', `'quoted,8,'-8`, `" =lead",9,'-9`]);
  });

  it('writes XLSX that reads back, and imports again', async () => {
    const res = await h.segsheet.app.request(`/api/tables/${table.id}/export?format=xlsx`);
    expect(res.status).toBe(200);
    const buf = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '名称', '销售额', '日期', '比例']);
    expect(ws.getRow(2).getCell(2).value).toBe(50);
    // Columns as wide as their values: 华信, "科技" is 12 wide (2 per Chinese character), plus 2.
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getColumn(3).width).toBe(12);
    const again = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=x.xlsx`, { method: 'POST', body: buf, headers: OCTETS });
    expect(again.status).toBe(201);
    const p = (await again.json()) as ImportPreview;
    expect(p.sheets).toEqual(['客户']);
    expect(p.columns.map((c) => c.type)).toEqual(['text', 'number', 'date', 'text']);
    expect(p.rows[0]?.[2]).toBe('2024-01-05');
  });

  it('exports every row of a bigger table in order, as CSV and XLSX', async () => {
    const n = 20_000;
    const csv = 'k,v,b\n' + Array.from({ length: n }, (_, i) => `${i},"t ${i}, x",${i % 2 === 0 ? 'true' : 'false'}`).join('\n') + '\n';
    const pre = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=big.csv`, { method: 'POST', body: Buffer.from(csv), headers: OCTETS });
    const p = (await pre.json()) as ImportPreview;
    const done = (await (await h.request('POST', `/api/imports/${p.id}/commit`, { target: { name: 'Big' }, badRows: 'abort' })).json) as { tableId: string };
    const big = as<Table>((await h.request('GET', `/api/tables/${done.tableId}`)).json);
    const k = big.fields[0]?.id ?? '';
    const text = await (await h.segsheet.app.request(`/api/tables/${done.tableId}/export?format=csv&sort=${k}:desc`)).text();
    const lines = text.replace('\uFEFF', '').split('\r\n');
    expect(lines.length).toBe(n + 2);
    expect(lines.slice(0, 3)).toEqual(['k,v,b', `${n - 1},"t ${n - 1}, x",FALSE`, `${n - 2},"t ${n - 2}, x",TRUE`]);
    const xlsx = Buffer.from(await (await h.segsheet.app.request(`/api/tables/${done.tableId}/export?format=xlsx`)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.getRow(n + 1).values).toEqual([undefined, n - 1, inline(`t ${n - 1}, x`), false]);
  });

  it('writes XLSX cells by type: text as inline strings (digits, zeros and spaces kept), booleans, dates, numbers, errors', async () => {
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('名称')]: ' 000123 ' } }, { cells: { [id('名称')]: '110101199058202938' } }] });
    const flag = as<{ id: string }>((await h.request('POST', `/api/tables/${table.id}/fields`, { name: '大单', type: 'formula', formula: '{销售额}>10' })).json).id;
    const res = await h.segsheet.app.request(`/api/tables/${table.id}/export?format=xlsx&fields=${id('名称')},${id('销售额')},${id('日期')},${id('比例')},${flag}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const rows = [2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((c) => ws.getRow(r).getCell(c).value));
    expect(rows).toEqual([
      [inline('华信, "科技"'), 50, new Date('2024-01-05T00:00:00Z'), 2, true],
      [inline('鼎盛'), 0, null, { error: '#DIV/0!' }, false],
      [inline(' 000123 '), null, null, { error: '#DIV/0!' }, false],
      [inline('110101199058202938'), null, null, { error: '#DIV/0!' }, false],
    ]);
  });

  it('answers 400 for a bad format', async () => {
    expect((await h.request('GET', `/api/tables/${table.id}/export?format=pdf`)).status).toBe(400);
  });
});

/** A table of `n` rows: k = 0…n-1, label "r k, x" (quoted in CSV), even = k is even. */
async function bigTable(n: number): Promise<{ table: Table; k: string; label: string; even: string; rows: Row[] }> {
  const big = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: 'Big',
        fields: [
          { name: 'k', type: 'number' },
          { name: 'label', type: 'text' },
          { name: 'even', type: 'boolean' },
        ],
      })
    ).json,
  );
  const [k = '', label = '', even = ''] = big.fields.map((f) => f.id);
  const rows: Row[] = [];
  for (let from = 0; from < n; from += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, n - from) }, (_, i) => ({ cells: { [k]: from + i, [label]: `r ${from + i}, x`, [even]: (from + i) % 2 === 0 } }));
    const res = await h.request('POST', `/api/tables/${big.id}/rows`, { rows: batch });
    expect(res.status).toBe(201);
    rows.push(...as<{ rows: Row[] }>(res.json).rows);
  }
  return { table: big, k, label, even, rows };
}

const csvLine = (k: number): string => `${k},"r ${k}, x",${k % 2 === 0 ? 'TRUE' : 'FALSE'}`;

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, parts: Uint8Array[] = []): Promise<string> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(parts)).replace(/^\uFEFF/, '');
}

/** [busy, frames in the WAL, frames checkpointed]: a reader left open on an old snapshot keeps the last two apart. */
function walCheckpoint(): number[] {
  const { sqlite } = openSqlite(h.segsheet.dbFile);
  try {
    return Object.values(sqlite.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as Record<string, number>[])
      .flatMap((r) => Object.values(r));
  } finally {
    sqlite.close();
  }
}

describe('streamed export', () => {
  it('streams a few thousand rows, filtered and sorted, as CSV and XLSX', async () => {
    const n = 12_000;
    const big = await bigTable(n);
    const filter = encodeURIComponent(JSON.stringify({ and: [{ fieldId: big.even, op: 'eq', value: true }] }));
    const res = await h.segsheet.app.request(`/api/tables/${big.table.id}/export?format=csv&sort=${big.k}:desc&filter=${filter}`);
    expect(res.status).toBe(200);
    const expected = Array.from({ length: n / 2 }, (_, i) => csvLine(n - 2 - 2 * i));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text).toBe('\uFEFF' + ['k,label,even', ...expected].join('\r\n') + '\r\n');

    const xlsx = await h.segsheet.app.request(`/api/tables/${big.table.id}/export?format=xlsx&sort=${big.k}:desc&filter=${filter}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(n / 2 + 1);
    const keys: unknown[] = [];
    ws.eachRow((row, i) => void (i > 1 && keys.push(row.getCell(1).value)));
    expect(keys).toEqual(Array.from({ length: n / 2 }, (_, i) => n - 2 - 2 * i));
    expect(ws.getRow(2).values).toEqual([undefined, n - 2, inline(`r ${n - 2}, x`), true]);
  });

  it('reads a snapshot on its own connection: a write during the export succeeds and is not in it', async () => {
    const n = 12_000;
    const big = await bigTable(n);
    const res = await h.segsheet.app.request(`/api/tables/${big.table.id}/export?format=csv`);
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 2; i++) parts.push(((await reader.read()).value ?? new Uint8Array()) as Uint8Array);
    // Header and one slice read; the last row and a new row change while the rest is still to be read.
    const last = big.rows[n - 1]!;
    const edit = await h.request('PATCH', `/api/tables/${big.table.id}/rows`, { rows: [{ id: last.id, cells: { [big.label]: 'changed' } }] });
    expect(edit.status).toBe(200);
    expect((await h.request('POST', `/api/tables/${big.table.id}/rows`, { rows: [{ cells: { [big.k]: n } }] })).status).toBe(201);
    expect(walCheckpoint()[2]).toBeLessThan(walCheckpoint()[1]!);

    const lines = (await readAll(reader, parts)).split('\r\n');
    expect(lines.length).toBe(n + 2);
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: n }, (_, i) => csvLine(i)));
    const [busy, frames, done] = walCheckpoint();
    expect([busy, done]).toEqual([0, frames]);

    const after = (await (await h.segsheet.app.request(`/api/tables/${big.table.id}/export?format=csv`)).text()).split('\r\n');
    expect(after.slice(-3)).toEqual([`${n - 1},changed,FALSE`, `${n},,`, '']);
  });

  it('stops reading when the client goes away, and closes its connection', async () => {
    const big = await bigTable(12_000);
    for (const format of ['csv', 'xlsx']) {
      const res = await h.segsheet.app.request(`/api/tables/${big.table.id}/export?format=${format}`);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      expect((await h.request('POST', `/api/tables/${big.table.id}/rows`, { rows: [{ cells: { [big.k]: -1 } }] })).status).toBe(201);
      const [busy, frames, done] = walCheckpoint();
      expect([busy, done]).toEqual([0, frames]);
    }
  });

  it('fails the download of a client that stops reading, rather than cutting it short, and closes its connection', async () => {
    const big = await bigTable(12_000);
    const { db } = openSqlite(h.segsheet.dbFile);
    try {
      const file = await exportTable(db, big.table.id, { format: 'csv' }, { dbFile: h.segsheet.dbFile, stalledAfterMs: 50 });
      const reader = file.body.getReader();
      expect((await reader.read()).done).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(readAll(reader)).rejects.toThrow(/read nothing for too long/);
      expect((await h.request('POST', `/api/tables/${big.table.id}/rows`, { rows: [{ cells: { [big.k]: -1 } }] })).status).toBe(201);
      const [busy, frames, done] = walCheckpoint();
      expect([busy, done]).toEqual([0, frames]);
    } finally {
      await db.destroy();
    }
  });

  it('answers mistakes with the JSON error envelope before streaming', async () => {
    const expectError = async (url: string, status: number, code: string): Promise<void> => {
      const res = await h.request('GET', url);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(as<{ error: { code: string } }>(res.json).error.code).toBe(code);
    };
    const base = `/api/tables/${table.id}/export`;
    await expectError('/api/tables/nope/export', 404, 'NOT_FOUND');
    await expectError(`${base}?fields=${id('名称')},nope`, 404, 'FIELD_NOT_FOUND');
    await expectError(`${base}?filter=not-json`, 400, 'BAD_REQUEST');
    await expectError(`${base}?sort=${id('名称')}:up`, 400, 'BAD_REQUEST');
    await expectError(`${base}?format=xlsx&sort=nope:asc`, 404, 'FIELD_NOT_FOUND');
  });

  it('holds the given connection for the export when there is no database file to open', async () => {
    const { db } = openSqlite(h.segsheet.dbFile);
    try {
      const file = await exportTable(db, table.id, { format: 'csv', sort: `${id('销售额')}:desc` }, { dbFile: '' });
      expect(await new Response(file.body).text()).toBe('名称,销售额,日期,比例\r\n"华信, ""科技""",50,2024-01-05,2\r\n鼎盛,0,,#DIV/0!\r\n');
    } finally {
      await db.destroy();
    }
  });

  it('refuses an XLSX with more rows than the limit as JSON, counting the filtered rows', async () => {
    const { db } = openSqlite(h.segsheet.dbFile);
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', { db, dbFile: h.segsheet.dbFile, version: 'test' });
      await next();
    });
    app.route('/api', exportsRoutes({ xlsxMaxRows: 1 }));
    app.onError(onError);
    try {
      const res = await app.request(`/api/tables/${table.id}/export?format=xlsx`, { headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; details: { reason: string } } };
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.details.reason).toContain('at most 1 rows');
      const filter = encodeURIComponent(JSON.stringify({ and: [{ fieldId: id('销售额'), op: 'gt', value: 10 }] }));
      const one = await app.request(`/api/tables/${table.id}/export?format=xlsx&filter=${filter}`);
      expect(one.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await one.arrayBuffer()) as unknown as ArrayBuffer);
      expect(book.worksheets[0]!.rowCount).toBe(2);
      expect((await app.request(`/api/tables/${table.id}/export?format=csv`)).status).toBe(200);
    } finally {
      await db.destroy();
    }
  });
});
