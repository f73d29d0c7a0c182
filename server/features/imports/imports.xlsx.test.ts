// XLSX files as spreadsheet programs write them (fixtures/README.md says how each was made): a cell stored as
// text is text, a number a number, a boolean a boolean, a date a date, and a formula gives its cached result.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { CellValue, ImportCommitResult, ImportPreview, RowsPage, Table, Workbook } from '../../../common';
import { createRoundTripTable, ROUND_TRIP_ROWS } from './fixtures/round-trip-table';

let h: Harness;
let wb: Workbook;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
});
afterEach(async () => {
  await h.close();
});

/** Past 2^53: stored as the nearest double, 1234567890123456768. */
const BIG = Number('1234567890123456789');

const fixture = (name: string): Promise<Buffer> => readFile(new URL(`./fixtures/${name}`, import.meta.url));

async function preview(bytes: Uint8Array, sheet?: string): Promise<ImportPreview> {
  const query = sheet === undefined ? '' : `&sheet=${encodeURIComponent(sheet)}`;
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=x.xlsx${query}`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { 'accept-language': 'en', 'content-type': 'application/octet-stream' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ImportPreview;
}

/** Commits with the detected types; answers the new table and its rows' cells in field order. */
async function commitAll(p: ImportPreview): Promise<{ table: Table; rows: CellValue[][] }> {
  const done = await h.request('POST', `/api/imports/${p.id}/commit`, { target: { name: `imported ${p.id}` }, badRows: 'abort' });
  expect(done.status).toBe(200);
  const tableId = as<ImportCommitResult>(done.json).tableId;
  return { table: as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json), rows: await cellsOf(tableId) };
}

async function cellsOf(tableId: string): Promise<CellValue[][]> {
  const table = as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json);
  const page = as<RowsPage>((await h.request('GET', `/api/tables/${tableId}/rows?limit=1000`)).json);
  return page.rows.map((r) => table.fields.map((f) => r.cells[f.id] ?? null));
}

/** A field's type as an import would detect it from the exported values. */
const importedType = (f: Table['fields'][number]): string => (f.type === 'select' ? 'text' : f.type === 'formula' ? (f.resultType ?? 'text') : f.type);

describe('XLSX saved by LibreOffice', () => {
  it('gives formula cells their cached results: 0, FALSE, TRUE, "", errors, text and dates', async () => {
    const p = await preview(await fixture('formulas-libreoffice.xlsx'), '公式');
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['客户', 'text'],
      ['数量', 'number'],
      ['零', 'number'],
      ['为负', 'boolean'],
      ['备注', 'text'],
      ['比例', 'text'],
      ['编码', 'text'],
      ['日期', 'date'],
    ]);
    expect(p.columns.find((c) => c.name === '比例')?.problems).toEqual(['1 value is not a number (e.g. "#DIV/0!"), so the column is text']);
    const { rows } = await commitAll(p);
    expect(rows).toEqual([
      ['华信', 5, 0, false, '有', '2', '005', '2024-01-06'],
      ['鼎盛', 0, 0, false, null, '#DIV/0!', '000', '2024-01-01'],
      ['东方', -4, 0, true, null, '-2.5', '-004', '2023-12-28'],
    ]);
  });

  it('reads number formats (dates or not) and rich text as LibreOffice writes them', async () => {
    const p = await preview(await fixture('formulas-libreoffice.xlsx'), '格式');
    expect(p.columns.map((c) => [c.name, c.type, c.problems])).toEqual([
      ['金额', 'number', []],
      ['比率', 'number', []],
      ['序号', 'number', []],
      ['中文日期', 'date', []],
      ['美式日期', 'date', []],
      ['富文本', 'text', []],
      ['文本格式', 'text', []],
    ]);
    const { rows } = await commitAll(p);
    expect(rows).toEqual([
      [1200.5, 0.125, 45296, '2024-01-05', '2024-12-31', '华信科技', '0012'],
      [0, 0, 1, '1999-12-31', '2000-02-29', '鼎盛 贸易 ', '110101199058202938'],
    ]);
  });

  it('round trip: export → LibreOffice → import changes no value and no type', async () => {
    const original = await createRoundTripTable(h.segsheet.app);
    const expected = await cellsOf(original.id);
    expect(expected).toHaveLength(ROUND_TRIP_ROWS.length);
    const p = await preview(await fixture('round-trip-libreoffice.xlsx'));
    expect(p.columns.map((c) => [c.name, c.type, c.problems])).toEqual(original.fields.map((f) => [f.name, importedType(f), []]));
    expect((await commitAll(p)).rows).toEqual(expected);
  });

  it('round trip: our own export imports back unchanged', async () => {
    const original = await createRoundTripTable(h.segsheet.app);
    const res = await h.segsheet.app.request(`/api/tables/${original.id}/export?format=xlsx`);
    const p = await preview(Buffer.from(await res.arrayBuffer()));
    expect(p.columns.map((c) => c.type)).toEqual(original.fields.map(importedType));
    expect((await commitAll(p)).rows).toEqual(await cellsOf(original.id));
  });
});

describe('XLSX cells by how they are stored', () => {
  it('keeps digit strings stored as text exactly, and types numbers stored as numbers', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['证件号', '编码', '金额', '大数']);
    ws.addRow(['110101199058202938', '000123', 24197.46, BIG]);
    ws.addRow(['440305200001011234', '0012', -0.5, 1e21]);
    const p = await preview(Buffer.from(await book.xlsx.writeBuffer()));
    expect(p.columns.map((c) => c.type)).toEqual(['text', 'text', 'number', 'number']);
    expect(p.rows[0]).toEqual(['110101199058202938', '000123', '24197.46', '1234567890123456800']);
    expect((await commitAll(p)).rows).toEqual([
      ['110101199058202938', '000123', 24197.46, BIG],
      ['440305200001011234', '0012', -0.5, 1e21],
    ]);
  });

  it('says when numbers stored as text make a column text', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['金额']);
    for (const v of [1, 2, 3, '4', 'n/a']) ws.addRow([v]);
    const p = await preview(Buffer.from(await book.xlsx.writeBuffer()));
    expect(p.columns[0]?.type).toBe('text');
    expect(p.columns[0]?.problems).toEqual(['1 value is stored as text in the file (e.g. "4"), so the column is text', '1 value is not a number (e.g. "n/a"), so the column is text']);
  });

  it('gives shared formulas their cached results 0 and FALSE', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['n', 'zero', 'negative']);
    ws.addRow([1, { formula: 'A2*0', result: 0, shareType: 'shared', ref: 'B2:B3' }, { formula: 'A2<0', result: false, shareType: 'shared', ref: 'C2:C3' }]);
    ws.addRow([-2, { sharedFormula: 'B2', result: 0 }, { sharedFormula: 'C2', result: true }]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const p = await preview(bytes);
    expect(p.columns.map((c) => c.type)).toEqual(['number', 'number', 'boolean']);
    expect((await commitAll(p)).rows).toEqual([
      [1, 0, false],
      [-2, 0, true],
    ]);
  });
});
