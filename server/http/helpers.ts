// Small helpers for route handlers.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db/database';
import type { AppEnv } from './context';
import { findTable, findWorkbook } from '../features/meta';
import { AppError } from './app-error';

/** Notes the workbook's language for messages of this request (after Accept-Language). */
export async function useWorkbookLanguage(c: Context<AppEnv>, db: Executor, ids: { workbookId?: string; tableId?: string }): Promise<void> {
  let workbookId = ids.workbookId;
  if (!workbookId && ids.tableId) workbookId = (await findTable(db, ids.tableId))?.workbookId;
  if (!workbookId) return;
  const wb = await findWorkbook(db, workbookId);
  if (wb) c.set('workbookLanguage', wb.language);
}

/** The header that groups the requests of one user action (a paste sent in batches) into one undo step. */
export const STEP_HEADER = 'x-segsheet-step';

/** The request's step id, if it sent one: 1–64 letters, digits, "-" or "_". */
export function stepOf(c: Context<AppEnv>): string | null {
  const step = c.req.header(STEP_HEADER);
  if (step === undefined) return null;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(step)) throw new AppError('BAD_REQUEST', { reason: `${STEP_HEADER} must be 1 to 64 letters, digits, "-" or "_"` });
  return step;
}

/** Where a request that only reads should read: the read-only connection when the app has one. */
export function readerOf(c: Context<AppEnv>): Kysely<Database> {
  return c.var.deps.readDb ?? c.var.deps.db;
}
