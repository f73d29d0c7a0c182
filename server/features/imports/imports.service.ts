// Import: upload → preview (types from every row, one streamed pass) → commit into a new table or appended with
// a mapping (one more streamed pass that reuses what the preview learnt). The commit is all-or-nothing in one
// transaction; bad rows are skipped or abort the whole import.
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, notFound } from '../../http/app-error';
import type { MessageLanguage } from '../../http/app-error';
import type { AppDeps } from '../../deps';
import type { BadRow, CellValue, FieldInput, ImportCommitResult, ImportPreview } from '../../../common';
import { ImportCommitSchema } from '../../../common';
import { recordOperation } from '../history/record-operation';
import { getTable, getWorkbook, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { freeName } from '../names';
import { ChangeCollector } from '../recompute/changes';
import { recompute } from '../recompute/recompute.service';
import { besideColumns, COLUMN_CACHE_CELLS, transact, withTableWrite } from '../recompute/column-cache';
import { adoptTable } from '../recompute/frames';
import { createTable } from '../tables/tables.service';
import { ColumnStats } from './detect';
import type { ImportJob, ImportStore, Learnt } from './imports.store';
import { readRecords } from './read-source';
import { MAX_BAD_ROWS, problemReason, raggedReason, writeRows } from './write-rows';

type Commit = z.output<typeof ImportCommitSchema>;

const PREVIEW_ROWS = 20;
/** Appends larger than this are not kept in the undo log (their data would double the database). */
const MAX_UNDO_ROWS = 50_000;

function columnNames(header: readonly string[], lang: MessageLanguage): string[] {
  const names: string[] = [];
  header.forEach((raw, i) => {
    let name = raw.replace(/^\uFEFF/, '').trim().replace(/[{[]/g, '(').replace(/[}\]]/g, ')');
    if (name === '') name = lang === 'zh-CN' ? `列${i + 1}` : `Column ${i + 1}`;
    names.push(freeName(name.slice(0, 200), names));
  });
  return names;
}

export interface Upload {
  id: string;
  /** The uploaded file on disk. */
  file: string;
  filename: string;
  sheet?: string;
}

/** Reads the whole file once: column names, types from every row, the first rows, the unreadable rows. */
export async function createImport(deps: AppDeps, store: ImportStore, workbookId: string, upload: Upload, lang: MessageLanguage): Promise<ImportPreview> {
  await getWorkbook(deps.db, workbookId);
  let names: string[] = [];
  let stats: ColumnStats[] = [];
  let rows: (string | null)[][] = [];
  let badRows: BadRow[] = [];
  let rowCount = 0;
  const source = await readRecords(upload.file, upload.filename, upload.sheet !== undefined ? { sheet: upload.sheet } : {}, () => {
    names = [];
    stats = [];
    rows = [];
    badRows = [];
    rowCount = 0;
    return (record, count, index, problem, stored) => {
      if (index === 0) {
        names = columnNames(record.slice(0, count), lang);
        stats = names.map(() => new ColumnStats());
        return;
      }
      rowCount++;
      const width = names.length;
      if (problem !== undefined || count !== width) {
        if (badRows.length < MAX_BAD_ROWS) badRows.push({ row: index + 1, column: '', value: null, reason: problem !== undefined ? problemReason(problem, lang) : raggedReason(count, width, lang) });
        return;
      }
      for (let i = 0; i < width; i++) stats[i]?.add(record[i] ?? '', stored?.[i]);
      if (rows.length < PREVIEW_ROWS) rows.push(record.slice(0, count).map((v) => (v === '' ? null : v)));
    };
  });
  if (names.length === 0) throw new AppError('IMPORT_UNREADABLE', { reason: 'the file is empty', reasonZh: '文件是空的' });
  const columns = names.map((name, i) => {
    const s = stats[i] ?? new ColumnStats();
    return { name, type: s.type, samples: s.samples, problems: s.problems(lang) };
  });
  const learnt: Learnt = {
    kind: source.kind,
    encoding: source.encoding,
    delimiter: source.delimiter,
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
    rowCount,
  };
  await store.add(deps, { id: upload.id, workbookId, filename: upload.filename, file: upload.file, learnt });
  return {
    id: upload.id,
    filename: upload.filename,
    encoding: source.encoding,
    delimiter: source.delimiter,
    ...(source.sheets ? { sheets: source.sheets } : {}),
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    rowCount,
    columns,
    rows,
    badRows,
  };
}

const noColumn = (name: string): AppError => new AppError('IMPORT_MAPPING', { reason: `no column named "${name}"`, reasonZh: `没有名为“${name}”的列` });

/** The table the rows go into, and one target field per file column (null: the column is not imported). */
async function prepareTarget(trx: Transaction<Database>, job: ImportJob, body: Commit): Promise<{ tableId: string; targets: (FieldMeta | null)[] }> {
  const columns = job.learnt.columns;
  for (const name of Object.keys(body.types ?? {})) if (!columns.some((c) => c.name === name)) throw noColumn(name);
  if ('name' in body.target) {
    const fields: FieldInput[] = columns.map((c) => ({ name: c.name, type: body.types?.[c.name] ?? c.type }));
    const table = await createTable(trx, job.workbookId, { name: body.target.name, fields }, { record: false });
    const metas = await listFields(trx, table.id);
    return { tableId: table.id, targets: columns.map((c) => metas.find((f) => f.name === c.name) ?? null) };
  }
  const table = await getTable(trx, body.target.tableId);
  if (table.workbookId !== job.workbookId) throw notFound('table', table.id);
  const metas = await listFields(trx, table.id);
  const mapping = body.target.mapping;
  for (const [column, fieldId] of Object.entries(mapping)) {
    if (!columns.some((c) => c.name === column)) throw noColumn(column);
    const f = fieldId === null ? undefined : metas.find((m) => m.id === fieldId);
    if (fieldId !== null && (!f || f.type === 'formula')) {
      throw new AppError('IMPORT_MAPPING', { reason: `column "${column}" maps to a field that cannot take data (${fieldId})`, reasonZh: `列“${column}”对应的字段不存在或是公式字段` });
    }
  }
  const targets = columns.map((c) => {
    const fieldId = mapping[c.name];
    return fieldId ? (metas.find((m) => m.id === fieldId) ?? null) : null;
  });
  if (targets.every((t) => t === null)) throw new AppError('IMPORT_MAPPING', { reason: 'no column is mapped to a field', reasonZh: '没有任何列对应到字段' });
  return { tableId: table.id, targets };
}

export async function commitImport(deps: AppDeps, store: ImportStore, importId: string, body: Commit, lang: MessageLanguage): Promise<ImportCommitResult> {
  const job = await store.get(deps, importId);
  if (!job) throw notFound('import', importId);
  if (job.status === 'running') throw new AppError('BAD_REQUEST', { reason: 'this import is being committed' });
  if (job.status !== 'ready') throw new AppError('BAD_REQUEST', { reason: 'this import was already committed' });
  job.status = 'running';
  try {
    const result = await transact(deps.db, async (trx) => {
      await getWorkbook(trx, job.workbookId);
      const { tableId, targets } = await prepareTarget(trx, job, body);
      const append = 'tableId' in body.target;
      const total = job.learnt.rowCount;
      // The rows written drop the table's cached columns, if any; other tables' stay.
      const written = await withTableWrite(
        trx,
        tableId,
        () =>
          writeRows(job, {
            trx,
            tableId,
            targets,
            abortOnBad: body.badRows === 'abort',
            keepValues: append && total <= MAX_UNDO_ROWS,
            keepColumns: !append && total * targets.filter((t) => t !== null).length <= COLUMN_CACHE_CELLS,
            lang,
            onProgress: (rows) => store.emit(job, { type: 'progress', rows, total }),
          }),
        () => false,
      );
      if (written.badCount > 0 && body.badRows === 'abort') throw new AppError('IMPORT_BAD_ROWS', { count: written.badCount, badRows: written.badRows });
      store.emit(job, { type: 'progress', rows: written.inserted, total });
      if (append) {
        const ids = Array.from({ length: written.inserted }, (_, i) => written.firstId + i);
        await recompute(trx, job.workbookId, { rows: [{ tableId, fieldIds: written.fields.map((f) => f.id), rowIds: ids, inserted: true }] }, new ChangeCollector());
        if (ids.length <= MAX_UNDO_ROWS) {
          const cells = (values: readonly (string | number | bigint | null)[]): Record<string, CellValue> => {
            const out: Record<string, CellValue> = {};
            written.fields.forEach((f, k) => {
              const v = values[k] ?? null;
              out[f.id] = f.type === 'boolean' ? (v === null ? null : v === 1) : typeof v === 'bigint' ? Number(v) : v;
            });
            return out;
          };
          await besideColumns(trx, () =>
            recordOperation(
              trx,
              job.workbookId,
              { en: `Import ${ids.length} rows from ${job.filename}`, zh: `从 ${job.filename} 导入 ${ids.length} 行` },
              { kind: 'rows.insert', tableId, rows: ids.map((id, i) => ({ id: String(id), cells: cells(written.values[i] ?? []) })) },
              { kind: 'rows.delete', tableId, ids: ids.map(String) },
            ),
          );
        }
      } else {
        await besideColumns(trx, () =>
          recordOperation(trx, job.workbookId, { en: `Import ${job.filename}`, zh: `导入 ${job.filename}` }, { kind: 'table.restore', tableId }, { kind: 'table.trash', tableId }),
        );
      }
      await besideColumns(trx, () => store.forget(trx, job));
      // The formulas usually built next read these columns: they are in memory already.
      if (written.columns.length > 0) adoptTable(trx, tableId, written.firstId, written.fields, written.columns);
      return { tableId, inserted: written.inserted, skipped: written.badCount, badRows: written.badRows };
    });
    await store.committed(job);
    store.emit(job, { type: 'done', result });
    return result;
  } catch (error) {
    job.status = 'ready';
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    store.emit(job, { type: 'error', code, message: code });
    throw error;
  }
}
