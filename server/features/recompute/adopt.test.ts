// Columns put into the cache as they were written (an import into a new table, a formula field filled in
// chunks) must be exactly what reading them back would give: formulas computed right after must equal the same
// formulas computed after a restart, when every column is read from the file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Field, ImportCommitResult, ImportPreview, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
const saved = { from: process.env.SEGSHEET_BACKGROUND_FILL_ROWS, chunk: process.env.SEGSHEET_FILL_CHUNK_ROWS };

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', asOf: '2024-06-30' })).json);
});
afterEach(async () => {
  process.env.SEGSHEET_BACKGROUND_FILL_ROWS = saved.from;
  process.env.SEGSHEET_FILL_CHUNK_ROWS = saved.chunk;
  await h.close();
});

async function importCsv(csv: string, types: Record<string, string>): Promise<Table> {
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=orders.csv`, {
    method: 'POST',
    body: new TextEncoder().encode(csv),
    headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
  });
  const preview = as<ImportPreview>(await res.json());
  const commit = await h.request('POST', `/api/imports/${preview.id}/commit`, { target: { name: 'orders' }, types, badRows: 'skip' });
  expect(commit.status).toBe(200);
  const tableId = as<ImportCommitResult>(commit.json).tableId;
  return as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json);
}

async function column(tableId: string, fieldId: string): Promise<unknown[]> {
  const page = as<RowsPage>((await h.request('GET', `/api/tables/${tableId}/rows?limit=1000`)).json);
  return page.rows.map((r) => r.cells[fieldId] ?? null);
}

/** Adds the formulas (named with a suffix) and answers their columns. */
async function computeAll(table: Table, formulas: readonly [string, string][], suffix: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const [name, formula] of formulas) {
    const res = await h.request('POST', `/api/tables/${table.id}/fields`, { name: name + suffix, type: 'formula', formula });
    expect(res.status, res.text).toBe(201);
    out.push(await column(table.id, as<Field>(res.json).id));
  }
  return out;
}

const CSV = [
  'code,customer,amount,day,vip,note',
  '00123,1,"1,200.50",2024/1/5,TRUE,华东',
  'A-7,2,300,2024-02-01,FALSE,',
  '42,1,,2024年3月9日,,"quoted, text"',
  ',3,-5,,TRUE,emoji 🎉',
  '7,2,0.1,2023-12-31,false,7',
].join('\r\n');

// Each kind of column read by a column-wide formula (so it comes from the column cache).
const FORMULAS: [string, string][] = [
  ['codes', 'COUNTIFS([code],{code})&"|"&ISTEXT({code})&"|"&{code}'],
  ['spend', 'SUMIFS([amount],[customer],{customer})'],
  ['last', 'MAXIFS([day],[customer],{customer})'],
  ['days', 'TODAY()-MINIFS([day],[customer],{customer})'],
  ['vips', 'COUNTIFS([vip],TRUE,[customer],{customer})&"|"&{vip}'],
  ['notes', 'COUNTIFS([note],"*")&"|"&{note}&"|"&ISBLANK({note})'],
  ['rank', 'RANK({amount},[amount])'],
];

describe('columns adopted by the cache', () => {
  it('an imported table gives the same formula results as after a restart', async () => {
    const table = await importCsv(CSV, { code: 'text', customer: 'number', amount: 'number', day: 'date', vip: 'boolean', note: 'text' });
    const adopted = await computeAll(table, FORMULAS, '');
    await h.reopen();
    const read = await computeAll(table, FORMULAS, ' again');
    expect(adopted).toEqual(read);
    expect(adopted[1]).toEqual([1200.5, 300.1, 1200.5, -5, 300.1]);
    expect(adopted[0]?.[0]).toBe('1|TRUE|00123');
  });

  it('a formula field filled in chunks is read from the cache as it was written', async () => {
    process.env.SEGSHEET_BACKGROUND_FILL_ROWS = '3';
    process.env.SEGSHEET_FILL_CHUNK_ROWS = '2';
    const table = await importCsv(CSV, { code: 'text', customer: 'number', amount: 'number', day: 'date', vip: 'boolean', note: 'text' });
    // Filled in chunks: numbers, an error (1/0), dates, booleans, text.
    const filled: [string, string][] = [
      ['ratio', 'IF({amount}=0,1/0,1/{amount})'],
      ['next day', '{day}+1'],
      ['flag', 'IF({customer}=2,TRUE,IF({customer}=1,FALSE,"x"))'],
    ];
    await computeAll(table, filled, '');
    const names = new Map(as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json).fields.map((f) => [f.name, f.id]));
    const readers: [string, string][] = [
      ['r1', 'COUNTIFS([ratio],">0")&"|"&IFERROR({ratio},"e")&"|"&SUMIFS([ratio],[ratio],">-1000")'],
      ['r2', 'MAX([next day])-MIN([next day])&"|"&{next day}'],
      ['r3', 'COUNTIFS([flag],TRUE)&"|"&{flag}'],
    ];
    expect(names.has('ratio')).toBe(true);
    const adopted = await computeAll(table, readers, '');
    await h.reopen();
    const read = await computeAll(table, readers, ' again');
    expect(adopted).toEqual(read);
    // Three positive ratios, an error where the amount is blank, their sum 9.804…
    expect(adopted[0]?.[2]).toBe('3|e|9.80416631958906');
  });
});
