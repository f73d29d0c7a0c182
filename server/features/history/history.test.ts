import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, Field, RowsInsertResult, RowsPage, Table, UndoResult, Workbook } from '../../../common';

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
        name: 'T',
        fields: [
          { name: 'n', type: 'number' },
          { name: 'double', type: 'formula', formula: '{n}*2' },
        ],
      })
    ).json,
  );
});
afterEach(async () => {
  await h.close();
});

const values = async (): Promise<unknown[][]> =>
  as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json).rows.map((r) => [r.cells[id('n')], r.cells[id('double')]]);
const undo = async (): Promise<{ status: number; body: UndoResult }> => {
  const r = await h.request('POST', `/api/workbooks/${wb.id}/undo`);
  return { status: r.status, body: as<UndoResult>(r.json) };
};
const redo = async (): Promise<{ status: number; body: UndoResult }> => {
  const r = await h.request('POST', `/api/workbooks/${wb.id}/redo`);
  return { status: r.status, body: as<UndoResult>(r.json) };
};

describe('undo and redo', () => {
  it('undoes and redoes inserts, edits and deletes, with recompute, across a restart', async () => {
    const ins = as<RowsInsertResult>((await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 1 } }, { cells: { [id('n')]: 2 } }] })).json);
    const [a, b] = ins.rows;
    await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: a!.id, cells: { [id('n')]: 10 } }] });
    await h.request('DELETE', `/api/tables/${table.id}/rows`, { ids: [b!.id] });
    expect(await values()).toEqual([[10, 20]]);
    await h.reopen();
    const u1 = await undo();
    expect(u1.status).toBe(200);
    expect(u1.body.description).toMatch(/Delete 1 rows/);
    expect(await values()).toEqual([[10, 20], [2, 4]]);
    const u2 = await undo();
    expect(u2.body.changes.find((c) => c.rowId === a!.id)?.cells).toEqual({ [id('n')]: 1, [id('double')]: 2 });
    expect(await values()).toEqual([[1, 2], [2, 4]]);
    await undo();
    expect(await values()).toEqual([]);
    await redo();
    expect(await values()).toEqual([[1, 2], [2, 4]]);
    await redo();
    await redo();
    expect(await values()).toEqual([[10, 20]]);
    const empty = await redo();
    expect(empty.status).toBe(409);
    expect(as<ErrorEnvelope>(empty.body).error.code).toBe('UNDO_EMPTY');
  });

  it('undoes and redoes the requests of one step (x-segsheet-step) together, and only those', async () => {
    const step = { 'x-segsheet-step': 'paste-1' };
    const first = as<RowsInsertResult>((await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 1 } }] })).json);
    // One paste: an edit of the existing row and two batches of added rows, a single undo step.
    await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: first.rows[0]!.id, cells: { [id('n')]: 10 } }] }, step);
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 2 } }] }, step);
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 3 } }] }, step);
    expect(await values()).toEqual([[10, 20], [2, 4], [3, 6]]);
    const undone = await undo();
    expect(undone.status).toBe(200);
    expect(undone.body.description).toMatch(/and 2 more edits/);
    expect(await values()).toEqual([[1, 2]]);
    await h.reopen();
    expect((await redo()).status).toBe(200);
    expect(await values()).toEqual([[10, 20], [2, 4], [3, 6]]);
    // The same step id later, after another edit, is a step of its own.
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 4 } }] });
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 5 } }] }, step);
    await undo();
    expect((await values()).map((r) => r[0])).toEqual([10, 2, 3, 4]);
    await undo();
    expect((await values()).map((r) => r[0])).toEqual([10, 2, 3]);
    const bad = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 6 } }] }, { 'x-segsheet-step': 'no spaces' });
    expect(bad.status).toBe(400);
    expect(as<ErrorEnvelope>(bad.json).error.code).toBe('BAD_REQUEST');
  });

  it('undoes field creation, field deletion and a lossy type change', async () => {
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [id('n')]: 5 } }] });
    const f = as<Field>((await h.request('POST', `/api/tables/${table.id}/fields`, { name: 'label', type: 'text' })).json);
    await undo();
    expect(as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json).fields.map((x) => x.id)).not.toContain(f.id);
    await redo();
    expect(as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json).fields.map((x) => x.id)).toContain(f.id);
    const retype = await h.request('PATCH', `/api/fields/${id('n')}`, { type: 'date' });
    expect(retype.status).toBe(422);
    expect(as<ErrorEnvelope>(retype.json).error).toMatchObject({ code: 'TYPE_CHANGE_LOSSY', details: { count: 1, values: [{ value: 5 }] } });
    expect((await h.request('PATCH', `/api/fields/${id('n')}`, { type: 'date', confirm: true })).status).toBe(200);
    expect((await values())[0]?.[0]).toBeNull();
    await undo();
    expect(await values()).toEqual([[5, 10]]);
    await h.request('DELETE', `/api/fields/${id('n')}`);
    expect((await values())[0]?.[1]).toMatchObject({ error: '#REF!' });
    await undo();
    expect(await values()).toEqual([[5, 10]]);
  });

  it('undoes table creation and rename', async () => {
    await h.request('PATCH', `/api/tables/${table.id}`, { name: 'Renamed' });
    await undo();
    expect(as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json).name).toBe('T');
    await undo();
    expect((await h.request('GET', `/api/tables/${table.id}`)).status).toBe(404);
    await redo();
    expect((await h.request('GET', `/api/tables/${table.id}`)).status).toBe(200);
  });
});
