import type { CellValue, Field, RowsInsertResult, WriteResult } from '../api/types';
import type { PasteError, PastePlan } from './paste-plan';
import { chunks } from './paste-rows';

/** A cell the server refused (422 INVALID_CELL names it by its 1-based row in the request), as a paste error. */
export function serverCellError(
  details: Record<string, unknown>,
  batch: readonly { rowIndex: number }[],
  fields: readonly Field[],
  message: string,
): PasteError | null {
  const fieldId = typeof details.fieldId === 'string' ? details.fieldId : '';
  if (!fieldId) return null;
  const row = typeof details.row === 'number' ? batch[details.row - 1] : undefined;
  return {
    rowIndex: row?.rowIndex ?? -1,
    fieldId,
    fieldName: fields.find((f) => f.id === fieldId)?.name ?? (typeof details.fieldName === 'string' ? details.fieldName : fieldId),
    text: details.value === undefined || details.value === null ? '' : String(details.value),
    reason: 'server',
    message,
  };
}

export interface PasteWriter {
  patchRows(rows: { id: string; version: number; cells: Record<string, CellValue> }[]): Promise<WriteResult>;
  insertRows(rows: { cells: Record<string, CellValue> }[]): Promise<RowsInsertResult>;
}

/** What was written before a request failed (earlier requests stay written), and the failing request's rows. */
export interface PasteProgress {
  updated: number;
  inserted: number;
  results: WriteResult[];
  failedBatch: readonly { rowIndex: number }[];
}

/** Writes the plan in requests of ≤ 10,000 rows: updates first, then the added rows. */
export async function writePaste(plan: PastePlan, writer: PasteWriter, progress: PasteProgress): Promise<void> {
  for (const batch of chunks(plan.updates)) {
    progress.failedBatch = batch;
    progress.results.push(await writer.patchRows(batch.map(({ id, version, cells }) => ({ id, version, cells }))));
    progress.updated += batch.length;
  }
  for (const batch of chunks(plan.inserts)) {
    progress.failedBatch = batch;
    const res = await writer.insertRows(batch.map(({ cells }) => ({ cells })));
    progress.inserted += res.rows.length;
  }
  progress.failedBatch = [];
}
