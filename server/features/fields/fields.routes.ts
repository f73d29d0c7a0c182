import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { FieldInputSchema, FieldPatchSchema } from '../../wire';
import { getField } from '../meta';
import { createField, patchField, trashField } from './fields.service';

export function fieldsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/tables/:id/fields', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, FieldInputSchema);
    return c.json(await createField(db, c.req.param('id'), body), 201);
  });
  app.patch('/fields/:id', async (c) => {
    const db = c.var.deps.db;
    const field = await getField(db, c.req.param('id'));
    await useWorkbookLanguage(c, db, { tableId: field.tableId });
    const body = await jsonBody(c, FieldPatchSchema);
    return c.json(await patchField(db, field.id, body));
  });
  app.delete('/fields/:id', async (c) => {
    const db = c.var.deps.db;
    const field = await getField(db, c.req.param('id'));
    await useWorkbookLanguage(c, db, { tableId: field.tableId });
    await trashField(db, field.id);
    return c.body(null, 204);
  });
  return app;
}
