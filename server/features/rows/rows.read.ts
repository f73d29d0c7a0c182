// GET /api/tables/:id/rows: a page of rows with sort, filter and search in SQL.
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import type { Filter, RowsPage, Sort } from '../../../common';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { filterSql, orderSql, searchSql } from './row-query';
import { countRows, readRows } from './rows.repository';

export interface RowSelection {
  sort?: Sort;
  filter?: Filter;
  q?: string;
}

export function whereOf(fields: readonly FieldMeta[], sel: RowSelection): RawBuilder<boolean> | undefined {
  const parts: RawBuilder<boolean>[] = [];
  if (sel.filter) parts.push(filterSql(fields, sel.filter));
  if (sel.q && sel.q.trim() !== '') parts.push(searchSql(fields, sel.q));
  if (parts.length === 0) return undefined;
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export async function readPage(
  db: Executor,
  tableId: string,
  sel: RowSelection & { offset: number; limit: number },
): Promise<RowsPage> {
  await getTable(db, tableId);
  const fields = await listFields(db, tableId);
  const where = whereOf(fields, sel);
  const order = orderSql(fields, sel.sort ?? []);
  const rows = await readRows(db, tableId, fields, { where, order, offset: sel.offset, limit: sel.limit });
  const total = await countRows(db, tableId, where);
  return { rows, total };
}
