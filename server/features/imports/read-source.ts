// An uploaded file as records of text: CSV (delimiter detected) or an XLSX sheet.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { isoFromSerial, serialFromParts } from '../../../formulas/eval/dates';
import { AppError } from '../../http/app-error';
import { decodeText, gunzip, isGzip, isZip } from './decode';

export interface Source {
  kind: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  sheets?: string[];
  sheet?: string;
  /** Calls `cb` for every record, the header first (index 0). `problem` is set for a record that could not be read. */
  forEach(cb: (record: string[], index: number, problem?: string) => void): void;
}

const DELIMITERS = [',', '\t', ';', '|'];

function csvSource(text: string, encoding: string): Source {
  const sample = text.slice(0, 64 * 1024);
  const guess = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
  const delimiter = guess.meta.delimiter || ',';
  return {
    kind: 'csv',
    encoding,
    delimiter,
    forEach(cb) {
      let index = 0;
      Papa.parse<string[]>(text, {
        delimiter,
        skipEmptyLines: 'greedy',
        step: (result) => {
          const problem = result.errors.find((e) => e.type === 'Quotes');
          cb(result.data, index++, problem ? problem.message : undefined);
        },
      });
    },
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = isoFromSerial(serialFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
    const time = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0 ? ` ${value.toISOString().slice(11, 19)}` : '';
    return iso + time;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

async function xlsxSource(bytes: Buffer, sheetName: string | undefined): Promise<Source> {
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
  const records: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const rec: string[] = [];
    for (let c = 1; c <= width; c++) rec.push(cellText(row.getCell(c).value));
    while (rec.length > 0 && rec[rec.length - 1] === '' && records.length === 0) rec.pop();
    if (rec.some((v) => v !== '')) records.push(rec);
  });
  const headerWidth = records[0]?.length ?? 0;
  return {
    kind: 'xlsx',
    encoding: 'xlsx',
    delimiter: null,
    sheets,
    sheet: ws.name,
    forEach(cb) {
      records.forEach((r, i) => cb(i === 0 ? r : r.length > headerWidth && r.slice(headerWidth).every((v) => v === '') ? r.slice(0, headerWidth) : r, i));
    },
  };
}

export async function readSource(raw: Buffer, filename: string, sheet: string | undefined): Promise<Source> {
  let bytes = raw;
  if (isGzip(bytes)) bytes = gunzip(bytes);
  if (isZip(bytes) || /\.xlsx$/i.test(filename)) return xlsxSource(bytes, sheet);
  if (bytes.includes(0)) {
    throw new AppError('IMPORT_UNREADABLE', { reason: 'this is not a text (CSV) file', reasonZh: '这不是文本（CSV）文件' });
  }
  const { text, encoding } = decodeText(bytes);
  return csvSource(text, encoding);
}
