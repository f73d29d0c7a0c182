// Bulk insert for imports: one INSERT of many rows, compiled by Kysely from generated identifiers and prepared
// once on the raw better-sqlite3 connection (db/raw.ts; Kysely would prepare it again for every batch), then run with
// values copied into one reused parameter array. Must run inside the caller's transaction on that connection.
import type SQLite from 'better-sqlite3';
import type { Executor } from '../../db/database';
import { sqlTable } from '../../db/ids';
import { sqliteOf } from '../../db/raw';
import { userDb } from '../../db/user-tables';
import type { SqlValue } from '../../db/user-tables';

/** SQLite allows 32,766 bound values per statement; more rows per statement than this gains nothing. */
const MAX_PARAMS = 32_000;
const MAX_ROWS = 200;

function insertSql(db: Executor, tableId: string, columns: readonly string[], rows: number): string {
  const row: Record<string, SqlValue> = {};
  for (const c of columns) row[c] = null;
  const query = userDb(db).insertInto(sqlTable(tableId)).values(Array.from({ length: rows }, () => row)).compile();
  if (query.parameters.length !== rows * columns.length) throw new Error('bulk insert: unexpected parameter count');
  return query.sql;
}

export class BulkInsert {
  /** Rows inserted so far; their ids are firstId … firstId + count − 1 (one transaction, AUTOINCREMENT). */
  count = 0;
  firstId = 0;
  private readonly params: SqlValue[];
  private readonly perStatement: number;
  private readonly statement: SQLite.Statement;
  private readonly sqlite: SQLite.Database;
  private pending = 0;

  /** `db` must be an open transaction: every batch is part of it. */
  constructor(
    private readonly db: Executor,
    private readonly tableId: string,
    private readonly columns: readonly string[],
  ) {
    const sqlite = sqliteOf(db);
    if (!db.isTransaction || !sqlite.inTransaction) throw new Error('bulk insert outside a transaction');
    this.sqlite = sqlite;
    this.perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
    this.params = new Array<SqlValue>(this.perStatement * columns.length).fill(null);
    this.statement = sqlite.prepare(insertSql(db, tableId, columns, this.perStatement));
  }

  /** Queues one row (values in column order; the array is copied, so the caller may reuse it). */
  push(values: readonly SqlValue[]): void {
    const width = this.columns.length;
    const at = this.pending * width;
    for (let k = 0; k < width; k++) this.params[at + k] = values[k] ?? null;
    if (++this.pending === this.perStatement) {
      this.track(this.statement.run(this.params), this.pending);
      this.pending = 0;
    }
  }

  /** Inserts the queued rows (a last, shorter statement). */
  flush(): void {
    if (this.pending === 0) return;
    const rest = this.sqlite.prepare(insertSql(this.db, this.tableId, this.columns, this.pending));
    this.track(rest.run(this.params.slice(0, this.pending * this.columns.length)), this.pending);
    this.pending = 0;
  }

  private track(result: SQLite.RunResult, rows: number): void {
    const last = Number(result.lastInsertRowid);
    if (this.count === 0) this.firstId = last - rows + 1;
    else if (last !== this.firstId + this.count + rows - 1) throw new Error('bulk insert: row ids are not consecutive');
    this.count += rows;
  }
}
