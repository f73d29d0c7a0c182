// Wire: formulas (shared/API.md).
import { z } from 'zod';
import { ResultTypeSchema } from './fields';
import { CellValueSchema } from './values';
import type { CellValue } from './values';

export const DiagnosticSchema = z.object({ code: z.string(), message: z.string(), start: z.number().int(), end: z.number().int() });
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export const FormulaCheckSchema = z.object({
  source: z.string().max(8000),
  fieldId: z.string().optional(),
  /** Also count the formula's values over the whole table (the grouping wizard's live counts). */
  counts: z.boolean().optional(),
});
export type FormulaCheck = z.infer<typeof FormulaCheckSchema>;
export const FormulaCheckResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    resultType: ResultTypeSchema,
    preview: z.array(z.object({ rowId: z.string(), value: CellValueSchema })),
    /** With `counts: true`: rows per value over the whole table, most first (errors by code, blanks as null; at most 1000). */
    counts: z.array(z.object({ value: CellValueSchema, count: z.number().int() })).optional(),
    /** With `counts: true`: how many rows were counted (the table's row count). */
    countedRows: z.number().int().optional(),
  }),
  z.object({ ok: z.literal(false), diagnostics: z.array(DiagnosticSchema) }),
]);
export type FormulaCheckResult = z.infer<typeof FormulaCheckResultSchema>;

export type TraceNode = {
  text: string;
  start: number;
  end: number;
  value: CellValue;
  note?: string;
  /** Column functions' facts (rank, count below, cumulative share…). */
  facts?: readonly { label: string; value: CellValue }[];
  children: readonly TraceNode[];
};
export const TraceNodeSchema: z.ZodType<TraceNode> = z.lazy(() =>
  z.object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    value: CellValueSchema,
    note: z.string().optional(),
    facts: z.array(z.object({ label: z.string(), value: CellValueSchema })).optional(),
    children: z.array(TraceNodeSchema),
  }),
);
export const ExplainResultSchema = z.object({ value: CellValueSchema, trace: TraceNodeSchema });
export type ExplainResult = z.infer<typeof ExplainResultSchema>;
