// An uploaded file (on disk) as records of text: CSV streamed (encoding and delimiter detected, or given by the
// preview that detected them) or an XLSX sheet.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { isoFromSerial, serialFromParts } from '../../../formulas/eval/dates';
import { AppError } from '../../http/app-error';
import { CsvTokenizer } from './csv-tokenizer';
import type { CsvProblem } from './csv-tokenizer';
import { contentStart, gunzip, isGzip, isZip, readText } from './decode';
import type { TextEncodingName } from './decode';

export interface SourceInfo {
  kind: 'csv' | 'xlsx';
  /** A TextEncodingName, or "xlsx". */
  encoding: string;
  delimiter: string | null;
  sheets?: string[];
  sheet?: string;
}

/** What the preview found out, so that reading the file again needs no detection. */
export interface ReadHints {
  kind?: 'csv' | 'xlsx';
  encoding?: TextEncodingName;
  delimiter?: string;
  sheet?: string;
}

/**
 * How an XLSX cell was stored. A cell stored as text (a shared or inline string, a formula's text result) is
 * text whatever its characters; the others keep their type. CSV cells have none: their text is read for one.
 */
export type StoredAs = 'text' | 'number' | 'boolean' | 'date' | 'error';

/**
 * Called for every record, the header first (index 0). `fields[0 … count-1]` are the values; the array is
 * reused, so copy what you keep. `problem` is set for a record that could not be read. `stored` (XLSX only,
 * reused too) says how each value was stored; a number's text is its shortest exact form (String(n)).
 */
export type RecordVisitor = (fields: string[], count: number, index: number, problem: CsvProblem | undefined, stored?: readonly StoredAs[]) => void;

const DELIMITERS = [',', '\t', ';', '|'];

function guessDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 50, delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
  return guess.meta.delimiter || ',';
}

async function readCsv(file: string, hints: ReadHints, makeVisitor: () => RecordVisitor): Promise<SourceInfo> {
  let tokenizer: CsvTokenizer | undefined;
  let delimiter = hints.delimiter;
  const info = await readText(file, hints.encoding, () => {
    // A fresh visitor and tokenizer for each reading of the file.
    const visit = makeVisitor();
    let index = 0;
    tokenizer = undefined;
    return (text, { newline }) => {
      if (!tokenizer) {
        delimiter ??= guessDelimiter(text);
        tokenizer = new CsvTokenizer(delimiter, newline, (fields, count, problem) => visit(fields, count, index++, problem));
      }
      tokenizer.push(text);
    };
  });
  tokenizer?.end();
  return { kind: 'csv', encoding: info.encoding, delimiter: delimiter ?? ',' };
}

function dateText(value: Date): string {
  const iso = isoFromSerial(serialFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
  const time = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0 ? ` ${value.toISOString().slice(11, 19)}` : '';
  return iso + time;
}

/** Text as ExcelJS gives it: a string, or rich text (runs of text). */
function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || !('richText' in value) || !Array.isArray(value.richText)) return undefined;
  return value.richText.map((r: unknown) => (typeof r === 'object' && r !== null && 'text' in r ? String(r.text) : '')).join('');
}

interface ReadCell {
  text: string;
  stored: StoredAs;
}

const BLANK: ReadCell = { text: '', stored: 'text' };

/** A value as ExcelJS gives it, or a formula's cached result (which ExcelJS does not type: booleans and errors too). */
function readValue(value: unknown): ReadCell {
  if (value === null || value === undefined) return BLANK;
  const text = plainText(value);
  if (text !== undefined) return { text, stored: 'text' };
  if (typeof value === 'number') return { text: String(value), stored: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', stored: 'boolean' };
  if (value instanceof Date) return { text: dateText(value), stored: 'date' };
  if (typeof value === 'object') {
    if ('error' in value) return { text: String(value.error), stored: 'error' };
    // A hyperlink: its text, plain or rich.
    if ('text' in value) return { text: plainText(value.text) ?? '', stored: 'text' };
  }
  return BLANK;
}

function readCell(cell: ExcelJS.Cell): ReadCell {
  // Each cell of a merged range shows the value of its first cell.
  const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  // cell.value drops a formula's falsy results (0, FALSE): its cached result is read on its own.
  if (source.type === ExcelJS.ValueType.Formula) return readValue(source.result);
  return readValue(source.value);
}

async function readXlsx(file: string, sheetName: string | undefined, visit: RecordVisitor): Promise<SourceInfo> {
  const raw = await readFile(file);
  const bytes = isGzip(raw) ? gunzip(raw) : raw;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_UNREADABLE', { reason: 'the XLSX file is damaged', reasonZh: 'XLSX 文件已损坏' });
  }
  const sheets = wb.worksheets.map((s) => s.name);
  const ws = sheetName !== undefined ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    throw new AppError('IMPORT_UNREADABLE', { reason: `no sheet named "${sheetName ?? ''}" (sheets: ${sheets.join(', ')})`, reasonZh: `没有名为“${sheetName ?? ''}”的工作表（现有：${sheets.join('、')}）` });
  }
  const width = ws.columnCount;
  let headerWidth = -1;
  let index = 0;
  const stored: StoredAs[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    let rec: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = readCell(row.getCell(c));
      rec.push(cell.text);
      stored[c - 1] = cell.stored;
    }
    if (headerWidth < 0) while (rec.length > 0 && rec[rec.length - 1] === '') rec.pop();
    if (!rec.some((v) => v !== '')) return;
    if (headerWidth < 0) headerWidth = rec.length;
    else if (rec.length > headerWidth && rec.slice(headerWidth).every((v) => v === '')) rec = rec.slice(0, headerWidth);
    visit(rec, rec.length, index++, undefined, stored);
  });
  return { kind: 'xlsx', encoding: 'xlsx', delimiter: null, sheets, sheet: ws.name };
}

/** Reads every record of the file. `makeVisitor` is called again (for a fresh visitor) if the CSV must be re-read in another encoding. */
export async function readRecords(file: string, filename: string, hints: ReadHints, makeVisitor: () => RecordVisitor): Promise<SourceInfo> {
  const kind = hints.kind ?? (isZip(await contentStart(file)) || /\.xlsx(\.gz)?$/i.test(filename) ? 'xlsx' : 'csv');
  if (kind === 'xlsx') return readXlsx(file, hints.sheet, makeVisitor());
  return readCsv(file, hints, makeVisitor);
}
