// Frozen in time: never edit, add a new migration instead.
// Operations made by one user action sent in several requests (a paste of 25,000 rows: three batches) share a
// step id, so that one undo takes back the whole action.
import type { Kysely } from 'kysely';

// Kysely<any> is the documented type for migrations (they must not follow the current Database type).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('operations').addColumn('step', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('operations').dropColumn('step').execute();
}
