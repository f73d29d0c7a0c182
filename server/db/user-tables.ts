// User tables: one real SQL table per table (t_<id>) with one typed column per field (c_<id>), formula fields
// with a second column (e_<id>) for error values and booleans. Identifiers come from generated ids only.
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { CellValue, FieldType } from '../../common';
import type { Executor } from './database';
import { sqlColumn, sqlTable, sqlTagColumn } from './ids';

export type SqlValue = string | number | bigint | null;
export type UserRecord = Record<string, SqlValue>;
export type UserTables = Record<string, UserRecord>;

/** The user tables' side of an executor (table and column names are generated at run time). */
export function userDb(db: Executor): Kysely<UserTables> {
  return db as unknown as Kysely<UserTables>;
}

export const ROW_ID = 'id';
export const ROW_VERSION = '_version';

function columnType(type: FieldType): RawBuilder<unknown> {
  switch (type) {
    case 'number':
      return sql`real`;
    case 'boolean':
      return sql`integer`;
    case 'formula':
      return sql`blob`;
    default:
      return sql`text`;
  }
}

export interface ColumnSpec {
  id: string;
  type: FieldType;
}

export async function createUserTable(db: Executor, tableId: string, fields: readonly ColumnSpec[]): Promise<void> {
  let builder = db.schema
    .createTable(sqlTable(tableId))
    .addColumn(ROW_ID, 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn(ROW_VERSION, 'integer', (c) => c.notNull().defaultTo(1));
  for (const f of fields) {
    builder = builder.addColumn(sqlColumn(f.id), columnType(f.type));
    if (f.type === 'formula') builder = builder.addColumn(sqlTagColumn(f.id), 'text');
  }
  await builder.execute();
}

export async function addUserColumn(db: Executor, tableId: string, field: ColumnSpec): Promise<void> {
  await db.schema.alterTable(sqlTable(tableId)).addColumn(sqlColumn(field.id), columnType(field.type)).execute();
  if (field.type === 'formula') await db.schema.alterTable(sqlTable(tableId)).addColumn(sqlTagColumn(field.id), 'text').execute();
}

/** Replaces a column by an empty one of another type (the caller refills it). */
export async function retypeUserColumn(
  db: Executor,
  tableId: string,
  field: ColumnSpec,
  from: FieldType,
): Promise<void> {
  const table = sqlTable(tableId);
  await db.schema.alterTable(table).dropColumn(sqlColumn(field.id)).execute();
  if (from === 'formula') await db.schema.alterTable(table).dropColumn(sqlTagColumn(field.id)).execute();
  await addUserColumn(db, tableId, field);
}

export async function dropUserTable(db: Executor, tableId: string): Promise<void> {
  await db.schema.dropTable(sqlTable(tableId)).ifExists().execute();
}

/** Stored value(s) → JSON cell value. */
export function decodeCell(type: FieldType, value: unknown, tag: unknown): CellValue {
  if (type === 'formula') {
    if (typeof tag === 'string') {
      if (tag === 'B') return value === 1 || value === 1n;
      try {
        return JSON.parse(tag) as CellValue;
      } catch {
        return { error: '#VALUE!' };
      }
    }
  }
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value === 1 || value === 1n;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  return null;
}

/** JSON cell value (already valid for the field) → stored [value, tag]. */
export function encodeCell(type: FieldType, value: CellValue): [SqlValue, SqlValue] {
  if (value === null) return [null, null];
  if (typeof value === 'object') return [null, JSON.stringify(value)];
  if (typeof value === 'boolean') return [value ? 1 : 0, type === 'formula' ? 'B' : null];
  if (typeof value === 'number' && !Number.isFinite(value)) return [null, type === 'formula' ? JSON.stringify({ error: '#NUM!' }) : null];
  return [value, null];
}
