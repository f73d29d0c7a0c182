// The trash: workbooks, tables and fields deleted by users, kept with their data until restored.
import type { Executor } from '../../db/database';
import { newId, nowIso } from '../../db/ids';
import { AppError, notFound } from '../../http/app-error';
import type { RestoreResult, TrashItem } from '../../../common';
import { findTable, findWorkbook, getWorkbook, listFields, listTables } from '../meta';
import { freeName } from '../names';
import { recomputeWorkbook } from '../recompute/recompute.service';
import { transact } from '../recompute/column-cache';

export interface TrashEntry {
  kind: 'workbook' | 'table' | 'field';
  objectId: string;
  workbookId: string;
  tableId: string | null;
  name: string;
}

const TABLE_OF = { workbook: 'workbooks', table: 'tables', field: 'fields' } as const;

/** Marks the object deleted and lists it in the trash. Answers the trash id. */
export async function moveToTrash(db: Executor, e: TrashEntry): Promise<string> {
  const now = nowIso();
  await db.updateTable(TABLE_OF[e.kind]).set({ deleted_at: now }).where('id', '=', e.objectId).execute();
  const id = newId('x');
  await db
    .insertInto('trash')
    .values({ id, kind: e.kind, object_id: e.objectId, workbook_id: e.workbookId, table_id: e.tableId, name: e.name, deleted_at: now })
    .execute();
  return id;
}

export async function listTrash(db: Executor, workbookId: string): Promise<TrashItem[]> {
  // A trashed workbook still lists its trash (so it can be found), hence no liveness check here beyond existence.
  const exists = await db.selectFrom('workbooks').select('id').where('id', '=', workbookId).executeTakeFirst();
  if (!exists) throw notFound('workbook', workbookId);
  const rows = await db.selectFrom('trash').selectAll().where('workbook_id', '=', workbookId).orderBy('deleted_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    objectId: r.object_id,
    kind: r.kind as TrashItem['kind'],
    name: r.name,
    workbookId: r.workbook_id,
    tableId: r.table_id,
    deletedAt: r.deleted_at,
  }));
}

/** All trashed workbooks (GET /api/trash). */
export async function listTrashedWorkbooks(db: Executor): Promise<TrashItem[]> {
  const rows = await db.selectFrom('trash').selectAll().where('kind', '=', 'workbook').orderBy('deleted_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, objectId: r.object_id, kind: 'workbook', name: r.name, workbookId: r.workbook_id, tableId: null, deletedAt: r.deleted_at }));
}

/** Brings back a trashed object with its data; a name taken meanwhile gets a suffix. Formulas are recomputed. */
export async function restoreFromTrash(db: Executor, trashId: string): Promise<RestoreResult> {
  return transact(db, async (trx) => {
    const item = await trx.selectFrom('trash').selectAll().where('id', '=', trashId).executeTakeFirst();
    if (!item) throw notFound('trash item', trashId);
    const kind = item.kind as TrashEntry['kind'];
    if (kind === 'workbook') {
      await trx.updateTable('workbooks').set({ deleted_at: null }).where('id', '=', item.object_id).execute();
    } else if (kind === 'table') {
      if (!(await findWorkbook(trx, item.workbook_id))) throw new AppError('NOT_FOUND', { kind: 'workbook', id: item.workbook_id, kindZh: '工作簿' });
      const taken = (await listTables(trx, item.workbook_id)).map((t) => t.name);
      await trx.updateTable('tables').set({ deleted_at: null, name: freeName(item.name, taken) }).where('id', '=', item.object_id).execute();
    } else {
      const tableId = item.table_id ?? '';
      if (!(await findTable(trx, tableId))) throw notFound('table', tableId);
      const taken = (await listFields(trx, tableId)).map((f) => f.name);
      await trx.updateTable('fields').set({ deleted_at: null, name: freeName(item.name, taken) }).where('id', '=', item.object_id).execute();
    }
    await trx.deleteFrom('trash').where('id', '=', trashId).execute();
    await getWorkbook(trx, item.workbook_id);
    await recomputeWorkbook(trx, item.workbook_id, {});
    return {
      kind,
      workbookId: item.workbook_id,
      tableId: kind === 'workbook' ? null : kind === 'table' ? item.object_id : item.table_id,
      fieldId: kind === 'field' ? item.object_id : null,
    };
  });
}

/** Drops the trash entry of an object that comes back another way (undo of a delete). */
export async function forgetTrashEntry(db: Executor, objectId: string): Promise<void> {
  await db.deleteFrom('trash').where('object_id', '=', objectId).execute();
}
