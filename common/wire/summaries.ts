// Wire: summary (shared/API.md).
import { z } from 'zod';
import { FilterSchema } from './filters';
import { CellValueSchema } from './values';

export const MeasureSchema = z.object({ op: z.enum(['sum', 'avg', 'min', 'max']), fieldId: z.string() });
export type Measure = z.infer<typeof MeasureSchema>;
export const SummaryRequestSchema = z.object({
  groupBy: z.array(z.string()).min(1).max(2),
  measures: z.array(MeasureSchema).max(20).optional(),
  filter: FilterSchema.optional(),
});
export type SummaryRequest = z.infer<typeof SummaryRequestSchema>;
export const SummaryGroupSchema = z.object({
  key: z.array(CellValueSchema),
  count: z.number().int(),
  measures: z.array(CellValueSchema),
  share: z.number(),
});
export type SummaryGroup = z.infer<typeof SummaryGroupSchema>;
export const SummaryResultSchema = z.object({ groups: z.array(SummaryGroupSchema), total: z.number().int() });
export type SummaryResult = z.infer<typeof SummaryResultSchema>;
export const MAX_HISTOGRAM_BINS = 200;
export const HistogramRequestSchema = z.object({
  fieldId: z.string(),
  /** About how many bins (round edges: 1, 2 or 5 × 10ⁿ wide); default 20. */
  bins: z.number().int().min(1).max(MAX_HISTOGRAM_BINS).optional(),
  filter: FilterSchema.optional(),
});
export type HistogramRequest = z.infer<typeof HistogramRequestSchema>;
export const HistogramBinSchema = z.object({ from: z.number(), to: z.number(), count: z.number().int() });
export type HistogramBin = z.infer<typeof HistogramBinSchema>;
export const HistogramResultSchema = z.object({
  bins: z.array(HistogramBinSchema),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Rows with a number in the field (blanks, text and errors are not counted). */
  count: z.number().int(),
});
export type HistogramResult = z.infer<typeof HistogramResultSchema>;
