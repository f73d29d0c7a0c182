// GET · PUT /api/workbooks/:id/dashboard: the saved charts of a workbook (table, fields, kind, place).
import { Hono } from 'hono';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/ids';
import type { AppEnv } from '../../http/context';
import { readerOf, useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { notFound } from '../../http/app-error';
import { DashboardSchema } from '../../wire';
import type { Dashboard } from '../../wire';
import { getWorkbook, listTables } from '../meta';

export async function readDashboard(db: Executor, workbookId: string): Promise<Dashboard> {
  await getWorkbook(db, workbookId);
  const row = await db.selectFrom('workbooks').select('dashboard').where('id', '=', workbookId).executeTakeFirst();
  if (!row?.dashboard) return { charts: [] };
  const parsed = DashboardSchema.safeParse(JSON.parse(row.dashboard));
  return parsed.success ? parsed.data : { charts: [] };
}

export async function saveDashboard(db: Executor, workbookId: string, dashboard: Dashboard): Promise<Dashboard> {
  await getWorkbook(db, workbookId);
  const tables = new Set((await listTables(db, workbookId)).map((t) => t.id));
  for (const chart of dashboard.charts) if (!tables.has(chart.tableId)) throw notFound('table', chart.tableId);
  await db.updateTable('workbooks').set({ dashboard: JSON.stringify(dashboard), updated_at: nowIso() }).where('id', '=', workbookId).execute();
  return dashboard;
}

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
