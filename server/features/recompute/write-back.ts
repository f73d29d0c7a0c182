// Writing computed formula values into their column in the caller's transaction (runs of consecutive rows in
// one UPDATE, scattered rows one prepared UPDATE each); the column cache is patched with the same values.
import { sql } from 'kysely';
import type { Value } from '../../../formulas';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { prepared, sqliteOf } from '../../db/raw';
import { encodeCell, ROW_ID, userDb } from '../../db/user-tables';
import type { SqlValue } from '../../db/user-tables';
import type { CellValue } from '../../../common';
import { positionOf, withTableWrite } from './column-cache';

/** Rows per UPDATE … FROM json_each: bounds the JSON text of one statement. */
const RUN_CHUNK = 50_000;
/** Shorter runs of consecutive ids are written row by row. */
const MIN_RUN = 64;

/**
 * Writes one formula column. Consecutive row ids (a new field, a column function: every row) go in one UPDATE
 * joined to json_each over the values, keyed by position: SQLite reads JSON numbers back exactly, and it costs
 * about half of one statement run per row. Tagged cells (errors, booleans, non-finite numbers) are then written
 * by the per-row UPDATE, as are scattered rows. (Text has no lone surrogates: toCellValue made it well-formed.)
 * Answers the number of rows changed (rows deleted meanwhile change nothing).
 */
export function updateFormulaRows(db: Executor, tableId: string, fieldId: string, rowIds: ArrayLike<number>, cells: ArrayLike<CellValue>, from = 0, to = rowIds.length): number {
  const q = userDb(db)
    .updateTable(sqlTable(tableId))
    .set({ [sqlColumn(fieldId)]: null, [sqlTagColumn(fieldId)]: null })
    .where(ROW_ID, '=', 0)
    .compile();
  const stmt = prepared(sqliteOf(db), q.sql);
  let changes = 0;
  let k = from;
  while (k < to) {
    const first = rowIds[k] ?? 0;
    let end = k + 1;
    while (end < to && end - k < RUN_CHUNK && rowIds[end] === first + (end - k)) end++;
    if (end - k < MIN_RUN) {
      for (; k < end; k++) {
        const [v, tag] = encodeCell('formula', cells[k] ?? null);
        changes += stmt.run(v, tag, rowIds[k] ?? 0).changes;
      }
      continue;
    }
    const values: SqlValue[] = new Array<SqlValue>(end - k);
    const special: number[] = [];
    for (let i = k; i < end; i++) {
      const [v, tag] = encodeCell('formula', cells[i] ?? null);
      values[i - k] = tag === null ? v : null;
      if (tag !== null) special.push(i);
    }
    changes += runUpdate(db, tableId, fieldId, first, JSON.stringify(values));
    for (const i of special) {
      const [v, tag] = encodeCell('formula', cells[i] ?? null);
      stmt.run(v, tag, rowIds[i] ?? 0);
    }
    k = end;
  }
  return changes;
}

/** UPDATE t SET c = j.value, e = NULL FROM json_each(values) j WHERE t.id = first + j.key. */
function runUpdate(db: Executor, tableId: string, fieldId: string, first: number, json: string): number {
  const t = sqlTable(tableId);
  const [c, e, id] = [sql.ref(sqlColumn(fieldId)), sql.ref(sqlTagColumn(fieldId)), sql.ref(`${t}.${ROW_ID}`)];
  const q = sql`update ${sql.table(t)} set ${c} = j.value, ${e} = null from json_each(${json}) as j where ${id} = j.key + ${first}`.compile(userDb(db));
  return prepared(sqliteOf(db), q.sql).run(...q.parameters).changes;
}

export async function writeFormulaCells(
  db: Executor,
  tableId: string,
  fieldId: string,
  signature: string,
  rowIds: readonly number[],
  cells: readonly CellValue[],
  values: readonly Value[],
): Promise<void> {
  await withTableWrite(
    db,
    tableId,
    async () => void updateFormulaRows(db, tableId, fieldId, rowIds, cells),
    (e) => {
      const col = e.columns.get(fieldId);
      if (!col) return true;
      if (col.signature !== signature || !col.cells) {
        e.columns.delete(fieldId);
        return true;
      }
      for (let k = 0; k < rowIds.length; k++) {
        const i = positionOf(e.ids, rowIds[k] ?? 0);
        if (i < 0) return false;
        col.values[i] = values[k] ?? null;
        col.cells[i] = cells[k] ?? null;
      }
      return true;
    },
  );
}
