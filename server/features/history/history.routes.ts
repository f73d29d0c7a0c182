import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { requestLanguage } from '../../http/language';
import type { UndoResult } from '../../../common';
import { undoOrRedo } from './history.service';

export function historyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const direction of ['undo', 'redo'] as const) {
    app.post(`/workbooks/:id/${direction}`, async (c) => {
      const db = c.var.deps.db;
      await useWorkbookLanguage(c, db, { workbookId: c.req.param('id') });
      const { result, description } = await undoOrRedo(db, c.req.param('id'), direction);
      const body: UndoResult = { ...result, description: requestLanguage(c) === 'zh-CN' ? description.zh : description.en };
      return c.json(body);
    });
  }
  return app;
}
