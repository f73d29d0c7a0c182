import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { sqlColumn, sqlTable } from '../../db/ids';
import { migrateToLatest } from '../../db/migrate';
import { createField } from '../fields/fields.service';
import { readPage } from '../rows/rows.read';
import { insertRowsService } from '../rows/rows.service';
import { createTable } from '../tables/tables.service';
import { createWorkbook } from '../workbooks/workbooks.service';
import { catchUpToday } from './midnight';
import { todayIso } from './recompute.service';

describe('TODAY() for workbooks that follow the current date', () => {
  it('recomputes at start when the day changed since the last run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-midnight-'));
    const { db } = openSqlite(path.join(dir, 'segsheet.db'));
    try {
      await migrateToLatest(db);
      const wb = await createWorkbook(db, { name: 'W' });
      const table = await createTable(db, wb.id, { name: 'T', fields: [{ name: 'n', type: 'number' }] });
      const today = await createField(db, table.id, { name: 'today', type: 'formula', formula: 'TODAY()' });
      await insertRowsService(db, table.id, [{ cells: { [table.fields[0]!.id]: 1 } }]);
      expect((await readPage(db, table.id, { offset: 0, limit: 10 })).rows[0]?.cells[today.id]).toBe(todayIso());
      // As if the server had been stopped on an earlier day.
      await sql`update ${sql.table(sqlTable(table.id))} set ${sql.ref(sqlColumn(today.id))} = '2000-01-01'`.execute(db);
      await db.insertInto('settings').values({ key: 'today', value: '2000-01-01' }).execute();
      expect(await catchUpToday(db)).toBe(1);
      expect((await readPage(db, table.id, { offset: 0, limit: 10 })).rows[0]?.cells[today.id]).toBe(todayIso());
      expect(await catchUpToday(db)).toBe(0);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
