import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { readerOf, useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { WorkbookCreateSchema, WorkbookOrderSchema, WorkbookPatchSchema } from '../../../common';
import { createWorkbook, listWorkbooks, orderWorkbooks, patchWorkbook, readWorkbook, trashWorkbook } from './workbooks.service';

export function workbooksRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/workbooks', async (c) => c.json(await listWorkbooks(readerOf(c))));
  app.post('/workbooks', async (c) => {
    const body = await jsonBody(c, WorkbookCreateSchema);
    return c.json(await createWorkbook(c.var.deps.db, body), 201);
  });
  app.put('/workbooks/order', async (c) => {
    const body = await jsonBody(c, WorkbookOrderSchema);
    return c.json(await orderWorkbooks(c.var.deps.db, body.ids));
  });
  app.get('/workbooks/:id', async (c) => {
    const db = readerOf(c);
    await useWorkbookLanguage(c, db, { workbookId: c.req.param('id') });
    return c.json(await readWorkbook(db, c.req.param('id')));
  });
  app.patch('/workbooks/:id', async (c) => {
    await useWorkbookLanguage(c, c.var.deps.db, { workbookId: c.req.param('id') });
    const body = await jsonBody(c, WorkbookPatchSchema);
    return c.json(await patchWorkbook(c.var.deps.db, c.req.param('id'), body));
  });
  app.delete('/workbooks/:id', async (c) => {
    await useWorkbookLanguage(c, c.var.deps.db, { workbookId: c.req.param('id') });
    await trashWorkbook(c.var.deps.db, c.req.param('id'));
    return c.body(null, 204);
  });
  return app;
}
