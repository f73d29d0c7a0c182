// Export a table (or its filtered, sorted rows) as CSV or XLSX, streamed. Everything a user can get wrong (the
// table, the fields, the filter and sort, the XLSX row limit) is checked before the first byte, so it still
// comes back as the JSON error envelope; the rows are then read in slices on the export's own snapshot.
import type { Executor } from '../../db/database';
import { sqlTable } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import { AppError } from '../../http/app-error';
import type { ExportQuery } from '../../../common';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { orderSql, parseFilterParam, parseSortParam } from '../rows/row-query';
import { whereOf } from '../rows/rows.read';
import { countRows, selectColumns } from '../rows/rows.repository';
import { openExportSource, RowCursor } from './export-source';
import { csvStream, xlsxStream } from './export-streams';

export interface ExportFile {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/** Excel's last row; the header takes one. */
export const XLSX_MAX_ROWS = 1_048_575;

export interface ExportOptions {
  /** The database file; the export reads it through its own read-only connection. */
  dbFile: string;
  xlsxMaxRows?: number;
  /** How long a client may read nothing before its export is given up (tests make it short). */
  stalledAfterMs?: number;
}

function selectedFields(all: readonly FieldMeta[], ids: string | undefined): FieldMeta[] {
  if (!ids) return all.filter((f) => !f.hidden);
  return ids.split(',').map((id) => {
    const f = all.find((x) => x.id === id.trim());
    if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId: id.trim() });
    return f;
  });
}

export async function exportTable(db: Executor, tableId: string, q: ExportQuery, options: ExportOptions): Promise<ExportFile> {
  const source = await openExportSource(db, options.dbFile);
  try {
    const table = await getTable(source.db, tableId);
    const all = await listFields(source.db, tableId);
    const fields = selectedFields(all, q.fields);
    const where = whereOf(all, { ...(q.q !== undefined ? { q: q.q } : {}), ...(q.filter ? { filter: parseFilterParam(q.filter) } : {}) });
    let query = userDb(source.db).selectFrom(sqlTable(tableId)).select(selectColumns(fields));
    if (where) query = query.where(where);
    const compiled = query.orderBy(orderSql(all, parseSortParam(q.sort))).compile();
    if (q.format === 'csv') {
      return { body: csvStream(new RowCursor(source, compiled, fields, options.stalledAfterMs), fields), contentType: 'text/csv; charset=utf-8', filename: `${table.name}.csv` };
    }
    const limit = options.xlsxMaxRows ?? XLSX_MAX_ROWS;
    if ((await countRows(source.db, tableId, where)) > limit) {
      throw new AppError('BAD_REQUEST', { reason: `XLSX holds at most ${limit} rows: export CSV, or filter the rows` });
    }
    const sheet = table.name.replace(/[*?:\\/[\]]/g, '_').slice(0, 31) || 'Sheet1';
    return {
      body: xlsxStream(new RowCursor(source, compiled, fields, options.stalledAfterMs), fields, sheet),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${table.name}.xlsx`,
    };
  } catch (error) {
    source.close();
    throw error;
  }
}
