// Batch row writes: insert, update (optimistic versions), delete. Each is one transaction with its recompute.
import type { Executor } from '../../db/database';
import type { UserRecord } from '../../db/user-tables';
import { AppError, notFound } from '../../http/app-error';
import type { CellInput, CellValue, Row, RowsInsertResult, WriteResult } from '../../../common';
import { recordOperation } from '../history/record-operation';
import type { RowCells } from '../history/operation';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { ChangeCollector } from '../recompute/changes';
import { besideColumns, transact, withTableWrite } from '../recompute/column-cache';
import { patchCells } from '../recompute/frames';
import { recompute } from '../recompute/recompute.service';
import { checkCell } from './cells';
import { deleteRowsById, encodeCells, insertRows, readRowsById, updateRow } from './rows.repository';

function fieldMap(fields: readonly FieldMeta[]): Map<string, FieldMeta> {
  return new Map(fields.map((f) => [f.id, f]));
}

/** Checks every cell of every row first: one bad cell and nothing is written. */
function checkCells(fields: Map<string, FieldMeta>, cells: Record<string, CellInput>, row: number, rowId?: string): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [fieldId, input] of Object.entries(cells)) {
    const f = fields.get(fieldId);
    if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId, row });
    const r = checkCell(f, input);
    if (!r.ok) {
      throw new AppError('INVALID_CELL', { fieldId, fieldName: f.name, row, ...(rowId ? { rowId } : {}), value: input, reason: r.reason, reasonZh: r.reasonZh });
    }
    out[fieldId] = r.value;
  }
  return out;
}

function parseRowId(id: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0 || String(n) !== id) throw notFound('row', id);
  return n;
}

/** Inserts already-checked rows (with ids when restoring) and recomputes. */
export async function applyInsert(db: Executor, tableId: string, rows: readonly { id?: string; cells: Record<string, CellValue> }[], collector: ChangeCollector): Promise<number[]> {
  const t = await getTable(db, tableId);
  const fields = await listFields(db, tableId);
  const byId = fieldMap(fields);
  const records: UserRecord[] = rows.map((r) => {
    const rec = encodeCells(byId, r.cells);
    if (r.id !== undefined) rec.id = parseRowId(r.id);
    return rec;
  });
  const ids = await withTableWrite(db, tableId, () => insertRows(db, tableId, records), () => false);
  ids.forEach((id, i) => collector.add(tableId, String(id), 1, rows[i]?.cells ?? {}));
  const dataFields = fields.filter((f) => f.type !== 'formula').map((f) => f.id);
  await recompute(db, t.workbookId, { rows: [{ tableId, fieldIds: dataFields, rowIds: ids, inserted: true }] }, collector);
  return ids;
}

/** Writes already-checked cells into existing rows and recomputes. */
export async function applyUpdate(db: Executor, tableId: string, rows: readonly RowCells[], collector: ChangeCollector): Promise<void> {
  const t = await getTable(db, tableId);
  const byId = fieldMap(await listFields(db, tableId));
  const changedFields = new Set<string>();
  const ids: number[] = [];
  const written: { id: number; version: number; cells: Record<string, CellValue> }[] = [];
  const write = async (): Promise<void> => {
    for (const r of rows) {
      const id = parseRowId(r.id);
      const version = await updateRow(db, tableId, id, encodeCells(byId, r.cells));
      if (version === 0) throw notFound('row', r.id);
      ids.push(id);
      written.push({ id, version, cells: r.cells });
      for (const k of Object.keys(r.cells)) changedFields.add(k);
      collector.add(tableId, r.id, version, r.cells);
    }
  };
  await withTableWrite(db, tableId, write, (e) => patchCells(e, byId, written));
  await recompute(db, t.workbookId, { rows: [{ tableId, fieldIds: [...changedFields], rowIds: ids }] }, collector);
}

export async function applyDelete(db: Executor, tableId: string, ids: readonly string[], collector: ChangeCollector): Promise<void> {
  const t = await getTable(db, tableId);
  const fields = await listFields(db, tableId);
  const numeric = ids.map(parseRowId);
  await withTableWrite(db, tableId, () => deleteRowsById(db, tableId, numeric), () => false);
  await recompute(db, t.workbookId, { rows: [{ tableId, fieldIds: fields.map((f) => f.id), rowIds: numeric, deleted: true }] }, collector);
}

function dataCells(fields: readonly FieldMeta[], row: Row): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const f of fields) if (f.type !== 'formula') out[f.id] = row.cells[f.id] ?? null;
  return out;
}

/** Options of a batch write: `step` groups it with the other requests of one user action for undo. */
export interface WriteOptions {
  step?: string | null;
}

