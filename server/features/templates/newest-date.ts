// The newest date of some fields of a user table (one MAX in SQL, no rows shipped): the newest purchase among a
// template's mapped date inputs, for the as-of hint of an apply (templates/as-of.ts).
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import type { FieldMeta } from '../meta';

/** Dates are stored as "YYYY-MM-DD" texts (a formula's too), so the largest such text is the newest date. */
export async function newestDate(db: Executor, tableId: string, fields: readonly FieldMeta[]): Promise<string | null> {
  let newest: string | null = null;
  for (const f of fields) {
    const c = sql.ref(sqlColumn(f.id));
    const r = await sql<{ newest: unknown }>`select max(case when typeof(${c}) = 'text' and ${c} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' then ${c} end) as newest from ${sql.table(sqlTable(tableId))}`.execute(userDb(db));
    const value = r.rows[0]?.newest;
    if (typeof value === 'string' && (newest === null || value > newest)) newest = value;
  }
  return newest;
}
