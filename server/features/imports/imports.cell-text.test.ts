// Imports read cell text as the grid and API writes do (common/cell-text), behind their fast paths.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ImportCommitResult, ImportPreview, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
});
afterEach(async () => {
  await h.close();
});

async function preview(csv: string): Promise<ImportPreview> {
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=x.csv`, {
    method: 'POST',
    body: new TextEncoder().encode(csv),
    headers: { 'content-type': 'application/octet-stream', 'accept-language': 'en' },
  });
  expect(res.status).toBe(201);
  return as<ImportPreview>(await res.json());
}

async function commit(id: string, body: unknown): Promise<ImportCommitResult> {
  const res = await h.request('POST', `/api/imports/${id}/commit`, body);
  expect(res.status).toBe(200);
  return as<ImportCommitResult>(res.json);
}

async function column(tableId: string, name: string): Promise<unknown[]> {
  const table = as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json);
  const fieldId = table.fields.find((f) => f.name === name)?.id ?? '';
  return as<RowsPage>((await h.request('GET', `/api/tables/${tableId}/rows`)).json).rows.map((r) => r.cells[fieldId]);
}

describe('imports read cell text as typing does', () => {
  it('detects and stores the Excel/WPS number forms, yes/no words and dates', async () => {
    const csv = 'amount,ok,day\n1.2万,√,2024年1月5日\n(12),×,2024.1.6\n€5,是,1/7/2024\n１２３,否,２０２４－０１－０８\n100元,真,2024/1/9\n"¥1,234.50",假,2024-01-10\n12%,✓,2024-01-11\n';
    const p = await preview(csv);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([['amount', 'number'], ['ok', 'boolean'], ['day', 'date']]);
    const done = await commit(p.id, { target: { name: 'N' }, badRows: 'abort' });
    expect(done.inserted).toBe(7);
    expect(await column(done.tableId, 'amount')).toEqual([12000, -12, 5, 123, 100, 1234.5, 0.12]);
    expect(await column(done.tableId, 'ok')).toEqual([true, false, true, false, true, false, true]);
    expect(await column(done.tableId, 'day')).toEqual(['2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11']);
  });

  it('keeps codes with a leading zero and digit strings over 15 digits as text, exactly', async () => {
    const p = await preview('zip,id,n\n0123,110101199058202938,5\n4567,110101199058202939,6\n');
    expect(p.columns.map((c) => c.type)).toEqual(['text', 'text', 'number']);
    const done = await commit(p.id, { target: { name: 'T' }, badRows: 'abort' });
    expect(await column(done.tableId, 'zip')).toEqual(['0123', '4567']);
    expect(await column(done.tableId, 'id')).toEqual(['110101199058202938', '110101199058202939']);
  });

  it('refuses them in a number field as bad rows that say why', async () => {
    const p = await preview('n\n5\n0123\n110101199058202938\n 7 \n');
    const done = await commit(p.id, { target: { name: 'B' }, types: { n: 'number' }, badRows: 'skip' });
    expect(done.inserted).toBe(2);
    expect(await column(done.tableId, 'n')).toEqual([5, 7]);
    expect(done.badRows.map((b) => [b.row, b.value, b.reason])).toEqual([
      [3, '0123', '"0123" starts with 0, so it is a code, not a number: keep it in a text field'],
      [4, '110101199058202938', '"110101199058202938" has more than 15 digits, which a number cannot hold exactly: keep it in a text field'],
    ]);
  });
});
