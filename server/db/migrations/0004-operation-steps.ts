// Frozen in time: never edit, add a new migration instead.
// Operations made by one user action sent in several requests (a paste of 25,000 rows: three batches) share a
// step id, so that one undo takes back the whole action.
import type { Kysely } from 'kysely';

// A migration must not follow the current Database type (it changes after the migration is written): one that only
// changes the schema names no tables.
type SchemaDb = Kysely<Record<string, never>>;

export async function up(db: SchemaDb): Promise<void> {
  await db.schema.alterTable('operations').addColumn('step', 'text').execute();
}

export async function down(db: SchemaDb): Promise<void> {
  await db.schema.alterTable('operations').dropColumn('step').execute();
}
