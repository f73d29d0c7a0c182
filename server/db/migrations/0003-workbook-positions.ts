// Frozen in time: never edit, add a new migration instead.
// Workbooks get a place in the list (they were listed by creation time, which stays their first order).
import type { Kysely } from 'kysely';

// Kysely<any> is the documented type for migrations (they must not follow the current Database type).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('workbooks').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const rows = await db.selectFrom('workbooks').select('id').orderBy('created_at').orderBy('id').execute();
  for (const [position, row] of rows.entries()) {
    await db.updateTable('workbooks').set({ position }).where('id', '=', (row as { id: string }).id).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('workbooks').dropColumn('position').execute();
}
