// Wire: templates (shared/API.md).
import { z } from 'zod';
import { ChartSchema } from './dashboards';
import { FieldSchema } from './fields';
import { IsoDateSchema } from './values';
import { TableSchema } from './workbooks';

/** POST /api/templates/:id/apply. */
export const TemplateApplyResultSchema = z.object({
  table: TableSchema,
  /** The output fields made. */
  fields: z.array(FieldSchema),
  groups: z.record(z.string(), z.array(z.object({ key: z.string(), value: z.string(), count: z.number().int() }))),
  /** The template's recommended charts over those fields, not saved (ids free on the dashboard); none for a dry run. */
  charts: z.array(ChartSchema),
  /** The scheme measures from TODAY() and the newest purchase is far before the as-of date (templates/as-of.ts). */
  asOfHint: z
    .object({ asOf: IsoDateSchema, newest: IsoDateSchema, days: z.number().int(), staleAfterDays: z.number(), suggested: IsoDateSchema })
    .nullable(),
});
export type TemplateApplyResult = z.infer<typeof TemplateApplyResultSchema>;
