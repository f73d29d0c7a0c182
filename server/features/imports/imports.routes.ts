import { open, writeFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import { AppError } from '../../http/app-error';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { requestLanguage } from '../../http/language';
import { jsonBody } from '../../http/validate';
import { ImportCommitSchema } from '../../../common';
import { notFound } from '../../http/app-error';
import { newId } from '../../db/ids';
import { getWorkbook } from '../meta';
import { commitImport, createImport } from './imports.service';
import type { ImportEvent } from './imports.store';
import { saveMultipartFile, tooLarge, writeAll } from './multipart';

export const IMPORT_LIMIT = 512 * 1024 * 1024;

/** Copies a stream to `file`, refusing more than the limit. */
async function writeLimited(body: ReadableStream<Uint8Array>, file: string, limit: number): Promise<void> {
  const out = await open(file, 'w');
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      await writeAll(out, value);
    }
  } finally {
    await out.close();
  }
}

/** The uploaded file, streamed to `file`: multipart `file`, or the raw body with ?filename=. Answers its name. */
async function saveUpload(c: Context<AppEnv>, file: string, limit: number): Promise<string> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > limit) throw tooLarge(limit);
  const type = c.req.header('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    const part = await saveMultipartFile(c.req.raw.body, type, file, limit);
    return c.req.query('filename') ?? part.filename ?? '';
  }
  const filename = c.req.query('filename');
  if (!filename) throw new AppError('BAD_REQUEST', { reason: 'send the file as multipart "file", or as the body with ?filename=' });
  const body = c.req.raw.body;
  if (body) await writeLimited(body, file, limit);
  else await writeFile(file, '');
  return filename;
}

export interface ImportsRoutesOptions {
  /** The largest upload accepted, in bytes (tests make it small). */
  uploadLimit?: number;
}

export function importsRoutes(options: ImportsRoutesOptions = {}): Hono<AppEnv> {
  const uploadLimit = options.uploadLimit ?? IMPORT_LIMIT;
  const app = new Hono<AppEnv>();
  app.post('/workbooks/:id/imports', async (c) => {
    const { deps, imports } = c.var;
    const workbookId = c.req.param('id');
    await useWorkbookLanguage(c, deps.db, { workbookId });
    await getWorkbook(deps.db, workbookId);
    const id = newId('i');
    const file = await imports.reserve(deps, id);
    try {
      const filename = await saveUpload(c, file, uploadLimit);
      const sheet = c.req.query('sheet');
      const preview = await createImport(deps, imports, workbookId, { id, file, filename, ...(sheet !== undefined ? { sheet } : {}) }, requestLanguage(c));
      return c.json(preview, 201);
    } catch (error) {
      await imports.release(id, file);
      throw error;
    }
  });
  app.post('/imports/:id/commit', async (c) => {
    const { deps, imports } = c.var;
    const job = await imports.get(deps, c.req.param('id'));
    if (job) await useWorkbookLanguage(c, deps.db, { workbookId: job.workbookId });
    const body = await jsonBody(c, ImportCommitSchema);
    return c.json(await commitImport(deps, imports, c.req.param('id'), body, requestLanguage(c)));
  });
  app.get('/imports/:id/events', async (c) => {
    const store = c.var.imports;
    const job = await store.get(c.var.deps, c.req.param('id'));
    if (!job) throw notFound('import', c.req.param('id'));
    return streamSSE(c, async (stream) => {
      const send = async (e: ImportEvent): Promise<void> => {
        const data = e.type === 'progress' ? { rows: e.rows, total: e.total } : e.type === 'done' ? e.result : { code: e.code, message: e.message };
        await stream.writeSSE({ event: e.type, data: JSON.stringify(data) });
      };
      if (job.status === 'done') {
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
