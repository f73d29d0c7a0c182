import { Hono } from 'hono';
import { z } from 'zod';
import { listTemplates } from '../../../templates';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { applyTemplate, requireTemplate } from './templates.service';
import { workbookFromTemplate } from './template-workbook';
import { thumbnails } from './thumbnails';
import { requestLanguage } from '../../http/language';
import { LanguageSchema, MAX_BATCH_ROWS } from '../../../common';

const ApplySchema = z.object({
  tableId: z.string(),
  mapping: z.record(z.string(), z.string()),
  parameters: z.record(z.string(), z.unknown()).optional(),
  dryRun: z.boolean().optional(),
  onConflict: z.enum(['ask', 'rename']).optional(),
  source: z.enum(['table', 'transactions']).optional(),
  rows: z.string().max(8000).optional(),
});

export function templatesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/templates', (c) => c.json(listTemplates()));
  app.get('/templates/thumbnails', (c) => c.json(thumbnails(requestLanguage(c))));
  app.get('/templates/:id', (c) => c.json(requireTemplate(c.req.param('id'))));
  app.post('/templates/:id/workbooks', async (c) => {
    const body = await jsonBody(c, z.object({ language: LanguageSchema.optional(), rows: z.number().int().min(1).max(MAX_BATCH_ROWS * 5).optional() }));
    return c.json(await workbookFromTemplate(c.var.deps.db, c.req.param('id'), body, requestLanguage(c)), 201);
  });
  app.post('/templates/:id/apply', async (c) => {
    const db = c.var.deps.db;
    const body = await jsonBody(c, ApplySchema);
    await useWorkbookLanguage(c, db, { tableId: body.tableId });
    return c.json(await applyTemplate(db, c.req.param('id'), body));
  });
  return app;
}
