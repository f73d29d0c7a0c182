// The column cache is an optimisation only: results after edits must be those of a fresh read, also when
// something else (another connection here) wrote meanwhile, and error cells read back from the cache keep their value.
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Field, RowsInsertResult, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
let ids: string[];
const cell = async (field: string): Promise<unknown[]> =>
  as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json).rows.map((r) => r.cells[field]);

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'T', fields: [{ name: 'n', type: 'number' }] })).json);
  const n = table.fields[0]!.id;
  const rows = [1, 2, 3, 0].map((v) => ({ cells: { [n]: v } }));
  ids = as<RowsInsertResult>((await h.request('POST', `/api/tables/${table.id}/rows`, { rows })).json).rows.map((r) => r.id);
});
afterEach(async () => {
  await h.close();
});

describe('column cache', () => {
  it('recomputes from current data after our edits and after a write it did not see', async () => {
    const n = table.fields[0]!.id;
    const add = async (name: string, formula: string): Promise<string> => as<Field>((await h.request('POST', `/api/tables/${table.id}/fields`, { name, type: 'formula', formula })).json).id;
    const half = await add('half', 'NTILE([n],{n},2)');
    const inv = await add('inv', '1/{n}');
    const above = await add('above', 'COUNTIFS([inv],">"&{inv})');
    expect(await cell(inv)).toEqual([1, 0.5, 1 / 3, { error: '#DIV/0!', message: expect.stringMatching(/\S/) as unknown }]);
    await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: ids[0], cells: { [n]: 10 } }] });
    expect(await cell(half)).toEqual([2, 1, 2, 1]);
    // Another connection writes n of row 2 (a change no code of ours patched into the cache).
    const other = new SQLite(h.segsheet.dbFile);
    other.prepare(`update "t_${table.id}" set "c_${n}" = 100 where id = ?`).run(Number(ids[1]));
    other.close();
    await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: ids[2], cells: { [n]: 5 } }] });
    expect(await cell(half)).toEqual([2, 2, 1, 1]);
    // inv of row 2 still shows 1/2 (the outside write named no change); its error cell came back from the
    // cache as an error: counted by no comparison, and its own row's count is that error.
    await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: ids[2], cells: { [n]: 4 } }] });
    expect(await cell(inv)).toEqual([0.1, 0.5, 0.25, { error: '#DIV/0!', message: expect.stringMatching(/\S/) as unknown }]);
    expect(await cell(above)).toEqual([2, 0, 1, { error: '#DIV/0!', message: expect.stringMatching(/\S/) as unknown }]);
  });
});
