// A formula field added to a big table is filled without holding the database: its column is added (invisible:
// no field names it yet), the formula is evaluated from one consistent read, the values are written in short
// transactions of `chunkRows` rows with the event loop free in between, and only then the field is created, in
// one last transaction that also recomputes it when anything was written meanwhile. A failure drops the
// column: nothing half-filled stays. Progress goes to GET /api/tables/:id/events. Smaller tables are filled in
// one transaction (createField).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { toCellValue } from '../../../formulas';
import type { Value } from '../../../formulas';
import type { Database, Executor } from '../../db/database';
import { newId, nowIso, sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { addUserColumn } from '../../db/user-tables';
import type { CellValue, Field, FieldInput, TableTask } from '../../../common';
import { loadSchemaInfo } from '../dto';
import { compileStored, toFormulaSchema } from '../formulas/engine';
import { recordOperation } from '../history/record-operation';
import { getField, getTable, getWorkbook, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { checkFree, checkName } from '../names';
import { ChangeCollector } from '../recompute/changes';
import { besideColumns, changeCounters, transact } from '../recompute/column-cache';
import { adoptColumn, Frames } from '../recompute/frames';
import { recompute, todayIso } from '../recompute/recompute.service';
import { updateFormulaRows } from '../recompute/write-back';
import { countRows } from '../rows/rows.repository';
import { checkRoomForColumns, columnsOfType } from '../table-width';
import { definitionColumns } from './field-definition';
import type { FieldDefinition } from './field-definition';
import { createField, definitionFrom, readField } from './fields.service';
import { progressOf, publish } from './progress';

export interface FillSettings {
  /** Tables with at least this many rows are filled in chunks. */
  backgroundFrom: number;
  chunkRows: number;
}

/** SEGSHEET_BACKGROUND_FILL_ROWS (default 50,000) and SEGSHEET_FILL_CHUNK_ROWS (default 20,000). */
export function fillSettings(env: NodeJS.ProcessEnv = process.env): FillSettings {
  const n = (text: string | undefined, fallback: number): number => {
    const v = Number(text);
    return Number.isSafeInteger(v) && v > 0 ? v : fallback;
  };
  return { backgroundFrom: n(env.SEGSHEET_BACKGROUND_FILL_ROWS, 50_000), chunkRows: n(env.SEGSHEET_FILL_CHUNK_ROWS, 20_000) };
}

/**
 * What tells whether anything at all was written meanwhile: SQLite's change counters (less the fill's own
 * writes) and today's date. Cheap and conservative: every other write, even elsewhere, means a recompute.
 */
function writeStamp(db: Executor, ownWrites: number): string {
  const [changes, data, schema] = changeCounters(db);
  return `${changes - ownWrites}:${data}:${schema}:${todayIso()}`;
}

interface Evaluated {
  ids: Float64Array;
  stamp: string;
  run: (rows?: readonly number[]) => Value[];
  columnWide: boolean;
}

/** One consistent read of everything the formula uses (short transaction); evaluation happens after it. */
async function snapshot(db: Kysely<Database>, workbookId: string, tableId: string, fieldId: string, stored: string): Promise<Evaluated> {
  return transact(db, async (trx) => {
    const wb = await getWorkbook(trx, workbookId);
    const info = await loadSchemaInfo(trx, workbookId);
    const c = compileStored(stored, toFormulaSchema(info), tableId, fieldId, wb.language);
    if (!c.ok) throw new Error(`formula no longer checks: ${c.message}`);
    const fields = new Map<string, FieldMeta>();
    for (const t of info.tables) for (const f of t.fields) fields.set(f.id, f);
    const frames = new Frames(trx, fields);
    const frame = await frames.frame(tableId);
    for (const r of c.compiled.references) await frames.column(r.tableId, r.fieldId);
    const data = { rowCount: frame.ids.length, asOf: wb.asOf ?? todayIso(), column: (t: string, f: string) => frames.values(t, f) };
    const compiled = c.compiled;
    return { ids: frame.ids.slice(), stamp: writeStamp(trx, 0), run: (rows) => compiled.run(data, rows), columnWide: compiled.columnWide };
  });
}

async function dropColumn(db: Kysely<Database>, tableId: string, fieldId: string): Promise<void> {
  await transact(db, async (trx) => {
    await trx.schema.alterTable(sqlTable(tableId)).dropColumn(sqlTagColumn(fieldId)).execute();
    await trx.schema.alterTable(sqlTable(tableId)).dropColumn(sqlColumn(fieldId)).execute();
  });
}

/** Writes rows [from, to) of the computed cells in one short transaction (blank cells are already blank). */
async function writeChunk(db: Kysely<Database>, tableId: string, fieldId: string, ids: Float64Array, cells: readonly CellValue[], from: number, to: number): Promise<number> {
  const rowIds: number[] = [];
  const values: CellValue[] = [];
  for (let i = from; i < to; i++) {
    const cell = cells[i - from] ?? null;
    if (cell === null) continue;
    rowIds.push(ids[i] ?? 0);
    values.push(cell);
  }
  if (rowIds.length === 0) return 0;
  // No field names the column yet, so no cached column can hold it.
  return transact(db, (trx) => besideColumns(trx, async () => updateFormulaRows(trx, tableId, fieldId, rowIds, values)));
}

/** POST /api/tables/:id/fields for a formula field: in chunks on a big table, else as createField does. */
export async function addFormulaField(db: Kysely<Database>, tableId: string, input: FieldInput, settings: FillSettings = fillSettings()): Promise<Field> {
  const started = await transact(db, async (trx) => {
    const t = await getTable(trx, tableId);
    checkFree(checkName(input.name), (await listFields(trx, tableId)).map((f) => f.name));
    if ((await countRows(trx, tableId)) < settings.backgroundFrom) return undefined;
    const id = newId('f');
    const def = await definitionFrom(trx, tableId, input, id);
    await checkRoomForColumns(trx, tableId, columnsOfType('formula'));
    await besideColumns(trx, () => addUserColumn(trx, tableId, { id, type: 'formula' }));
    return { workbookId: t.workbookId, id, def };
  });
  if (!started) return createField(db, tableId, input);
  const { workbookId, id, def } = started;
  const task: TableTask = { id: `fill-${id}`, kind: 'fill', fieldName: def.name };
  try {
    const field = await fill(db, tableId, workbookId, id, def, task, settings);
    publish(tableId, { type: 'done', task });
    return field;
  } catch (error) {
    publish(tableId, { type: 'failed', task });
    await dropColumn(db, tableId, id).catch(() => undefined);
    throw error;
  }
}

async function fill(db: Kysely<Database>, tableId: string, workbookId: string, id: string, def: FieldDefinition, task: TableTask, settings: FillSettings): Promise<Field> {
  const snap = await snapshot(db, workbookId, tableId, id, def.formula ?? '');
  const language = (await getWorkbook(db, workbookId)).language;
  const n = snap.ids.length;
  progressOf(tableId, task, 0, n);
  // Column functions need every row at once; row-local formulas are evaluated chunk by chunk too.
  const all = snap.columnWide ? snap.run() : undefined;
  const cells = new Array<CellValue>(n);
  let written = 0;
  for (let from = 0; from < n; from += settings.chunkRows) {
    const to = Math.min(n, from + settings.chunkRows);
    const values = all ? all.slice(from, to) : snap.run(Array.from({ length: to - from }, (_, k) => from + k));
    const chunk = values.map((v) => toCellValue(v, language));
    for (let i = from; i < to; i++) cells[i] = chunk[i - from] ?? null;
    written += await writeChunk(db, tableId, id, snap.ids, chunk, from, to);
    progressOf(tableId, task, to, n);
    await nextTurn();
  }
  return transact(db, async (trx) => {
    const t = await getTable(trx, tableId);
    checkFree(def.name, (await listFields(trx, tableId)).map((f) => f.name));
    const changed = writeStamp(trx, written) !== snap.stamp;
    const position = (await listFields(trx, tableId)).length;
    await besideColumns(trx, () =>
      trx
        .insertInto('fields')
        .values({ id, table_id: tableId, ...definitionColumns(def), position, created_at: nowIso(), deleted_at: null })
        .execute(),
    );
    // Rows edited, added or deleted meanwhile (or anything else the formula reads): recomputed here, and
    // only the cells that differ are written.
    if (changed) await recompute(trx, t.workbookId, { fields: [{ tableId, fieldId: id }] }, new ChangeCollector());
    else adoptColumn(trx, tableId, snap.ids, await getField(trx, id), cells);
    await besideColumns(trx, () =>
      recordOperation(trx, t.workbookId, { en: `Add field ${def.name}`, zh: `添加字段“${def.name}”` }, { kind: 'field.restore', fieldId: id }, { kind: 'field.trash', fieldId: id }),
    );
    return readField(trx, id);
  });
}
