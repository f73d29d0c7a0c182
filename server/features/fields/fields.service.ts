// Fields: create, rename, retype, edit formula/options/groups, trash. Formula fields are filled before answering.
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../../db/database';
import { newId, nowIso, sqlTable } from '../../db/ids';
import { addUserColumn, retypeUserColumn, userDb } from '../../db/user-tables';
import { AppError } from '../../http/app-error';
import type { Field, FieldInput, FieldPatch, Language, SelectOption } from '../../../common';
import { fieldToDto, loadSchemaInfo } from '../dto';
import { checkFieldFormula } from '../formulas/engine';
import { recordOperation } from '../history/record-operation';
import type { RowCells } from '../history/operation';
import { getField, getTable, getWorkbook, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { checkFree, checkName } from '../names';
import { ChangeCollector } from '../recompute/changes';
import { besideColumns, transact } from '../recompute/column-cache';
import { recompute } from '../recompute/recompute.service';
import { readRows, updateRow, encodeCells } from '../rows/rows.repository';
import { checkRoomForColumns, columnsOfType } from '../table-width';
import { moveToTrash } from '../trash/trash.service';
import { convertCell } from './convert';
import { definitionColumns, definitionOf } from './field-definition';
import type { FieldDefinition } from './field-definition';

const PALETTE = ['#5B8FF9', '#5AD8A6', '#F6BD16', '#E8684A', '#6DC8EC', '#9270CA', '#FF9D4D', '#269A99', '#FF99C3', '#5D7092'];

function cleanOptions(options: readonly SelectOption[] | undefined): SelectOption[] | null {
  if (!options) return null;
  const seen = new Set<string>();
  const out: SelectOption[] = [];
  for (const o of options) {
    if (seen.has(o.value)) continue;
    seen.add(o.value);
    out.push({ value: o.value, color: o.color });
  }
  return out;
}

async function languageOf(db: Executor, tableId: string): Promise<Language> {
  const t = await getTable(db, tableId);
  return (await getWorkbook(db, t.workbookId)).language;
}

/** The definition a FieldInput asks for (formula checked and turned into its stored form). */
export async function definitionFrom(db: Executor, tableId: string, input: FieldInput, fieldId: string): Promise<FieldDefinition> {
  const t = await getTable(db, tableId);
  let formula: string | null = null;
  let resultType: FieldDefinition['resultType'] = null;
  if (input.type === 'formula') {
    if (input.formula === undefined || input.formula.trim() === '') throw new AppError('BAD_REQUEST', { reason: 'a formula field needs a formula' });
    const checked = checkFieldFormula(input.formula, await loadSchemaInfo(db, t.workbookId), tableId, { fieldId, language: await languageOf(db, tableId) });
    formula = checked.stored;
    resultType = checked.resultType;
  }
  return {
    name: checkName(input.name),
    type: input.type,
    formula,
    resultType,
    options: input.type === 'select' ? (cleanOptions(input.options) ?? []) : cleanOptions(input.options),
    groups: input.groups ?? null,
    description: input.description ?? null,
    format: input.format ?? null,
    hidden: input.hidden ?? false,
  };
}

export async function readField(db: Executor, fieldId: string): Promise<Field> {
  const f = await getField(db, fieldId);
  const t = await getTable(db, f.tableId);
  return fieldToDto(f, await loadSchemaInfo(db, t.workbookId));
}

export async function createField(
  db: Executor,
  tableId: string,
  input: FieldInput,
  options: { record?: boolean; collector?: ChangeCollector } = {},
): Promise<Field> {
  return transact(db, async (trx) => {
    const t = await getTable(trx, tableId);
    const existing = await listFields(trx, tableId);
    checkFree(checkName(input.name), existing.map((f) => f.name));
    const id = newId('f');
    const def = await definitionFrom(trx, tableId, input, id);
    await checkRoomForColumns(trx, tableId, columnsOfType(def.type));
    // Metadata and a new empty column: the cached columns of every table stay valid.
    await besideColumns(trx, async () => {
      await trx
        .insertInto('fields')
        .values({ id, table_id: tableId, ...definitionColumns(def), position: existing.length, created_at: nowIso(), deleted_at: null })
        .execute();
      await addUserColumn(trx, tableId, { id, type: def.type });
    });
    if (def.type === 'formula') await recompute(trx, t.workbookId, { fields: [{ tableId, fieldId: id }] }, options.collector ?? new ChangeCollector());
    if (options.record !== false) {
      const name = def.name;
      await besideColumns(trx, () =>
        recordOperation(trx, t.workbookId, { en: `Add field ${name}`, zh: `添加字段“${name}”` }, { kind: 'field.restore', fieldId: id }, { kind: 'field.trash', fieldId: id }),
      );
    }
    return readField(trx, id);
  });
}

/** Every value of a field, by row id. */
async function columnValues(trx: Transaction<Database>, field: FieldMeta): Promise<RowCells[]> {
  const rows = await readRows(trx, field.tableId, [field], {});
  return rows.map((r) => ({ id: r.id, cells: { [field.id]: r.cells[field.id] ?? null } }));
}

/** Writes a definition over a field, converting (or recomputing) its values. Answers the old values when a type changed. */
export async function applyDefinition(
  trx: Transaction<Database>,
  field: FieldMeta,
  def: FieldDefinition,
  opts: { confirm: boolean; collector: ChangeCollector; restoreRows?: RowCells[] },
): Promise<RowCells[] | undefined> {
  const t = await getTable(trx, field.tableId);
  let oldRows: RowCells[] | undefined;
  const typeChanged = def.type !== field.type;
  const next: FieldMeta = { ...field, ...def };
  if (typeChanged) {
    // A formula field has a second column: a table that is full cannot turn a field into one.
    await checkRoomForColumns(trx, field.tableId, columnsOfType(def.type) - columnsOfType(field.type));
    oldRows = await columnValues(trx, field);
    const converted: { id: number; value: ReturnType<typeof convertCell> }[] = oldRows.map((r) => ({ id: Number(r.id), value: convertCell(r.cells[field.id] ?? null, next) }));
    if (def.type === 'select' && (def.options === null || def.options.length === 0)) {
      // Options made from the values, in order of first appearance.
      const values = [...new Set(oldRows.map((r) => r.cells[field.id]).filter((v): v is string | number | boolean => v !== null && typeof v !== 'object').map(String))];
      def = { ...def, options: values.slice(0, 1000).map((value, i) => ({ value, color: PALETTE[i % PALETTE.length] ?? '#5B8FF9' })) };
      next.options = def.options;
      for (const c of converted) {
        const v = oldRows.find((r) => Number(r.id) === c.id)?.cells[field.id] ?? null;
        if (v !== null && typeof v !== 'object') c.value = { ok: true, value: String(v) };
      }
    }
    const lost = def.type === 'formula' ? oldRows.filter((r) => r.cells[field.id] !== null) : oldRows.filter((r, i) => !converted[i]?.value.ok && r.cells[field.id] !== null);
    if (lost.length > 0 && !opts.confirm) {
      throw new AppError('TYPE_CHANGE_LOSSY', {
        fieldId: field.id,
        count: lost.length,
        values: lost.slice(0, 100).map((r) => ({ rowId: r.id, value: r.cells[field.id] ?? null })),
      });
    }
    await trx.updateTable('fields').set(definitionColumns(def)).where('id', '=', field.id).execute();
    await retypeUserColumn(trx, field.tableId, { id: field.id, type: def.type }, field.type);
    if (def.type !== 'formula') {
      const byId = new Map<string, FieldMeta>([[field.id, next]]);
      for (const c of converted) {
        if (!c.value.ok || c.value.value === null) continue;
        await userDb(trx)
          .updateTable(sqlTable(field.tableId))
          .set(encodeCells(byId, { [field.id]: c.value.value }))
          .where('id', '=', c.id)
          .execute();
      }
    }
  } else {
    await trx.updateTable('fields').set(definitionColumns(def)).where('id', '=', field.id).execute();
  }
  if (opts.restoreRows) {
    const byId = new Map<string, FieldMeta>([[field.id, next]]);
    for (const r of opts.restoreRows) await updateRow(trx, field.tableId, Number(r.id), encodeCells(byId, r.cells));
  }
  const formulaChanged = def.formula !== field.formula || typeChanged;
  if (formulaChanged || opts.restoreRows) {
    await recompute(trx, t.workbookId, { fields: [{ tableId: field.tableId, fieldId: field.id }] }, opts.collector);
  }
  return oldRows;
}

/** `step` groups the edit with the other requests of one user action for undo (a paste adding options). */
export async function patchField(db: Executor, fieldId: string, patch: FieldPatch, step: string | null = null): Promise<Field> {
  return transact(db, async (trx) => {
    const field = await getField(trx, fieldId);
    const t = await getTable(trx, field.tableId);
    const input: FieldInput = {
      name: patch.name ?? field.name,
      type: patch.type ?? field.type,
      ...(patch.formula !== undefined ? { formula: patch.formula } : {}),
      options: patch.options ?? field.options ?? undefined,
      groups: patch.groups ?? field.groups ?? undefined,
      description: patch.description ?? field.description ?? undefined,
      format: patch.format ?? field.format ?? undefined,
      hidden: patch.hidden ?? field.hidden,
    };
    if (patch.name !== undefined) {
      checkFree(checkName(patch.name), (await listFields(trx, field.tableId)).filter((f) => f.id !== fieldId).map((f) => f.name));
    }
    let def: FieldDefinition;
    if (input.type === 'formula' && patch.formula === undefined && field.type === 'formula') {
      def = { ...(await definitionFrom(trx, field.tableId, { ...input, type: 'text' }, fieldId)), type: 'formula', formula: field.formula, resultType: field.resultType, options: field.options };
    } else {
      def = await definitionFrom(trx, field.tableId, input, fieldId);
    }
    if (def.type !== 'select' && patch.options === undefined) def.options = field.options;
    const before = definitionOf(field);
    const oldRows = await applyDefinition(trx, field, def, { confirm: patch.confirm === true, collector: new ChangeCollector() });
    await recordOperation(
      trx,
      t.workbookId,
      { en: `Edit field ${field.name}`, zh: `修改字段“${field.name}”` },
      { kind: 'field.define', fieldId, definition: def },
      { kind: 'field.define', fieldId, definition: before, ...(oldRows ? { rows: oldRows } : {}) },
      step,
    );
    return readField(trx, fieldId);
  });
}

export async function trashField(db: Executor, fieldId: string): Promise<void> {
  await transact(db, async (trx) => {
    const field = await getField(trx, fieldId);
    const t = await getTable(trx, field.tableId);
    await moveToTrash(trx, { kind: 'field', objectId: fieldId, workbookId: t.workbookId, tableId: t.id, name: field.name });
    await recordOperation(trx, t.workbookId, { en: `Delete field ${field.name}`, zh: `删除字段“${field.name}”` }, { kind: 'field.trash', fieldId }, { kind: 'field.restore', fieldId });
    await recompute(trx, t.workbookId, { fields: [{ tableId: t.id, fieldId }] }, new ChangeCollector());
  });
}
