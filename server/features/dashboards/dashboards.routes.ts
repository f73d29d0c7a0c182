// GET · PUT /api/workbooks/:id/dashboard: the saved charts of a workbook (table, fields, kind, place).
import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { readerOf, useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { DashboardSchema } from '../../../common';
import { readDashboard, saveDashboard } from './dashboards.service';

export function dashboardsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/workbooks/:id/dashboard', async (c) => {
    const db = readerOf(c);
    await useWorkbookLanguage(c, db, { workbookId: c.req.param('id') });
    return c.json(await readDashboard(db, c.req.param('id')));
  });
  app.put('/workbooks/:id/dashboard', async (c) => {
    await useWorkbookLanguage(c, c.var.deps.db, { workbookId: c.req.param('id') });
    const body = await jsonBody(c, DashboardSchema);
    return c.json(await saveDashboard(c.var.deps.db, c.req.param('id'), body));
  });
  return app;
}
