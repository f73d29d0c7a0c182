// A table holds at most 1,998 field columns (SQLite's 2,000 minus id and _version; a formula field takes two, and
// fields in the trash keep theirs). Whatever would pass that answers 422 TOO_MANY_FIELDS before anything is written:
// an import, a new table, a new field (filled in the background or not), a template, a change of type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, ImportCommitResult, ImportPreview, RowsPage, Table, TrashList, Workbook } from '../../../common';

const MAX = 1_998;
let h: Harness;
let wb: Workbook;

beforeAll(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'en' })).json);
});
afterAll(async () => {
  await h.close();
});

/** A CSV preview of `columns` number columns and two rows (row r holds r·1000 + column). */
async function wideImport(columns: number): Promise<ImportPreview> {
  const line = (f: (i: number) => string): string => Array.from({ length: columns }, (_, i) => f(i)).join(',');
  const csv = [line((i) => `c${i}`), line((i) => String(1000 + i)), line((i) => String(2000 + i))].join('\n');
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=wide.csv`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv', 'accept-language': 'en' } });
  expect(res.status).toBe(201);
  return (await res.json()) as ImportPreview;
}

async function tooMany(res: { status: number; json: unknown }): Promise<ErrorEnvelope['error']> {
  expect(res.status).toBe(422);
  const e = as<ErrorEnvelope>(res.json).error;
  expect(e.code).toBe('TOO_MANY_FIELDS');
  return e;
}

async function fieldCount(tableId: string): Promise<number> {
  return as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json).fields.length;
}

describe('the width of a table', () => {
  it('refuses a file wider than a table at once, in both languages, making no table', async () => {
    const p = await wideImport(MAX + 1);
    const started = Date.now();
    const e = await tooMany(await h.request('POST', `/api/imports/${p.id}/commit`, { target: { name: 'Wide' }, badRows: 'abort' }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.details).toEqual({ max: MAX, used: 0, adding: MAX + 1 });
    expect(e.message).toBe(
      `A table holds at most ${MAX} data columns (a field takes one, a formula field two, and fields in the trash keep theirs). This table uses 0 and this needs ${MAX + 1} more; nothing was changed.`,
    );
    const zh = await h.request('POST', `/api/imports/${p.id}/commit`, { target: { name: 'Wide' }, badRows: 'abort' }, { 'accept-language': 'zh-CN' });
    expect(as<ErrorEnvelope>(zh.json).error.message).toBe(
      `一张表最多有 ${MAX} 个数据列（普通字段占 1 列，公式字段占 2 列，回收站里的字段仍占着它们的列）。此表已用 0 列，这次操作还需要 ${MAX + 1} 列，没有做任何修改。`,
    );
    const formulas = Array.from({ length: MAX / 2 + 1 }, (_, i) => ({ name: `f${i}`, type: 'formula', formula: '1' }));
    await tooMany(await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'Formulas', fields: formulas }));
    expect(as<Workbook>((await h.request('GET', `/api/workbooks/${wb.id}`)).json).tables).toEqual([]);
  });

  it('fills a table to the last column, then refuses fields, templates and type changes that do not fit', async () => {
    const p = await wideImport(MAX - 1);
    const done = await h.request('POST', `/api/imports/${p.id}/commit`, { target: { name: 'Wide' }, badRows: 'abort' });
    expect(done.status).toBe(200);
    const tableId = as<ImportCommitResult>(done.json).tableId;
    const table = as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json);
    const [first, second] = table.fields;
    // A search looks in every field (it was one OR per field, past SQLite's expression depth).
    const found = await h.request('GET', `/api/tables/${tableId}/rows?q=2997`);
    expect(found.status).toBe(200);
    expect(as<RowsPage>(found.json).total).toBe(1);

    // One column left: a formula field needs two, however it is filled.
    const formula = { name: 'twice', type: 'formula', formula: `{${first?.name}}*2` };
    expect((await tooMany(await h.request('POST', `/api/tables/${tableId}/fields`, formula))).details).toEqual({ max: MAX, used: MAX - 1, adding: 2, tableId });
    const saved = process.env.SEGSHEET_BACKGROUND_FILL_ROWS;
    process.env.SEGSHEET_BACKGROUND_FILL_ROWS = '1';
    try {
      await tooMany(await h.request('POST', `/api/tables/${tableId}/fields`, formula));
    } finally {
      if (saved === undefined) delete process.env.SEGSHEET_BACKGROUND_FILL_ROWS;
      else process.env.SEGSHEET_BACKGROUND_FILL_ROWS = saved;
    }
    await tooMany(await h.request('POST', '/api/templates/value-tiers/apply', { tableId, mapping: { amount: first?.id } }));
    expect(await fieldCount(tableId)).toBe(MAX - 1);

    expect((await h.request('POST', `/api/tables/${tableId}/fields`, { name: 'note', type: 'text' })).status).toBe(201);
    await tooMany(await h.request('POST', `/api/tables/${tableId}/fields`, { name: 'more', type: 'text' }));
    // Full: a field cannot become a formula (a second column), and stays as it was.
    await tooMany(await h.request('PATCH', `/api/fields/${first?.id}`, { type: 'formula', formula: '1', confirm: true }));
    expect(as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json).fields[0]).toMatchObject({ id: first?.id, type: 'number' });
    // A change of type that keeps one column still works on a full table.
    expect((await h.request('PATCH', `/api/fields/${second?.id}`, { type: 'text' })).status).toBe(200);
    // A field in the trash keeps its column, and comes back into it.
    expect((await h.request('DELETE', `/api/fields/${second?.id}`)).status).toBe(204);
    await tooMany(await h.request('POST', `/api/tables/${tableId}/fields`, { name: 'more', type: 'text' }));
    const trash = as<TrashList>((await h.request('GET', `/api/workbooks/${wb.id}/trash`)).json);
    expect((await h.request('POST', `/api/trash/${trash.items[0]?.id}/restore`)).status).toBe(200);
    expect(await fieldCount(tableId)).toBe(MAX);
    const page = as<RowsPage>((await h.request('GET', `/api/tables/${tableId}/rows`)).json);
    expect(page.rows[1]?.cells[second?.id ?? '']).toBe('2001');
  }, 240_000);
});
