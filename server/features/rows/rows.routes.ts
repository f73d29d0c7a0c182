import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { readerOf, stepOf, useWorkbookLanguage } from '../../http/helpers';
import { jsonBody, queryOf } from '../../http/validate';
import { RowsDeleteSchema, RowsInsertSchema, RowsQuerySchema, RowsUpdateSchema } from '../../../common';
import { parseFilterParam, parseSortParam } from './row-query';
import { readPage } from './rows.read';
import { deleteRowsService, insertRowsService, updateRowsService } from './rows.service';

export function rowsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/tables/:id/rows', async (c) => {
    const db = readerOf(c);
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const q = queryOf(c, RowsQuerySchema);
    const page = await readPage(db, c.req.param('id'), {
      offset: q.offset,
      limit: q.limit,
      sort: parseSortParam(q.sort),
      filter: parseFilterParam(q.filter),
      ...(q.q !== undefined ? { q: q.q } : {}),
    });
    return c.json(page);
  });
  app.post('/tables/:id/rows', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, RowsInsertSchema);
    return c.json(await insertRowsService(db, c.req.param('id'), body.rows, { step: stepOf(c) }), 201);
  });
  app.patch('/tables/:id/rows', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, RowsUpdateSchema);
    return c.json(await updateRowsService(db, c.req.param('id'), body.rows, { step: stepOf(c) }));
  });
  app.delete('/tables/:id/rows', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, RowsDeleteSchema);
    return c.json(await deleteRowsService(db, c.req.param('id'), body.ids, { step: stepOf(c) }));
  });
  return app;
}
