// Writing computed formula values into their column: row by row for a few, through a temp table for many.
import { CompiledQuery, sql } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { encodeCell, userDb } from '../../db/user-tables';
import type { SqlValue } from '../../db/user-tables';
import type { CellValue } from '../../wire';

const BULK = 200;
const CHUNK = 5_000;

export async function writeFormulaCells(db: Executor, tableId: string, fieldId: string, rowIds: readonly number[], cells: readonly CellValue[]): Promise<void> {
  const c = sqlColumn(fieldId);
  const e = sqlTagColumn(fieldId);
  if (rowIds.length < BULK) {
    for (let k = 0; k < rowIds.length; k++) {
      const [v, tag] = encodeCell('formula', cells[k] ?? null);
      await userDb(db).updateTable(sqlTable(tableId)).set({ [c]: v, [e]: tag }).where('id', '=', rowIds[k] ?? 0).execute();
    }
    return;
  }
  const buf = sql.table('temp.segsheet_formula_buf');
  await sql`create temp table if not exists segsheet_formula_buf (id integer primary key, v blob, e text)`.execute(db);
  await sql`delete from ${buf}`.execute(db);
  for (let i = 0; i < rowIds.length; i += CHUNK) {
    const end = Math.min(rowIds.length, i + CHUNK);
    const params: SqlValue[] = [];
    for (let k = i; k < end; k++) {
      const [v, tag] = encodeCell('formula', cells[k] ?? null);
      params.push(rowIds[k] ?? 0, v, tag);
    }
    // A fixed text with bound values only (no identifiers from users): cheaper than building 15,000 nodes.
    const text = `insert into temp.segsheet_formula_buf (id, v, e) values ${Array.from({ length: end - i }, () => '(?,?,?)').join(',')}`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
  const t = sql.table(sqlTable(tableId));
  await sql`update ${t} set ${sql.ref(c)} = b.v, ${sql.ref(e)} = b.e from ${buf} as b where ${t}.id = b.id`.execute(db);
  await sql`delete from ${buf}`.execute(db);
}
