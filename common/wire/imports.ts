// Wire: imports (shared/API.md).
import { z } from 'zod';
import { NameSchema } from './names';

export const IMPORT_COLUMN_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export const ImportColumnTypeSchema = z.enum(IMPORT_COLUMN_TYPES);
export type ImportColumnType = z.infer<typeof ImportColumnTypeSchema>;
export const ImportPreviewSchema = z.object({
  id: z.string(),
  filename: z.string(),
  encoding: z.string(),
  /** null for XLSX. */
  delimiter: z.string().nullable(),
  /** XLSX sheet names, and the one read. */
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  rowCount: z.number().int(),
  columns: z.array(
    z.object({
      name: z.string(),
      type: ImportColumnTypeSchema,
      samples: z.array(z.string()),
      /** Notes and problems, in the request's language (e.g. "times were dropped, the day is kept"). */
      problems: z.array(z.string()),
    }),
  ),
  /** The first 20 data rows as read (text), one entry per column. */
  rows: z.array(z.array(z.string().nullable())),
  /** Rows that cannot be read as they are (ragged rows, broken quotes): the first 100. */
  badRows: z.array(z.lazy(() => BadRowSchema)),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportCommitSchema = z.object({
  target: z.union([
    z.object({ name: NameSchema }),
    z.object({ tableId: z.string(), mapping: z.record(z.string(), z.string().nullable()) }),
  ]),
  types: z.record(z.string(), ImportColumnTypeSchema).optional(),
  badRows: z.enum(['skip', 'abort']).default('abort'),
});
export type ImportCommit = z.input<typeof ImportCommitSchema>;
export const BadRowSchema = z.object({ row: z.number().int(), column: z.string(), value: z.string().nullable(), reason: z.string() });
export type BadRow = z.infer<typeof BadRowSchema>;
export const ImportCommitResultSchema = z.object({
  tableId: z.string(),
  inserted: z.number().int(),
  skipped: z.number().int(),
  badRows: z.array(BadRowSchema),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResultSchema>;

export const ExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  sort: z.string().optional(),
  filter: z.string().optional(),
  q: z.string().max(1000).optional(),
  /** Comma-separated field ids; default: the visible fields. */
  fields: z.string().optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
