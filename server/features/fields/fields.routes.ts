import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../http/context';
import { stepOf, useWorkbookLanguage } from '../../http/helpers';
import { jsonBody } from '../../http/validate';
import { FieldInputSchema, FieldPatchSchema } from '../../../common';
import type { TableEvent } from '../../../common';
import { getField, getTable } from '../meta';
import { createField, patchField, trashField } from './fields.service';
import { addFormulaField } from './fill';
import { runningEvents, subscribe } from './progress';

/** A comment line now and then keeps proxies from closing a quiet event stream. */
const KEEP_ALIVE_MS = 15_000;

export function fieldsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/tables/:id/fields', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const body = await jsonBody(c, FieldInputSchema);
    const field = body.type === 'formula' ? await addFormulaField(db, c.req.param('id'), body) : await createField(db, c.req.param('id'), body);
    return c.json(field, 201);
  });
  app.get('/tables/:id/events', async (c) => {
    const tableId = c.req.param('id');
    await useWorkbookLanguage(c, c.var.deps.db, { tableId });
    await getTable(c.var.deps.db, tableId);
    return streamSSE(c, async (stream) => {
      const queue: TableEvent[] = runningEvents(tableId);
      let wake: (() => void) | undefined;
      const off = subscribe(tableId, (event) => {
        queue.push(event);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.write(': connected\n\n');
        while (open) {
          for (let e = queue.shift(); e !== undefined; e = queue.shift()) await stream.writeSSE({ event: e.type, data: JSON.stringify(e) });
          let timer: NodeJS.Timeout | undefined;
          const quiet = await new Promise<boolean>((resolve) => {
            wake = () => resolve(false);
            timer = setTimeout(() => resolve(true), KEEP_ALIVE_MS);
          });
          clearTimeout(timer);
          wake = undefined;
          if (quiet && open) await stream.write(': keep-alive\n\n');
        }
      } finally {
        off();
      }
    });
  });
  app.patch('/fields/:id', async (c) => {
    const db = c.var.deps.db;
    const field = await getField(db, c.req.param('id'));
    await useWorkbookLanguage(c, db, { tableId: field.tableId });
    const body = await jsonBody(c, FieldPatchSchema);
    return c.json(await patchField(db, field.id, body, stepOf(c)));
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
