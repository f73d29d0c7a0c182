// Wire: values (shared/API.md).
import { z } from 'zod';
import { serialFromIso } from '../../formulas';

export const FORMULA_ERROR_CODES = ['#DIV/0!', '#VALUE!', '#NAME?', '#REF!', '#NUM!', '#N/A', '#CYCLE!'] as const;
export const ErrorValueSchema = z.object({
  error: z.enum(FORMULA_ERROR_CODES),
  message: z.string().optional(),
});
export type ErrorCellValue = z.infer<typeof ErrorValueSchema>;
/** A cell value in its JSON form: number, text, boolean, "YYYY-MM-DD" (as text), null for blank, or an error. */
export const CellValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), ErrorValueSchema]);
export type CellValue = z.infer<typeof CellValueSchema>;
/** What a client may write into a cell (errors are never written by clients). */
export const CellInputSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type CellInput = z.infer<typeof CellInputSchema>;

/** A calendar day as "YYYY-MM-DD", in the formulas' date range (1900-01-01 … 9999-12-31): 2024-02-30 is not one. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((text) => serialFromIso(text) !== undefined, 'not a calendar date between 1900-01-01 and 9999-12-31')
  .describe('a calendar day from 1900-01-01 to 9999-12-31');
export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
