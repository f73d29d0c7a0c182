// A fill cut off by a crash leaves a column no field names; the next start drops it, and only it: the columns of
// live and trashed fields (a restore needs their data) stay.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Table, TrashList, Workbook } from '../../../common';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

function columnsOf(tableId: string): string[] {
  const raw = new SQLite(path.join(h.dir, 'segsheet.db'), { readonly: true });
  try {
    return (raw.prepare(`select name from pragma_table_info(?)`).pluck().all(sqlTable(tableId)) as string[]).sort();
  } finally {
    raw.close();
  }
}

describe('columns of unfinished fills', () => {
  it('are dropped at start, while live and trashed fields keep theirs', async () => {
    const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'w' })).json);
    const table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
      name: 't', fields: [{ name: 'n', type: 'number' }, { name: 'gone', type: 'text' }, { name: 'f', type: 'formula', formula: '{n}*2' }],
    })).json);
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [{ cells: { [table.fields[0]!.id]: 4, [table.fields[1]!.id]: 'kept' } }] });
    expect((await h.request('DELETE', `/api/fields/${table.fields[1]!.id}`)).status).toBe(204);
    const before = columnsOf(table.id);

    // What a crash in the middle of fill.ts leaves: a value and a tag column that no field row names.
    const orphan = newId('f');
    const raw = new SQLite(path.join(h.dir, 'segsheet.db'));
    raw.exec(`alter table ${sqlTable(table.id)} add column ${sqlColumn(orphan)} real; alter table ${sqlTable(table.id)} add column ${sqlTagColumn(orphan)} text;`);
    raw.close();
    expect(columnsOf(table.id)).toEqual([...before, sqlColumn(orphan), sqlTagColumn(orphan)].sort());

    await h.reopen();
    expect(columnsOf(table.id)).toEqual(before);
    const trash = as<TrashList>((await h.request('GET', `/api/workbooks/${wb.id}/trash`)).json);
    const entry = trash.items.find((e) => e.kind === 'field');
    expect((await h.request('POST', `/api/trash/${entry?.id}/restore`)).status).toBeLessThan(300);
    const rows = as<{ rows: { cells: Record<string, unknown> }[] }>((await h.request('GET', `/api/tables/${table.id}/rows`)).json);
    expect(rows.rows[0]?.cells).toMatchObject({ [table.fields[1]!.id]: 'kept', [table.fields[2]!.id]: 8 });
  });
});
