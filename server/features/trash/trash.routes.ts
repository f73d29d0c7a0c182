import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { listTrash, listTrashedWorkbooks, restoreFromTrash } from './trash.service';

export function trashRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/trash', async (c) => c.json({ items: await listTrashedWorkbooks(c.var.deps.db) }));
  app.get('/workbooks/:id/trash', async (c) => {
    await useWorkbookLanguage(c, c.var.deps.db, { workbookId: c.req.param('id') });
    return c.json({ items: await listTrash(c.var.deps.db, c.req.param('id')) });
  });
  app.post('/trash/:id/restore', async (c) => c.json(await restoreFromTrash(c.var.deps.db, c.req.param('id'))));
  return app;
}
