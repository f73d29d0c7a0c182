import type { Kysely, Transaction } from 'kysely';
import type { Database, Executor } from './database';

/** Runs `fn` in the caller's transaction, or in a new one: every write is all-or-nothing. */
export async function inTransaction<T>(db: Executor, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return (db as Kysely<Database>).transaction().execute(fn);
}
