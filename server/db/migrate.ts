// Runs the migrations at start (they are imported statically: no folder scanning at run time).
import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-pending-imports';
import * as m0003 from './migrations/0003-workbook-positions';
import * as m0004 from './migrations/0004-operation-steps';
import * as m0005 from './migrations/0005-calendar-as-of';
import type { Database } from './database';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-pending-imports': m0002,
  '0003-workbook-positions': m0003,
  '0004-operation-steps': m0004,
  '0005-calendar-as-of': m0005,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
