// Wire: tables and workbooks (shared/API.md).
import { z } from 'zod';
import { FieldInputSchema, FieldSchema } from './fields';
import { NameSchema } from './names';
import { IsoDateSchema, LanguageSchema } from './values';

export const TableSummarySchema = z.object({
  id: z.string(),
  workbookId: z.string(),
  name: z.string(),
  rowCount: z.number().int(),
  fieldCount: z.number().int(),
});
export type TableSummary = z.infer<typeof TableSummarySchema>;

export const TableSchema = z.object({
  id: z.string(),
  workbookId: z.string(),
  name: z.string(),
  fields: z.array(FieldSchema),
  rowCount: z.number().int(),
});
export type Table = z.infer<typeof TableSchema>;

export const WorkbookSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: LanguageSchema,
  /** What TODAY() means; null: the current date. */
  asOf: IsoDateSchema.nullable(),
  tables: z.array(TableSummarySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workbook = z.infer<typeof WorkbookSchema>;

export const WorkbookCreateSchema = z.object({
  name: NameSchema,
  language: LanguageSchema.optional(),
  asOf: IsoDateSchema.nullable().optional(),
});
export type WorkbookCreate = z.infer<typeof WorkbookCreateSchema>;
export const WorkbookPatchSchema = WorkbookCreateSchema.partial().extend({
  /** Every table id of the workbook (not trashed), in the new order. */
  tableOrder: z.array(z.string()).max(10_000).optional(),
});
export type WorkbookPatch = z.infer<typeof WorkbookPatchSchema>;
/** PUT /api/workbooks/order: every workbook id (not trashed), in the new order. */
export const WorkbookOrderSchema = z.object({ ids: z.array(z.string()).max(10_000) });
export type WorkbookOrder = z.infer<typeof WorkbookOrderSchema>;

export const TableCreateSchema = z.object({
  name: NameSchema,
  fields: z.array(FieldInputSchema).max(1000).optional(),
});
export type TableCreate = z.infer<typeof TableCreateSchema>;
export const TablePatchSchema = z.object({
  name: NameSchema.optional(),
  /** Every field id of the table, in the new order. */
  fieldOrder: z.array(z.string()).optional(),
});
export type TablePatch = z.infer<typeof TablePatchSchema>;
