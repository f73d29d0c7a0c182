import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { useWorkbookLanguage } from '../../http/helpers';
import { queryOf } from '../../http/validate';
import { ExportQuerySchema } from '../../../common';
import { exportTable } from './exports.service';

export interface ExportsRoutesOptions {
  /** Most rows of an XLSX export (Excel's limit unless a test lowers it). */
  xlsxMaxRows?: number;
}

export function exportsRoutes(options: ExportsRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/tables/:id/export', async (c) => {
    const { db, dbFile } = c.var.deps;
    await useWorkbookLanguage(c, db, { tableId: c.req.param('id') });
    const file = await exportTable(db, c.req.param('id'), queryOf(c, ExportQuerySchema), { dbFile, ...options });
    const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  });
  return app;
}
