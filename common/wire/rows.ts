// Wire: rows and changes (shared/API.md).
import { z } from 'zod';
import { CellInputSchema, CellValueSchema } from './values';

export const RowSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  cells: z.record(z.string(), CellValueSchema),
});
export type Row = z.infer<typeof RowSchema>;

export const ChangeSchema = z.object({
  tableId: z.string(),
  rowId: z.string(),
  version: z.number().int(),
  cells: z.record(z.string(), CellValueSchema),
});
export type Change = z.infer<typeof ChangeSchema>;

/** What every write answers: the cells written and every formula cell that changed; past 5,000 cells, refetch. */
export const WriteResultSchema = z.object({
  changes: z.array(ChangeSchema),
  refetch: z.array(z.string()).optional(),
});
export type WriteResult = z.infer<typeof WriteResultSchema>;

export const MAX_BATCH_ROWS = 10_000;
export const MAX_PAGE_ROWS = 1_000;
export const MAX_CHANGED_CELLS = 5_000;

// Limits of a request (server/README.md "Limits", the OpenAPI description): past one, 400 LIMIT_EXCEEDED names it.
/** How deeply the and/or groups of a filter nest. */
export const MAX_FILTER_DEPTH = 16;
/** Conditions of one filter over all its groups (an `in` list is one condition, whatever its length). */
export const MAX_FILTER_CONDITIONS = 1_000;
/** Fields of one sort. */
export const MAX_SORT_FIELDS = 100;
/** How deeply a JSON body (or the filter of a query) nests arrays and objects. */
export const MAX_JSON_DEPTH = 100;
/** Columns of a table (SQLite's SQLITE_MAX_COLUMN): id and _version, one per field, a second per formula field. */
export const MAX_TABLE_COLUMNS = 2_000;

export const RowsInsertSchema = z.object({
  rows: z.array(z.object({ cells: z.record(z.string(), CellInputSchema) })).min(1).max(MAX_BATCH_ROWS),
});
export type RowsInsert = z.infer<typeof RowsInsertSchema>;
export const RowsInsertResultSchema = WriteResultSchema.extend({ rows: z.array(RowSchema) });
export type RowsInsertResult = z.infer<typeof RowsInsertResultSchema>;

export const RowsUpdateSchema = z.object({
  rows: z
    .array(z.object({ id: z.string(), version: z.number().int().optional(), cells: z.record(z.string(), CellInputSchema) }))
    .min(1)
    .max(MAX_BATCH_ROWS),
});
export type RowsUpdate = z.infer<typeof RowsUpdateSchema>;
export const RowsDeleteSchema = z.object({ ids: z.array(z.string()).min(1).max(MAX_BATCH_ROWS) });
export type RowsDelete = z.infer<typeof RowsDeleteSchema>;
