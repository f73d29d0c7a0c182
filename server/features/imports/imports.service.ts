// Import: upload → preview (types from every row) → commit into a new table or appended with a mapping.
// The commit is all-or-nothing in one transaction; bad rows are skipped or abort the whole import.
import type { Executor } from '../../db/database';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../http/app-error';
import type { MessageLanguage } from '../../http/app-error';
import type { BadRow, CellValue, FieldInput, ImportCommitResult, ImportPreview } from '../../wire';
import { z } from 'zod';
import { ImportCommitSchema } from '../../wire';
import { recordOperation } from '../history/history.service';
import { getTable, getWorkbook, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { freeName } from '../names';
import { ChangeCollector } from '../recompute/changes';
import { recompute } from '../recompute/recompute.service';
import { checkCell } from '../rows/cells';
import { encodeCells, insertRows } from '../rows/rows.repository';
import { createTable } from '../tables/tables.service';
import { ColumnStats } from './detect';
import { readSource } from './read-source';
import type { ImportJob, ImportStore } from './imports.store';
import { newJobEvents } from './imports.store';

type Commit = z.output<typeof ImportCommitSchema>;

const PREVIEW_ROWS = 20;
const MAX_BAD_ROWS = 100;
const CHUNK = 5_000;
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

function raggedReason(got: number, want: number, lang: MessageLanguage): string {
  return lang === 'zh-CN' ? `这一行有 ${got} 个值，表头有 ${want} 列` : `the row has ${got} values but the header has ${want} columns`;
}

export async function createImport(
  db: Executor,
  store: ImportStore,
  workbookId: string,
  file: { bytes: Buffer; filename: string; sheet?: string },
  lang: MessageLanguage,
): Promise<ImportPreview> {
  await getWorkbook(db, workbookId);
  const source = await readSource(file.bytes, file.filename, file.sheet);
  let names: string[] = [];
  let stats: ColumnStats[] = [];
  const rows: (string | null)[][] = [];
  const badRows: BadRow[] = [];
  let rowCount = 0;
  source.forEach((record, index, problem) => {
    if (index === 0) {
      names = columnNames(record, lang);
      stats = names.map(() => new ColumnStats());
      return;
    }
    rowCount++;
    if (problem !== undefined || record.length !== names.length) {
      if (badRows.length < MAX_BAD_ROWS) badRows.push({ row: index + 1, column: '', value: null, reason: problem ?? raggedReason(record.length, names.length, lang) });
      return;
    }
    record.forEach((v, i) => stats[i]?.add(v));
    if (rows.length < PREVIEW_ROWS) rows.push(record.map((v) => (v === '' ? null : v)));
  });
  if (names.length === 0) {
    throw new AppError('IMPORT_UNREADABLE', { reason: 'the file is empty', reasonZh: '文件是空的' });
  }
  const columns = names.map((name, i) => {
    const s = stats[i] ?? new ColumnStats();
    return { name, type: s.type, samples: s.samples, problems: s.problems(lang) };
  });
  const job: ImportJob = {
    id: newId('i'),
    workbookId,
    filename: file.filename,
    source,
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
    rowCount,
    status: 'ready',
    last: undefined,
    events: newJobEvents(),
    createdAt: Date.now(),
  };
  store.add(job);
  return {
    id: job.id,
    filename: file.filename,
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

export async function commitImport(db: Executor, store: ImportStore, importId: string, body: Commit, lang: MessageLanguage): Promise<ImportCommitResult> {
  const job = store.get(importId);
  if (!job) throw notFound('import', importId);
  const source = job.source;
  if (job.status !== 'ready' || !source) throw new AppError('BAD_REQUEST', { reason: 'this import was already committed' });
  job.status = 'running';
  try {
    const result = await inTransaction(db, async (trx) => {
      await getWorkbook(trx, job.workbookId);
      const types = job.columns.map((c) => body.types?.[c.name] ?? c.type);
      for (const name of Object.keys(body.types ?? {})) {
        if (!job.columns.some((c) => c.name === name)) throw new AppError('IMPORT_MAPPING', { reason: `no column named "${name}"`, reasonZh: `没有名为“${name}”的列` });
      }
      // Target fields, one per file column (null: the column is not imported).
      let tableId: string;
      let targets: (FieldMeta | null)[];
      if ('name' in body.target) {
        const fields: FieldInput[] = job.columns.map((c, i) => ({ name: c.name, type: types[i] ?? 'text' }));
        const table = await createTable(trx, job.workbookId, { name: body.target.name, fields }, { record: false });
        tableId = table.id;
        const metas = await listFields(trx, tableId);
        targets = job.columns.map((c) => metas.find((f) => f.name === c.name) ?? null);
      } else {
        const table = await getTable(trx, body.target.tableId);
        if (table.workbookId !== job.workbookId) throw notFound('table', table.id);
        tableId = table.id;
        const metas = await listFields(trx, tableId);
        const mapping = body.target.mapping;
        for (const [column, fieldId] of Object.entries(mapping)) {
          if (!job.columns.some((c) => c.name === column)) throw new AppError('IMPORT_MAPPING', { reason: `no column named "${column}"`, reasonZh: `没有名为“${column}”的列` });
          const f = fieldId === null ? undefined : metas.find((m) => m.id === fieldId);
          if (fieldId !== null && (!f || f.type === 'formula')) {
            throw new AppError('IMPORT_MAPPING', { reason: `column "${column}" maps to a field that cannot take data (${fieldId})`, reasonZh: `列“${column}”对应的字段不存在或是公式字段` });
          }
        }
        targets = job.columns.map((c) => {
          const fieldId = mapping[c.name];
          return fieldId ? (metas.find((m) => m.id === fieldId) ?? null) : null;
        });
        if (targets.every((t) => t === null)) throw new AppError('IMPORT_MAPPING', { reason: 'no column is mapped to a field', reasonZh: '没有任何列对应到字段' });
      }
      const byId = new Map<string, FieldMeta>();
      for (const t of targets) if (t) byId.set(t.id, t);
      const records: Record<string, CellValue>[] = [];
      const bad: BadRow[] = [];
      let badCount = 0;
      const width = job.columns.length;
      source.forEach((record, index, problem) => {
        if (index === 0) return;
        const row = index + 1;
        if (problem !== undefined || record.length !== width) {
          badCount++;
          if (bad.length < MAX_BAD_ROWS) bad.push({ row, column: '', value: null, reason: problem ?? raggedReason(record.length, width, lang) });
          return;
        }
        const cells: Record<string, CellValue> = {};
        for (let i = 0; i < width; i++) {
          const field = targets[i];
          if (!field) continue;
          const raw = record[i] ?? '';
          const r = checkCell(field, raw);
          if (!r.ok) {
            badCount++;
            if (bad.length < MAX_BAD_ROWS) bad.push({ row, column: job.columns[i]?.name ?? '', value: raw, reason: lang === 'zh-CN' ? r.reasonZh : r.reason });
            return;
          }
          cells[field.id] = r.value;
        }
        records.push(cells);
      });
      if (badCount > 0 && body.badRows === 'abort') throw new AppError('IMPORT_BAD_ROWS', { count: badCount, badRows: bad });
      const ids: number[] = [];
      for (let i = 0; i < records.length; i += CHUNK) {
        ids.push(...(await insertRows(trx, tableId, records.slice(i, i + CHUNK).map((cells) => encodeCells(byId, cells)))));
        store.emit(job, { type: 'progress', rows: ids.length, total: records.length });
        await new Promise((resolve) => setImmediate(resolve));
      }
      const collector = new ChangeCollector();
      if ('tableId' in body.target) {
        await recompute(trx, job.workbookId, { rows: [{ tableId, fieldIds: [...byId.keys()], rowIds: ids, inserted: true }] }, collector);
        if (ids.length <= MAX_UNDO_ROWS) {
          await recordOperation(
            trx,
            job.workbookId,
            { en: `Import ${ids.length} rows from ${job.filename}`, zh: `从 ${job.filename} 导入 ${ids.length} 行` },
            { kind: 'rows.insert', tableId, rows: ids.map((id, i) => ({ id: String(id), cells: records[i] ?? {} })) },
            { kind: 'rows.delete', tableId, ids: ids.map(String) },
          );
        }
      } else {
        await recordOperation(
          trx,
          job.workbookId,
          { en: `Import ${job.filename}`, zh: `导入 ${job.filename}` },
          { kind: 'table.restore', tableId },
          { kind: 'table.trash', tableId },
        );
      }
      return { tableId, inserted: ids.length, skipped: badCount, badRows: bad };
    });
    job.status = 'done';
    job.source = undefined;
    store.emit(job, { type: 'done', result });
    return result;
  } catch (error) {
    job.status = 'ready';
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    store.emit(job, { type: 'error', code, message: code });
    throw error;
  }
}
