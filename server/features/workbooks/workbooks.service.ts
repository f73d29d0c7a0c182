// Workbooks: list, create, rename, as-of date, language, trash.
import type { Executor } from '../../db/database';
import { newId, nowIso } from '../../db/ids';
import type { Workbook, WorkbookCreate, WorkbookPatch } from '../../../common';
import { workbookToDto } from '../dto';
import { getWorkbook, listTables } from '../meta';
import { checkOrder } from '../positions';
import { checkName } from '../names';
import { moveToTrash } from '../trash/trash.service';
import { recomputeWorkbook } from '../recompute/recompute.service';
import { besideColumns, transact } from '../recompute/column-cache';

export async function listWorkbooks(db: Executor): Promise<Workbook[]> {
  const rows = await db.selectFrom('workbooks').select('id').where('deleted_at', 'is', null).orderBy('position').orderBy('created_at').execute();
  const out: Workbook[] = [];
  for (const r of rows) out.push(await workbookToDto(db, await getWorkbook(db, r.id)));
  return out;
}

export async function readWorkbook(db: Executor, id: string): Promise<Workbook> {
  return workbookToDto(db, await getWorkbook(db, id));
}

export async function createWorkbook(db: Executor, input: WorkbookCreate): Promise<Workbook> {
  const name = checkName(input.name);
  const id = newId('w');
  const now = nowIso();
  const last = await db.selectFrom('workbooks').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const position = (last?.p ?? -1) + 1;
  await db
    .insertInto('workbooks')
    .values({ id, name, language: input.language ?? 'zh-CN', as_of: input.asOf ?? null, dashboard: null, position, created_at: now, updated_at: now, deleted_at: null })
    .execute();
  return readWorkbook(db, id);
}

export async function patchWorkbook(db: Executor, id: string, patch: WorkbookPatch): Promise<Workbook> {
  return transact(db, async (trx) => {
    const wb = await getWorkbook(trx, id);
    const name = patch.name !== undefined ? checkName(patch.name) : wb.name;
    const asOf = patch.asOf !== undefined ? patch.asOf : wb.asOf;
    await besideColumns(trx, () =>
      trx
        .updateTable('workbooks')
        .set({ name, language: patch.language ?? wb.language, as_of: asOf, updated_at: nowIso() })
        .where('id', '=', id)
        .execute(),
    );
    if (patch.tableOrder !== undefined) await orderTables(trx, id, patch.tableOrder);
    if (asOf !== wb.asOf) await recomputeWorkbook(trx, id, { onlyToday: true });
    return readWorkbook(trx, id);
  });
}

async function orderTables(trx: Executor, workbookId: string, order: readonly string[]): Promise<void> {
  checkOrder(order, (await listTables(trx, workbookId)).map((t) => t.id), 'table');
  await besideColumns(trx, async () => {
    for (const [position, tableId] of order.entries()) await trx.updateTable('tables').set({ position }).where('id', '=', tableId).execute();
  });
}

/** PUT /api/workbooks/order: the workbooks in the order given. */
export async function orderWorkbooks(db: Executor, order: readonly string[]): Promise<Workbook[]> {
  return transact(db, async (trx) => {
    const live = await trx.selectFrom('workbooks').select('id').where('deleted_at', 'is', null).execute();
    checkOrder(order, live.map((w) => w.id), 'workbook');
    await besideColumns(trx, async () => {
      for (const [position, id] of order.entries()) await trx.updateTable('workbooks').set({ position }).where('id', '=', id).execute();
    });
    return listWorkbooks(trx);
  });
}

export async function trashWorkbook(db: Executor, id: string): Promise<void> {
  await transact(db, async (trx) => {
    const wb = await getWorkbook(trx, id);
    await moveToTrash(trx, { kind: 'workbook', objectId: id, workbookId: id, tableId: null, name: wb.name });
  });
}
