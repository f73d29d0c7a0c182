// Columns of user tables in engine form, kept in memory per connection between requests, so a column-wide
// recompute after a one-cell edit does not re-read 100k rows. Trust comes from SQLite itself: an entry is used
// only while the connection's change stamp (total_changes, data_version, schema_version) is the one it was
// stamped with. Our own writes run inside `bracket`, which patches the entry and moves its stamp; any other
// write (another helper's code, another connection, a raw UPDATE in a test) changes the stamp and the entry is
// simply read again. Entries changed inside a transaction are `pending` on it until `transact` sees it commit.
import type { Kysely, Transaction } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Value } from '../../../formulas';
import type { Database, Executor } from '../../db/database';
import { prepared, sqliteOf } from '../../db/raw';
import type { CellValue } from '../../../common';

export interface CachedColumn {
  /** `type:resultType` of the field when read: a redefined field is read again. */
  signature: string;
  values: Value[];
  /** The stored cells (JSON form) of formula fields, to write only what changed. */
  cells?: CellValue[];
}

export interface TableColumns {
  /** Row ids, ascending (the order of every column). */
  ids: Float64Array;
  /** Row versions, read only for tables whose formula cells are written (the answer names each row's version). */
  versions?: Float64Array;
  columns: Map<string, CachedColumn>;
  stamp: string;
  /** The transaction that changed or read this entry and has not been seen to commit. */
  pending: object | null;
  used: number;
}

/** Cells kept over all tables of a connection before the least recently used tables are dropped. */
export const COLUMN_CACHE_CELLS = 8_000_000;
/** Entries unused for this long are dropped (a big table read once should not stay forever). */
const IDLE_MS = 10 * 60_000;

const STAMP_SQL =
  "select total_changes() || ':' || (select data_version from pragma_data_version) || ':' || (select schema_version from pragma_schema_version)";

class ConnectionCache {
  readonly entries = new Map<string, TableColumns>();
  constructor(private readonly sqlite: SQLite.Database) {}

  stamp(): string {
    return String(prepared(this.sqlite, STAMP_SQL).pluck(true).get());
  }

  private valid(e: TableColumns, db: Executor, stamp: string): boolean {
    return e.stamp === stamp && (e.pending === null || e.pending === db);
  }

  /** The entry of a table, when it still mirrors the database as `db` sees it. */
  get(db: Executor, tableId: string): TableColumns | undefined {
    const e = this.entries.get(tableId);
    if (!e) return undefined;
    if (!this.valid(e, db, this.stamp())) {
      this.entries.delete(tableId);
      return undefined;
    }
    e.used = Date.now();
    return e;
  }

  put(db: Executor, tableId: string, ids: Float64Array): TableColumns {
    const e: TableColumns = { ids, columns: new Map(), stamp: this.stamp(), pending: db.isTransaction ? db : null, used: Date.now() };
    this.entries.set(tableId, e);
    this.trim();
    return e;
  }

  /** After columns were added to an entry: keeps the total under the budget. */
  trim(): void {
    const now = Date.now();
    let total = 0;
    for (const [t, e] of this.entries) {
      if (now - e.used > IDLE_MS) this.entries.delete(t);
      else total += e.ids.length * (e.columns.size + 1);
    }
    if (total <= COLUMN_CACHE_CELLS) return;
    const byAge = [...this.entries].sort((a, b) => a[1].used - b[1].used);
    for (const [t, e] of byAge) {
      if (total <= COLUMN_CACHE_CELLS) break;
      total -= e.ids.length * (e.columns.size + 1);
      this.entries.delete(t);
    }
  }

  /** Entries valid before a write of ours: stamped anew after it (the table written is patched or dropped). */
  async bracket<T>(db: Executor, run: () => Promise<T>, table?: { tableId: string; patch: (e: TableColumns) => boolean }): Promise<T> {
    if (!db.isTransaction || this.entries.size === 0) {
      // Outside a transaction another request may write between our statements: trust nothing.
      if (!db.isTransaction) this.entries.clear();
      return run();
    }
    const before = this.stamp();
    const result = await run();
    const after = this.stamp();
    for (const [t, e] of this.entries) {
      if (!this.valid(e, db, before)) {
        this.entries.delete(t);
        continue;
      }
      if (table && t === table.tableId && !table.patch(e)) {
        this.entries.delete(t);
        continue;
      }
      e.stamp = after;
      if (table && t === table.tableId) e.pending = db;
    }
    return result;
  }

  settle(trx: object, committed: boolean): void {
    for (const [t, e] of this.entries) {
      if (e.pending !== trx) continue;
      if (committed) e.pending = null;
      else this.entries.delete(t);
    }
  }
}

const caches = new WeakMap<SQLite.Database, ConnectionCache>();

/** total_changes, data_version, schema_version of the connection: every write, by anyone, moves one of them. */
export function changeCounters(db: Executor): [number, number, number] {
  const [c, d, s] = columnCache(db).stamp().split(':').map(Number);
  return [c ?? 0, d ?? 0, s ?? 0];
}

export function columnCache(db: Executor): ConnectionCache {
  const sqlite = sqliteOf(db);
  let c = caches.get(sqlite);
  if (!c) {
    c = new ConnectionCache(sqlite);
    caches.set(sqlite, c);
  }
  return c;
}

/** Position of a row id in an entry (ids ascending), or -1. */
export function positionOf(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] ?? 0;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Writes to metadata only (fields, operations, settings, a new empty column): cached columns stay valid. */
export function besideColumns<T>(db: Executor, run: () => Promise<T>): Promise<T> {
  return columnCache(db).bracket(db, run);
}

/** A write to the rows of one table: `patch` applies it to the cached entry (false: drop the entry). */
export function withTableWrite<T>(db: Executor, tableId: string, run: () => Promise<T>, patch: (e: TableColumns) => boolean): Promise<T> {
  return columnCache(db).bracket(db, run, { tableId, patch });
}

/**
 * The one way our code runs work in a transaction (every write is all-or-nothing). It lives with the cache
 * because the cache must learn how the transaction ended: entries it changed become trusted on commit and are
 * dropped on rollback. Nested in a caller's transaction it just runs `fn` in it.
 */
export async function transact<T>(db: Executor, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  let owner: Transaction<Database> | undefined;
  try {
    const out = await (db as Kysely<Database>).transaction().execute((trx) => {
      owner = trx;
      return fn(trx);
    });
    if (owner) columnCache(db).settle(owner, true);
    return out;
  } catch (error) {
    if (owner) columnCache(db).settle(owner, false);
    throw error;
  }
}
