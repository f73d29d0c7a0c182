// Wire: history, trash (shared/API.md).
import { z } from 'zod';
import { WriteResultSchema } from './rows';

export const UndoResultSchema = WriteResultSchema.extend({ description: z.string() });
export type UndoResult = z.infer<typeof UndoResultSchema>;

export const TrashItemSchema = z.object({
  /** The trash entry's id (restore by it). */
  id: z.string(),
  /** The trashed workbook's, table's or field's own id. */
  objectId: z.string(),
  kind: z.enum(['workbook', 'table', 'field']),
  name: z.string(),
  workbookId: z.string(),
  tableId: z.string().nullable(),
  deletedAt: z.string(),
});
export type TrashItem = z.infer<typeof TrashItemSchema>;
export const TrashListSchema = z.object({ items: z.array(TrashItemSchema) });
export type TrashList = z.infer<typeof TrashListSchema>;
export const RestoreResultSchema = z.object({
  kind: z.enum(['workbook', 'table', 'field']),
  workbookId: z.string(),
  tableId: z.string().nullable(),
  fieldId: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;
