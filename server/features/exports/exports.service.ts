// Export a table (or its filtered, sorted rows) as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX.
// Rows are read in one pass of a raw statement (SQL compiled by Kysely) while holding the connection, decoded
// into one reused array, and written straight into the file: no Row object per row. XLSX uses ExcelJS's
// streaming writer, so a 1M-row table does not build a whole workbook in memory.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/database';
import { sqlTable } from '../../db/ids';
import { sqliteOf, withConnection } from '../../db/raw';
import { decodeCell, userDb } from '../../db/user-tables';
import { AppError } from '../../http/app-error';
import type { CellValue, ExportQuery } from '../../wire';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { orderSql, parseFilterParam, parseSortParam } from '../rows/row-query';
import { whereOf } from '../rows/rows.read';
import { selectColumns } from '../rows/rows.repository';

export interface ExportFile {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

/** Excel's last row; the header takes one. */
const XLSX_MAX_ROWS = 1_048_575;

function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** RFC 4180 quoting, as Papa Parse's unparse does it. */
function csvField(text: string): string {
  const needs = /[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

function isDateField(f: FieldMeta): boolean {
  return f.type === 'date' || (f.type === 'formula' && f.resultType === 'date');
}

interface Selection {
  tableId: string;
  fields: FieldMeta[];
  all: FieldMeta[];
  q: ExportQuery;
}

/** Calls `visit` with each selected row's cells (one array, reused), in order. */
async function eachRow(db: Executor, s: Selection, visit: (cells: CellValue[]) => void): Promise<void> {
  const where = whereOf(s.all, { ...(s.q.q !== undefined ? { q: s.q.q } : {}), ...(s.q.filter ? { filter: parseFilterParam(s.q.filter) } : {}) });
  const columns = selectColumns(s.fields);
  let query = userDb(db).selectFrom(sqlTable(s.tableId)).select(columns);
  if (where) query = query.where(where);
  const compiled = query.orderBy(orderSql(s.all, parseSortParam(s.q.sort))).compile();
  // Position of each field's value (and tag) in the selected columns: id, _version, then c_ (+ e_ for formulas).
  const at: number[] = [];
  let k = 2;
  for (const f of s.fields) {
    at.push(k);
    k += f.type === 'formula' ? 2 : 1;
  }
  await withConnection(db, (conn) => {
    const stmt = sqliteOf(conn).prepare(compiled.sql).raw(true);
    const cells = new Array<CellValue>(s.fields.length).fill(null);
    for (const row of stmt.iterate(compiled.parameters) as IterableIterator<unknown[]>) {
      for (let i = 0; i < s.fields.length; i++) {
        const f = s.fields[i];
        const p = at[i] ?? 0;
        if (f) cells[i] = decodeCell(f.type, row[p], f.type === 'formula' ? row[p + 1] : null);
      }
      visit(cells);
    }
  });
}

async function csvFile(db: Executor, s: Selection): Promise<Uint8Array> {
  const parts: Buffer[] = [Buffer.from('\uFEFF' + s.fields.map((f) => csvField(f.name)).join(',') + '\r\n')];
  let text = '';
  await eachRow(db, s, (cells) => {
    let line = '';
    for (let i = 0; i < cells.length; i++) line += (i > 0 ? ',' : '') + csvField(cellText(cells[i] ?? null));
    text += line + '\r\n';
    if (text.length > 1 << 20) {
      parts.push(Buffer.from(text));
      text = '';
    }
  });
  parts.push(Buffer.from(text));
  return Buffer.concat(parts);
}

function xlsxValue(f: FieldMeta, v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  if (typeof v === 'string' && isDateField(f) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

async function xlsxFile(db: Executor, s: Selection, sheetName: string): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName);
  ws.columns = s.fields.map((f) => ({ header: f.name, key: f.id, width: Math.min(40, Math.max(10, f.name.length * 2 + 2)), ...(isDateField(f) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let count = 0;
  await eachRow(db, s, (cells) => {
    if (++count > XLSX_MAX_ROWS) throw new AppError('BAD_REQUEST', { reason: `XLSX holds at most ${XLSX_MAX_ROWS} rows: export CSV, or filter the rows` });
    ws.addRow(s.fields.map((f, i) => xlsxValue(f, cells[i] ?? null))).commit();
  });
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

export async function exportTable(db: Executor, tableId: string, q: ExportQuery): Promise<ExportFile> {
  const table = await getTable(db, tableId);
  const all = await listFields(db, tableId);
  let fields: FieldMeta[];
  if (q.fields) {
    fields = q.fields.split(',').map((id) => {
      const f = all.find((x) => x.id === id.trim());
      if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId: id.trim() });
      return f;
    });
  } else fields = all.filter((f) => !f.hidden);
  const selection: Selection = { tableId, fields, all, q };
  if (q.format === 'csv') return { body: await csvFile(db, selection), contentType: 'text/csv; charset=utf-8', filename: `${table.name}.csv` };
  const sheet = table.name.replace(/[*?:\\/[\]]/g, '_').slice(0, 31) || 'Sheet1';
  return {
    body: await xlsxFile(db, selection, sheet),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${table.name}.xlsx`,
  };
}
