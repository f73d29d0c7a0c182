// Applies a logged operation (an undo's inverse or a redo's forward), through the same services and recompute.
import type { Transaction } from 'kysely';
import type { Database, FieldRow } from '../../db/database';
import { nowIso } from '../../db/ids';
import { notFound } from '../../http/app-error';
import { applyDefinition } from '../fields/fields.service';
import { findTable, getTable, listFields, listTables } from '../meta';
import { freeName } from '../names';
import type { ChangeCollector } from '../recompute/changes';
import { recompute, recomputeWorkbook } from '../recompute/recompute.service';
import { applyDelete, applyInsert, applyUpdate } from '../rows/rows.service';
import { readRowsById } from '../rows/rows.repository';
import { forgetTrashEntry, moveToTrash } from '../trash/trash.service';
import type { Operation } from './operation';

async function existing(trx: Transaction<Database>, tableId: string, ids: readonly string[]): Promise<Set<string>> {
  const fields = await listFields(trx, tableId);
  const rows = await readRowsById(trx, tableId, fields, ids.map(Number).filter(Number.isSafeInteger));
  return new Set([...rows.keys()].map(String));
}

async function fieldRow(trx: Transaction<Database>, fieldId: string): Promise<Pick<FieldRow, 'id' | 'table_id' | 'name'>> {
  const f = await trx.selectFrom('fields').select(['id', 'table_id', 'name']).where('id', '=', fieldId).executeTakeFirst();
  if (!f) throw notFound('field', fieldId);
  return f;
}

export async function applyOperation(trx: Transaction<Database>, workbookId: string, op: Operation, collector: ChangeCollector): Promise<void> {
  switch (op.kind) {
    case 'batch':
      for (const o of op.ops) await applyOperation(trx, workbookId, o, collector);
      return;
    case 'rows.insert': {
      await getTable(trx, op.tableId);
      const present = await existing(trx, op.tableId, op.rows.map((r) => r.id));
      const fields = new Set((await listFields(trx, op.tableId)).map((f) => f.id));
      const rows = op.rows
        .filter((r) => !present.has(r.id))
        .map((r) => ({ id: r.id, cells: Object.fromEntries(Object.entries(r.cells).filter(([k]) => fields.has(k))) }));
      await applyInsert(trx, op.tableId, rows, collector);
      return;
    }
    case 'rows.delete': {
      await getTable(trx, op.tableId);
      const present = await existing(trx, op.tableId, op.ids);
      await applyDelete(trx, op.tableId, op.ids.filter((id) => present.has(id)), collector);
      return;
    }
    case 'rows.update': {
      await getTable(trx, op.tableId);
      const present = await existing(trx, op.tableId, op.rows.map((r) => r.id));
      const fields = new Set((await listFields(trx, op.tableId)).map((f) => f.id));
      const rows = op.rows
        .filter((r) => present.has(r.id))
        .map((r) => ({ id: r.id, cells: Object.fromEntries(Object.entries(r.cells).filter(([k]) => fields.has(k))) }));
      await applyUpdate(trx, op.tableId, rows, collector);
      return;
    }
    case 'table.trash': {
      const t = await getTable(trx, op.tableId);
      await moveToTrash(trx, { kind: 'table', objectId: t.id, workbookId, tableId: t.id, name: t.name });
      collector.refetch(t.id);
      await recomputeWorkbook(trx, workbookId, {}, collector);
      return;
    }
    case 'table.restore': {
      const t = await trx.selectFrom('tables').select(['id', 'name']).where('id', '=', op.tableId).executeTakeFirst();
      if (!t) throw notFound('table', op.tableId);
      const taken = (await listTables(trx, workbookId)).filter((x) => x.id !== t.id).map((x) => x.name);
      await trx.updateTable('tables').set({ deleted_at: null, name: freeName(t.name, taken), updated_at: nowIso() }).where('id', '=', t.id).execute();
      await forgetTrashEntry(trx, t.id);
      collector.refetch(t.id);
      await recomputeWorkbook(trx, workbookId, {}, collector);
      return;
    }
    case 'table.rename': {
      const t = await getTable(trx, op.tableId);
      const taken = (await listTables(trx, workbookId)).filter((x) => x.id !== t.id).map((x) => x.name);
      await trx.updateTable('tables').set({ name: freeName(op.name, taken), updated_at: nowIso() }).where('id', '=', t.id).execute();
      collector.refetch(t.id);
      return;
    }
    case 'field.trash': {
      const f = await fieldRow(trx, op.fieldId);
      await getTable(trx, f.table_id);
      await moveToTrash(trx, { kind: 'field', objectId: f.id, workbookId, tableId: f.table_id, name: f.name });
      collector.refetch(f.table_id);
      await recompute(trx, workbookId, { fields: [{ tableId: f.table_id, fieldId: f.id }] }, collector);
      return;
    }
    case 'field.restore': {
      const f = await fieldRow(trx, op.fieldId);
      if (!(await findTable(trx, f.table_id))) throw notFound('table', f.table_id);
      const taken = (await listFields(trx, f.table_id)).filter((x) => x.id !== f.id).map((x) => x.name);
      await trx.updateTable('fields').set({ deleted_at: null, name: freeName(f.name, taken) }).where('id', '=', f.id).execute();
      await forgetTrashEntry(trx, f.id);
      collector.refetch(f.table_id);
      await recompute(trx, workbookId, { fields: [{ tableId: f.table_id, fieldId: f.id }] }, collector);
      return;
    }
    case 'field.define': {
      const fields = await listFields(trx, (await fieldRow(trx, op.fieldId)).table_id);
      const field = fields.find((f) => f.id === op.fieldId);
      if (!field) throw notFound('field', op.fieldId);
      await applyDefinition(trx, field, op.definition, { confirm: true, collector, ...(op.rows ? { restoreRows: op.rows } : {}) });
      collector.refetch(field.tableId);
      return;
    }
  }
}
