// Export a table (or its filtered, sorted rows) as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Executor } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { CellValue, ExportQuery } from '../../wire';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { orderSql, parseFilterParam, parseSortParam } from '../rows/row-query';
import { whereOf } from '../rows/rows.read';
import { readRows } from '../rows/rows.repository';

export interface ExportFile {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function isDateField(f: FieldMeta): boolean {
  return f.type === 'date' || (f.type === 'formula' && f.resultType === 'date');
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
  const where = whereOf(all, { ...(q.q !== undefined ? { q: q.q } : {}), ...(q.filter ? { filter: parseFilterParam(q.filter) } : {}) });
  const rows = await readRows(db, tableId, fields, { ...(where ? { where } : {}), order: orderSql(all, parseSortParam(q.sort)) });
  if (q.format === 'csv') {
    const csv = Papa.unparse({ fields: fields.map((f) => f.name), data: rows.map((r) => fields.map((f) => cellText(r.cells[f.id] ?? null))) }, { newline: '\r\n' });
    return { body: new TextEncoder().encode(`\uFEFF${csv}\r\n`), contentType: 'text/csv; charset=utf-8', filename: `${table.name}.csv` };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.name.replace(/[*?:\\/[\]]/g, '_').slice(0, 31) || 'Sheet1');
  ws.columns = fields.map((f) => ({ header: f.name, key: f.id, width: Math.min(40, Math.max(10, f.name.length * 2 + 2)), ...(isDateField(f) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  for (const r of rows) {
    ws.addRow(
      fields.map((f) => {
        const v = r.cells[f.id] ?? null;
        if (v === null) return null;
        if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
        if (typeof v === 'string' && isDateField(f) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
        return v;
      }),
    );
  }
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${table.name}.xlsx`,
  };
}
