// How many fields still fit in a table. SQLite allows MAX_TABLE_COLUMNS columns a table; ours are id and _version,
// one c_ column per field and a second (e_) per formula field, and fields in the trash keep theirs (db/user-tables.ts).
// Checked before a column is added, so that what does not fit answers 422 TOO_MANY_FIELDS with nothing written
// instead of failing halfway in SQLite.
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { sqlTable } from '../db/ids';
import { AppError } from '../http/app-error';
import { MAX_TABLE_COLUMNS } from '../../common';
import type { FieldType } from '../../common';

/** Columns that are not a field's: id and _version. */
const ROW_COLUMNS = 2;
/** Columns left for fields in an empty table. */
export const MAX_FIELD_COLUMNS = MAX_TABLE_COLUMNS - ROW_COLUMNS;

/** The columns a field of this type takes. */
export function columnsOfType(type: FieldType): 1 | 2 {
  return type === 'formula' ? 2 : 1;
}

/** Field columns the table has now (its fields', trashed ones included, and a new formula column being filled). */
async function usedColumns(db: Executor, tableId: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from pragma_table_info(${sqlTable(tableId)})`.execute(db);
  return Math.max(0, (row.rows[0]?.n ?? 0) - ROW_COLUMNS);
}

/** Throws TOO_MANY_FIELDS unless `adding` more columns fit in the table (`tableId` null: a table not made yet). */
export async function checkRoomForColumns(db: Executor, tableId: string | null, adding: number): Promise<void> {
  if (adding <= 0) return;
  const used = tableId === null ? 0 : await usedColumns(db, tableId);
  if (used + adding > MAX_FIELD_COLUMNS) throw new AppError('TOO_MANY_FIELDS', { max: MAX_FIELD_COLUMNS, used, adding, ...(tableId ? { tableId } : {}) });
}
