// A fill of a new formula field (fill.ts) adds its column before any field names it. If the process dies during
// the fill, that column stays behind, hidden and unused; at the next start it is dropped. Only columns no field
// row names (trashed fields keep their rows, and their columns, for a restore) are touched.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';

const FIELD_COLUMN = /^[ce]_[a-z][a-z0-9]{1,40}$/;

/** Drops the columns of unfinished fills; answers how many columns went. */
export async function dropUnfinishedFillColumns(db: Kysely<Database>): Promise<number> {
  const tables = await db.selectFrom('tables').select('id').execute();
  const fields = await db.selectFrom('fields').select(['id', 'table_id']).execute();
  const named = new Set(fields.flatMap((f) => [`${f.table_id}.${sqlColumn(f.id)}`, `${f.table_id}.${sqlTagColumn(f.id)}`]));
  const sqlTables = new Map((await db.introspection.getTables()).map((t) => [t.name, t]));
  let dropped = 0;
  for (const { id: tableId } of tables) {
    const meta = sqlTables.get(sqlTable(tableId));
    if (!meta) continue;
    const orphans = meta.columns.map((c) => c.name).filter((name) => FIELD_COLUMN.test(name) && !named.has(`${tableId}.${name}`));
    for (const name of orphans) {
      await db.schema.alterTable(sqlTable(tableId)).dropColumn(name).execute();
      dropped++;
    }
  }
  return dropped;
}
