// Frozen in time: never edit, add a new migration instead.
// Pending imports: an uploaded file waits in <dataDir>/imports/<id> with what its preview learnt, so that a
// commit still works after a restart.
import type { Kysely } from 'kysely';

// A migration must not follow the current Database type (it changes after the migration is written): one that only
// changes the schema names no tables.
type SchemaDb = Kysely<Record<string, never>>;

export async function up(db: SchemaDb): Promise<void> {
  await db.schema
    .createTable('pending_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workbook_id', 'text', (c) => c.notNull().references('workbooks.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    /** JSON: encoding, delimiter, sheet, columns with their detected types, row count. */
    .addColumn('learnt', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_imports_created').on('pending_imports').column('created_at').execute();
}

export async function down(db: SchemaDb): Promise<void> {
  await db.schema.dropTable('pending_imports').execute();
}
