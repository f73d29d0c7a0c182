// Tables: create (with fields), rename, reorder fields, trash.
import type { Executor } from '../../db/database';
import { newId, nowIso } from '../../db/ids';
import { createUserTable } from '../../db/user-tables';
import type { Table, TableCreate, TablePatch } from '../../../common';
import { tableToDto } from '../dto';
import { getTable, getWorkbook, listFields, listTables } from '../meta';
import { checkFree, checkName } from '../names';
import { checkOrder } from '../positions';
import { moveToTrash } from '../trash/trash.service';
import { createField } from '../fields/fields.service';
import { recomputeWorkbook } from '../recompute/recompute.service';
import { recordOperation } from '../history/record-operation';
import { besideColumns, transact } from '../recompute/column-cache';
import { checkRoomForColumns, columnsOfType } from '../table-width';

export async function readTable(db: Executor, id: string): Promise<Table> {
  return tableToDto(db, await getTable(db, id));
}

export async function createTable(db: Executor, workbookId: string, input: TableCreate, options: { record?: boolean } = {}): Promise<Table> {
  return transact(db, async (trx) => {
    await getWorkbook(trx, workbookId);
    const name = checkName(input.name);
    const existing = await listTables(trx, workbookId);
    checkFree(name, existing.map((t) => t.name));
    // Before the first column: a file too wide to import is refused at once, not after 2,000 ALTER TABLEs.
    await checkRoomForColumns(trx, null, (input.fields ?? []).reduce((n, f) => n + columnsOfType(f.type), 0));
    const id = newId('t');
    const now = nowIso();
    // Metadata and a new empty table: the cached columns of the other tables stay valid.
    await besideColumns(trx, async () => {
      await trx
        .insertInto('tables')
        .values({ id, workbook_id: workbookId, name, position: existing.length, created_at: now, updated_at: now, deleted_at: null })
        .execute();
      await createUserTable(trx, id, []);
    });
    // Plain fields first, so that formulas can refer to any of them.
    const inputs = input.fields ?? [];
    for (const f of inputs.filter((x) => x.type !== 'formula')) await createField(trx, id, f, { record: false });
    for (const f of inputs.filter((x) => x.type === 'formula')) await createField(trx, id, f, { record: false });
    if (options.record !== false) {
      await besideColumns(trx, () =>
        recordOperation(trx, workbookId, { en: `Create table ${name}`, zh: `新建数据表“${name}”` }, { kind: 'table.restore', tableId: id }, { kind: 'table.trash', tableId: id }),
      );
    }
    return readTable(trx, id);
  });
}

export async function patchTable(db: Executor, id: string, patch: TablePatch): Promise<Table> {
  return transact(db, async (trx) => {
    const t = await getTable(trx, id);
    if (patch.name !== undefined) {
      const name = checkName(patch.name);
      checkFree(name, (await listTables(trx, t.workbookId)).filter((x) => x.id !== id).map((x) => x.name));
      await trx.updateTable('tables').set({ name, updated_at: nowIso() }).where('id', '=', id).execute();
      await recordOperation(
        trx,
        t.workbookId,
        { en: `Rename table ${t.name} to ${name}`, zh: `将数据表“${t.name}”改名为“${name}”` },
        { kind: 'table.rename', tableId: id, name },
        { kind: 'table.rename', tableId: id, name: t.name },
      );
    }
    if (patch.fieldOrder !== undefined) {
      const fields = await listFields(trx, id);
      const order = patch.fieldOrder;
      checkOrder(order, fields.map((f) => f.id), 'field');
      for (const [position, fieldId] of order.entries()) await trx.updateTable('fields').set({ position }).where('id', '=', fieldId).execute();
    }
    return readTable(trx, id);
  });
}

export async function trashTable(db: Executor, id: string): Promise<void> {
  await transact(db, async (trx) => {
    const t = await getTable(trx, id);
    await moveToTrash(trx, { kind: 'table', objectId: id, workbookId: t.workbookId, tableId: id, name: t.name });
    await recordOperation(trx, t.workbookId, { en: `Delete table ${t.name}`, zh: `删除数据表“${t.name}”` }, { kind: 'table.trash', tableId: id }, { kind: 'table.restore', tableId: id });
    await recomputeWorkbook(trx, t.workbookId, {});
  });
}