export async function insertRowsService(db: Executor, tableId: string, input: readonly { cells: Record<string, CellInput> }[], options: WriteOptions = {}): Promise<RowsInsertResult> {
  return transact(db, async (trx) => {
    const t = await getTable(trx, tableId);
    const fields = await listFields(trx, tableId);
    const byId = fieldMap(fields);
    const checked = input.map((r, i) => ({ cells: checkCells(byId, r.cells, i + 1) }));
    const collector = new ChangeCollector();
    const ids = await applyInsert(trx, tableId, checked, collector);
    const rows = await readRowsById(trx, tableId, fields, ids);
    const out = ids.map((id) => rows.get(id)).filter((r): r is Row => r !== undefined);
    await besideColumns(trx, () => recordOperation(
      trx,
      t.workbookId,
      { en: `Add ${ids.length} rows to ${t.name}`, zh: `向“${t.name}”添加 ${ids.length} 行` },
      { kind: 'rows.insert', tableId, rows: out.map((r) => ({ id: r.id, cells: dataCells(fields, r) })) },
      { kind: 'rows.delete', tableId, ids: out.map((r) => r.id) },
      options.step,
    ));
    return { rows: out, ...collector.result() };
  });
}

/** Two entries for one row would both pass its version check, and the second would silently undo the first. */
function refuseRepeatedRows(input: readonly { id: string }[]): void {
  const firstAt = new Map<string, number>();
  input.forEach((r, i) => {
    const at = firstAt.get(r.id);
    if (at === undefined) {
      firstAt.set(r.id, i);
      return;
    }
    throw new AppError('BAD_REQUEST', {
      reason: `entries ${at + 1} and ${i + 1} (rows[${at}], rows[${i}]) are both row ${r.id}; send each row once`,
      reasonZh: `第 ${at + 1} 项和第 ${i + 1} 项（rows[${at}]、rows[${i}]）都是行 ${r.id}，每行只能出现一次`,
      rowId: r.id,
      positions: [at, i],
    });
  });
}

export async function updateRowsService(
  db: Executor,
  tableId: string,
  input: readonly { id: string; version?: number; cells: Record<string, CellInput> }[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  refuseRepeatedRows(input);
  return transact(db, async (trx) => {
    const t = await getTable(trx, tableId);
    const fields = await listFields(trx, tableId);
    const byId = fieldMap(fields);
    const current = await readRowsById(trx, tableId, fields, input.map((r) => parseRowId(r.id)));
    const forward: RowCells[] = [];
    const inverse: RowCells[] = [];
    input.forEach((r, i) => {
      const row = current.get(Number(r.id));
      if (!row) throw notFound('row', r.id);
      if (r.version !== undefined && r.version !== row.version) throw new AppError('VERSION_CONFLICT', { rowId: r.id, row });
      const cells = checkCells(byId, r.cells, i + 1, r.id);
      forward.push({ id: r.id, cells });
      inverse.push({ id: r.id, cells: Object.fromEntries(Object.keys(cells).map((k) => [k, row.cells[k] ?? null])) });
    });
    const collector = new ChangeCollector();
    await applyUpdate(trx, tableId, forward, collector);
    await besideColumns(trx, () => recordOperation(
      trx,
      t.workbookId,
      { en: `Edit ${forward.length} rows of ${t.name}`, zh: `修改“${t.name}”的 ${forward.length} 行` },
      { kind: 'rows.update', tableId, rows: forward },
      { kind: 'rows.update', tableId, rows: inverse },
      options.step,
    ));
    return collector.result();
  });
}

export async function deleteRowsService(db: Executor, tableId: string, ids: readonly string[], options: WriteOptions = {}): Promise<WriteResult> {
  return transact(db, async (trx) => {
    const t = await getTable(trx, tableId);
    const fields = await listFields(trx, tableId);
    const unique = [...new Set(ids)];
    const current = await readRowsById(trx, tableId, fields, unique.map(parseRowId));
    for (const id of unique) if (!current.has(Number(id))) throw notFound('row', id);
    const collector = new ChangeCollector();
    await applyDelete(trx, tableId, unique, collector);
    await besideColumns(trx, () => recordOperation(
      trx,
      t.workbookId,
      { en: `Delete ${unique.length} rows of ${t.name}`, zh: `删除“${t.name}”的 ${unique.length} 行` },
      { kind: 'rows.delete', tableId, ids: unique },
      { kind: 'rows.insert', tableId, rows: unique.map((id) => ({ id, cells: dataCells(fields, current.get(Number(id)) as Row) })) },
      options.step,
    ));
    return collector.result();
  });
}
