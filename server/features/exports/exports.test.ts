import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ImportPreview, Table, Workbook } from '../../wire';

let h: Harness;
let wb: Workbook;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

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

  it('writes XLSX that reads back, and imports again', async () => {
    const res = await h.segsheet.app.request(`/api/tables/${table.id}/export?format=xlsx`);
    expect(res.status).toBe(200);
    const buf = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '名称', '销售额', '日期', '比例']);
    expect(ws.getRow(2).getCell(2).value).toBe(50);
    const again = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=x.xlsx`, { method: 'POST', body: buf });
    expect(again.status).toBe(201);
    const p = (await again.json()) as ImportPreview;
    expect(p.sheets).toEqual(['客户']);
    expect(p.columns.map((c) => c.type)).toEqual(['text', 'number', 'date', 'text']);
    expect(p.rows[0]?.[2]).toBe('2024-01-05');
  });

  it('exports every row of a bigger table in order, as CSV and XLSX', async () => {
    const n = 20_000;
    const csv = 'k,v,b\n' + Array.from({ length: n }, (_, i) => `${i},"t ${i}, x",${i % 2 === 0 ? 'true' : 'false'}`).join('\n') + '\n';
    const pre = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=big.csv`, { method: 'POST', body: Buffer.from(csv) });
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
    expect(ws.getRow(n + 1).values).toEqual([undefined, n - 1, `t ${n - 1}, x`, false]);
  });

  it('answers 400 for a bad format', async () => {
    expect((await h.request('GET', `/api/tables/${table.id}/export?format=pdf`)).status).toBe(400);
  });
});
