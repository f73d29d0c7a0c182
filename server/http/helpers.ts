// Small helpers for route handlers.
import type { Context } from 'hono';
import type { Executor } from '../db/database';
import type { AppEnv } from './context';
import { findTable, findWorkbook } from '../features/meta';

/** Notes the workbook's language for messages of this request (after Accept-Language). */
export async function useWorkbookLanguage(c: Context<AppEnv>, db: Executor, ids: { workbookId?: string; tableId?: string }): Promise<void> {
  let workbookId = ids.workbookId;
  if (!workbookId && ids.tableId) workbookId = (await findTable(db, ids.tableId))?.workbookId;
  if (!workbookId) return;
  const wb = await findWorkbook(db, workbookId);
  if (wb) c.set('workbookLanguage', wb.language);
}
