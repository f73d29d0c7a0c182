import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import { AppError } from '../../http/app-error';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { requestLanguage } from '../../http/language';
import { jsonBody } from '../../http/validate';
import { ImportCommitSchema } from '../../wire';
import { notFound } from '../../http/app-error';
import { commitImport, createImport } from './imports.service';
import type { ImportEvent } from './imports.store';

export const IMPORT_LIMIT = 512 * 1024 * 1024;

const tooLarge = (): AppError => new AppError('PAYLOAD_TOO_LARGE', { limit: '512 MB' });

/** The uploaded file: multipart `file`, or the raw body with ?filename=. */
async function readUpload(c: Context<AppEnv>): Promise<{ bytes: Buffer; filename: string }> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > IMPORT_LIMIT) throw tooLarge();
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('BAD_REQUEST', { reason: 'multipart field "file" is missing' });
    if (file.size > IMPORT_LIMIT) throw tooLarge();
    return { bytes: Buffer.from(await file.arrayBuffer()), filename: c.req.query('filename') ?? file.name };
  }
  const filename = c.req.query('filename');
  if (!filename) throw new AppError('BAD_REQUEST', { reason: 'send the file as multipart "file", or as the body with ?filename=' });
  const body = c.req.raw.body;
  if (!body) throw new AppError('IMPORT_UNREADABLE', { reason: 'the file is empty', reasonZh: '文件是空的' });
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > IMPORT_LIMIT) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return { bytes: Buffer.concat(chunks), filename };
}

export function importsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/workbooks/:id/imports', async (c) => {
    const db = c.var.deps.db;
    await useWorkbookLanguage(c, db, { workbookId: c.req.param('id') });
    const file = await readUpload(c);
    const sheet = c.req.query('sheet');
    const preview = await createImport(db, c.var.imports, c.req.param('id'), { ...file, ...(sheet !== undefined ? { sheet } : {}) }, requestLanguage(c));
    return c.json(preview, 201);
  });
  app.post('/imports/:id/commit', async (c) => {
    const job = c.var.imports.get(c.req.param('id'));
    if (job) await useWorkbookLanguage(c, c.var.deps.db, { workbookId: job.workbookId });
    const body = await jsonBody(c, ImportCommitSchema);
    return c.json(await commitImport(c.var.deps.db, c.var.imports, c.req.param('id'), body, requestLanguage(c)));
  });
  app.get('/imports/:id/events', async (c) => {
    const store = c.var.imports;
    const job = store.get(c.req.param('id'));
    if (!job) throw notFound('import', c.req.param('id'));
    return streamSSE(c, async (stream) => {
      const send = async (e: ImportEvent): Promise<void> => {
        const data = e.type === 'progress' ? { rows: e.rows, total: e.total } : e.type === 'done' ? e.result : { code: e.code, message: e.message };
        await stream.writeSSE({ event: e.type, data: JSON.stringify(data) });
      };
      if (job.status === 'done' || job.status === 'failed') {
        if (job.last) await send(job.last);
        return;
      }
      if (job.last) await send(job.last);
      await new Promise<void>((resolve) => {
        const listener = (e: ImportEvent): void => {
          void send(e).then(() => {
            if (e.type !== 'progress') {
              job.events.off('event', listener);
              resolve();
            }
          });
        };
        job.events.on('event', listener);
        stream.onAbort(() => {
          job.events.off('event', listener);
          resolve();
        });
      });
    });
  });
  return app;
}
