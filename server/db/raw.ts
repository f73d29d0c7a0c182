// The better-sqlite3 handle behind a Kysely executor, for the few hot paths that need what Kysely's driver does
// not offer (column-at-a-time reads with pluck, one prepared statement run per row). SQL text still comes from
// Kysely (compiled queries with generated identifiers); only the execution goes to the handle. Use it only while
// holding the connection (inside a transaction, or `withConnection`), so nothing interleaves with another
// request's transaction.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database, Executor } from './database';

/** Keyed by the dialect adapter: one per Kysely root, shared with its transactions and connections. */
const handles = new WeakMap<object, SQLite.Database>();

export function registerSqlite(db: Kysely<Database>, sqlite: SQLite.Database): void {
  handles.set(db.getExecutor().adapter, sqlite);
}

export function sqliteOf(db: Executor): SQLite.Database {
  const handle = handles.get(db.getExecutor().adapter);
  if (!handle) throw new Error('no better-sqlite3 handle registered for this Kysely instance (open it with openSqlite)');
  return handle;
}

/** Runs `fn` while holding the connection: the transaction itself, or the single connection of a root instance. */
export async function withConnection<T>(db: Executor, fn: (conn: Executor) => Promise<T> | T): Promise<T> {
  if (db.isTransaction) return fn(db);
  return (db as Kysely<Database>).connection().execute(async (conn) => fn(conn));
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** A prepared statement, kept per handle and text (SQLite re-prepares it by itself after schema changes). */
export function prepared(sqlite: SQLite.Database, text: string): SQLite.Statement {
  let map = statements.get(sqlite);
  if (!map) {
    map = new Map();
    statements.set(sqlite, map);
  }
  let stmt = map.get(text);
  if (!stmt) {
    if (map.size > 500) map.clear();
    stmt = sqlite.prepare(text);
    map.set(text, stmt);
  }
  return stmt;
}
