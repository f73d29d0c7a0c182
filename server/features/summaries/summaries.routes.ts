import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { HistogramRequestSchema, SummaryRequestSchema } from '../../../common';
import { histogram } from './histogram.service';
import { summarize } from './summaries.service';

export function summariesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/tables/:id/summary', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, SummaryRequestSchema);
    return c.json(await summarize(db, c.req.param('id'), body, { dbFile: c.var.deps.dbFile }));
  });
  app.post('/tables/:id/histogram', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, HistogramRequestSchema);
    return c.json(await histogram(db, c.req.param('id'), body));
  });
  return app;
}
