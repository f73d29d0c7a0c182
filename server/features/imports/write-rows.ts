// The commit's one pass over the file: each record is converted by per-column converters compiled once and
// queued into one prepared multi-row INSERT; no object is made per row. Bad rows are counted and listed
// (the first 100); with badRows "abort" nothing more is inserted after the first one (the caller rolls back).
import type { Executor } from '../../db/database';
import { sqlColumn } from '../../db/ids';
import type { SqlValue } from '../../db/user-tables';
import type { MessageLanguage } from '../../http/app-error';
import type { BadRow } from '../../../common';
import type { FieldMeta } from '../meta';
import { BulkInsert } from './bulk-insert';
import { BAD, badReason, converterFor } from './convert';
import type { CsvProblem } from './csv-tokenizer';
import type { ImportJob } from './imports.store';
import { textEncoding } from './imports.store';
import { readRecords } from './read-source';

export const MAX_BAD_ROWS = 100;
const PROGRESS_EVERY = 25_000;

export function problemReason(problem: CsvProblem, lang: MessageLanguage): string {
  switch (problem) {
    case 'unclosed-quote':
      return lang === 'zh-CN' ? '引号没有闭合（这一行读到了文件末尾）' : 'a quoted value is never closed (the row runs to the end of the file)';
    case 'bad-quote':
      return lang === 'zh-CN' ? '引号闭合后还有多余的字符' : 'text follows the closing quote of a value';
  }
}

export function raggedReason(got: number, want: number, lang: MessageLanguage): string {
  return lang === 'zh-CN' ? `这一行有 ${got} 个值，表头有 ${want} 列` : `the row has ${got} values but the header has ${want} columns`;
}

export interface WriteOptions {
  trx: Executor;
  tableId: string;
  /** One per file column: the field it goes into, or null. */
  targets: readonly (FieldMeta | null)[];
  abortOnBad: boolean;
  /** Keep the stored values of the inserted rows (for the undo log of a small append). */
  keepValues: boolean;
  /** Keep each field's stored values as a column (for the column cache of a new table). */
  keepColumns: boolean;
  lang: MessageLanguage;
  onProgress: (rows: number) => void;
}

export interface Written {
  inserted: number;
  /** The new rows' ids, in file order (they are consecutive). */
  firstId: number;
  /** With keepValues: the stored values of each inserted row, in the order of `fields`. */
  values: SqlValue[][];
  /** With keepColumns: the stored values of each field (in the order of `fields`), row by row. */
  columns: SqlValue[][];
  fields: FieldMeta[];
  badCount: number;
  badRows: BadRow[];
}

export async function writeRows(job: ImportJob, o: WriteOptions): Promise<Written> {
  const width = job.learnt.columns.length;
  const names = job.learnt.columns.map((c) => c.name);
  const columnIndex: number[] = [];
  const fields: FieldMeta[] = [];
  o.targets.forEach((t, i) => {
    if (!t) return;
    columnIndex.push(i);
    fields.push(t);
  });
  const converters = fields.map(converterFor);
  const n = fields.length;
  const insert = new BulkInsert(o.trx, o.tableId, fields.map((f) => sqlColumn(f.id)));
  const row = new Array<SqlValue>(n).fill(null);
  const values: SqlValue[][] = [];
  const columns: SqlValue[][] = o.keepColumns ? fields.map(() => []) : [];
  const badRows: BadRow[] = [];
  let badCount = 0;
  const bad = (entry: BadRow): void => {
    badCount++;
    if (badRows.length < MAX_BAD_ROWS) badRows.push(entry);
  };
  let started = false;
  let queued = 0;
  await readRecords(job.file, job.filename, { kind: job.learnt.kind, encoding: textEncoding(job.learnt), delimiter: job.learnt.delimiter ?? undefined, sheet: job.learnt.sheet }, () => {
    // With the encoding known the file is read once; a second reading would insert twice.
    if (started) throw new Error('import: the file was read twice');
    started = true;
    return (record, count, index, problem, stored) => {
      if (index === 0) return;
      const rowNumber = index + 1;
      if (problem !== undefined || count !== width) {
        bad({ row: rowNumber, column: '', value: null, reason: problem !== undefined ? problemReason(problem, o.lang) : raggedReason(count, width, o.lang) });
        return;
      }
      for (let k = 0; k < n; k++) {
        const column = columnIndex[k] ?? 0;
        const raw = record[column] ?? '';
        const v = converters[k]?.(raw, stored?.[column]) ?? null;
        if (v === BAD) {
          const field = fields[k];
          bad({ row: rowNumber, column: names[columnIndex[k] ?? 0] ?? '', value: raw, reason: field ? badReason(field, raw, o.lang) : '' });
          return;
        }
        row[k] = v;
      }
      if (badCount > 0 && o.abortOnBad) return;
      insert.push(row);
      if (o.keepValues) values.push(row.slice());
      if (o.keepColumns) for (let k = 0; k < n; k++) columns[k]?.push(row[k] ?? null);
      if (++queued % PROGRESS_EVERY === 0) o.onProgress(queued);
    };
  });
  insert.flush();
  return { inserted: insert.count, firstId: insert.firstId, values, columns, fields, badCount, badRows };
}
