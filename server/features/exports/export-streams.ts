// The bodies of an export as web streams: each pull first gives the event loop a turn, then reads one slice of
// rows, so other requests are answered during a long export and memory holds about one slice. A client that
// goes away cancels the stream, which closes the cursor (and with it the export's connection).
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../common';
import type { FieldMeta } from '../meta';
import type { RowCursor } from './export-source';

function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * OWASP "CSV injection": Excel and its kin run a cell that starts with = + - @ tab or CR as a formula, so such
 * text gets a leading single quote (shown as text, not run). Only text: a number, a negative one too, stays a number.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(v: CellValue): string {
  return csvField(typeof v === 'string' ? neutralised(v) : cellText(v));
}

/** RFC 4180 quoting, as Papa Parse's unparse does it. */
function csvField(text: string): string {
  const needs = /[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

function isDateField(f: FieldMeta): boolean {
  return f.type === 'date' || (f.type === 'formula' && f.resultType === 'date');
}

function logFailure(error: unknown): void {
  console.error('[segsheet] export failed while streaming:', error);
}

/** UTF-8 with a BOM (so Excel shows Chinese), a header line, CRLF line ends. */
export function csvStream(cursor: RowCursor, fields: readonly FieldMeta[]): ReadableStream<Uint8Array> {
  let headerSent = false;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(Buffer.from('\uFEFF' + fields.map((f) => csvField(neutralised(f.name))).join(',') + '\r\n'));
        return;
      }
      await nextTurn();
      if (cancelled) return;
      let text = '';
      let more: boolean;
      try {
        more = cursor.readSlice((cells) => {
          let line = '';
          for (let i = 0; i < cells.length; i++) line += (i > 0 ? ',' : '') + csvCell(cells[i] ?? null);
          text += line + '\r\n';
        });
      } catch (error) {
        logFailure(error);
        throw error;
      }
      if (text !== '') controller.enqueue(Buffer.from(text));
      if (!more) controller.close();
    },
    cancel() {
      cancelled = true;
      cursor.close();
    },
  });
}

function xlsxValue(f: FieldMeta, v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  if (typeof v === 'string') {
    if (isDateField(f) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
    // As an inline string (t="inlineStr", spaces preserved): ExcelJS writes a plain string as a formula's text
    // result (t="str"), whose leading and trailing spaces LibreOffice drops.
    return { richText: [{ text: v }] };
  }
  return v;
}

/** Characters as Excel's column width counts them: a CJK or full-width character takes two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

function cellWidth(v: ExcelJS.CellValue): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'object') return 'richText' in v ? displayWidth(v.richText.map((r) => r.text).join('')) : 7;
  return displayWidth(String(v));
}

/** Wide enough for the header and the first rows' values (the widths must be set before any row is written). */
export function columnWidth(header: string, values: readonly ExcelJS.CellValue[]): number {
  let widest = displayWidth(header);
  for (const v of values) widest = Math.max(widest, cellWidth(v));
  return Math.min(50, Math.max(8, widest + 2));
}

/**
 * ExcelJS's streaming writer, fed a slice of rows whenever its zipped output has nothing to give, so rows are
 * not read faster than the client takes the file. The first slice is read before the header, to size columns.
 */
export function xlsxStream(cursor: RowCursor, fields: readonly FieldMeta[], sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const output = out[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName);
  const rowOf = (cells: readonly CellValue[]): ExcelJS.CellValue[] => fields.map((f, i) => xlsxValue(f, cells[i] ?? null));
  let started = false;
  const start = (first: readonly ExcelJS.CellValue[][]): void => {
    started = true;
    ws.columns = fields.map((f, i) => ({
      header: f.name,
      key: f.id,
      width: columnWidth(f.name, first.map((r) => r[i] ?? null)),
      ...(isDateField(f) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of first) ws.addRow(r).commit();
  };
  let finishing = false;
  const finish = (): void => {
    finishing = true;
    ws.commit();
    wb.commit().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  };
  let cancelled = false;
  const stop = (): void => {
    cursor.close();
    out.destroy();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (!finishing && out.readableLength === 0) {
          await nextTurn();
          if (cancelled) return;
          let more: boolean;
          if (started) more = cursor.readSlice((cells) => void ws.addRow(rowOf(cells)).commit());
          else {
            const first: ExcelJS.CellValue[][] = [];
            more = cursor.readSlice((cells) => void first.push(rowOf(cells)));
            start(first);
          }
          if (!more) finish();
        }
        const next = await output.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        stop();
        if (cancelled) return;
        logFailure(error);
        throw error;
      }
    },
    cancel() {
      cancelled = true;
      stop();
    },
  });
}
