// Frozen in time: never edit, add a new migration instead.
// Workbooks get a place in the list (they were listed by creation time, which stays their first order).
import type { Kysely } from 'kysely';

// The tables as this migration sees them (frozen with it: the current Database type changes later).
interface Db0003 {
  workbooks: { id: string; created_at: string; position: number };
}

export async function up(db: Kysely<Db0003>): Promise<void> {
  await db.schema.alterTable('workbooks').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const rows = await db.selectFrom('workbooks').select('id').orderBy('created_at').orderBy('id').execute();
  for (const [position, row] of rows.entries()) {
    await db.updateTable('workbooks').set({ position }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<Db0003>): Promise<void> {
  await db.schema.alterTable('workbooks').dropColumn('position').execute();
}
