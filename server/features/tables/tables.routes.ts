import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { readerOf, useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { TableCreateSchema, TablePatchSchema } from '../../../common';
import { createTable, patchTable, readTable, trashTable } from './tables.service';

export function tablesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/workbooks/:id/tables', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { workbookId: c.req.param('id') });
    const body = await jsonBody(c, TableCreateSchema);
    return c.json(await createTable(db, c.req.param('id'), body), 201);
  });
  app.get('/tables/:id', async (c) => {
    const db = readerOf(c);
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    return c.json(await readTable(db, c.req.param('id')));
  });
  app.patch('/tables/:id', async (c) => {
    await useWorkbookLanguage(c, c.var.deps.db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, TablePatchSchema);
    return c.json(await patchTable(c.var.deps.db, c.req.param('id'), body));
  });
  app.delete('/tables/:id', async (c) => {
    await useWorkbookLanguage(c, c.var.deps.db, { tableId: c.req.param('id') });
    await trashTable(c.var.deps.db, c.req.param('id'));
    return c.body(null, 204);
  });
  return app;
}
