import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { readerOf } from '../../http/helpers';
import type { Health } from '../../../common';
import { countRows } from '../rows/rows.repository';

export function healthRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    const { dbFile, version } = c.var.deps;
    const db = readerOf(c);
    const workbooks = await db.selectFrom('workbooks').select('id').where('deleted_at', 'is', null).execute();
    const tables = await db
      .selectFrom('tables')
      .innerJoin('workbooks', 'workbooks.id', 'tables.workbook_id')
      .select('tables.id')
      .where('tables.deleted_at', 'is', null)
      .where('workbooks.deleted_at', 'is', null)
      .execute();
    let rows = 0;
    for (const t of tables) rows += await countRows(db, t.id);
    const body: Health = { status: 'ok', version, database: { dialect: 'sqlite', file: dbFile }, workbooks: workbooks.length, tables: tables.length, rows };
    return c.json(body);
  });
  return app;
}
