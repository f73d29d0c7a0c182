import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { requestLanguage } from '../../http/language';
import { jsonBody } from '../../http/validate';
import { FormulaCheckSchema } from '../../../common';
import { checkFormulaService, explainCell } from './formulas.service';

export function formulasRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/tables/:id/formulas/check', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, FormulaCheckSchema);
    return c.json(await checkFormulaService(db, c.req.param('id'), body.source, { fieldId: body.fieldId, counts: body.counts }, requestLanguage(c)));
  });
  app.get('/tables/:id/rows/:rowId/explain/:fieldId', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    return c.json(await explainCell(db, c.req.param('id'), c.req.param('rowId'), c.req.param('fieldId'), requestLanguage(c)));
  });
  return app;
}
