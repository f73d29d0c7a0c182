// Wire: dashboard (shared/API.md).
import { z } from 'zod';
import { FilterSchema } from './filters';
import { MeasureSchema } from './summaries';

/** The charts the web draws (web/charts/spec.ts). */
export const CHART_KINDS = ['bar', 'donut', 'treemap', 'pareto', 'crosstab', 'histogram', 'summary'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
/** Bounds of a chart's place: column and row from 0, spans from 1 (the web's grid is narrower and clamps them). */
export const CHART_PLACE_BOUNDS = { x: [0, 100], y: [0, 10_000], w: [1, 12], h: [1, 12] } as const;
const placeNumber = (k: keyof typeof CHART_PLACE_BOUNDS) => z.number().int().min(CHART_PLACE_BOUNDS[k][0]).max(CHART_PLACE_BOUNDS[k][1]);
export const ChartPlaceSchema = z.object({ x: placeNumber('x'), y: placeNumber('y'), w: placeNumber('w'), h: placeNumber('h') });
export const ChartSchema = z.object({
  id: z.string().min(1).max(200),
  tableId: z.string(),
  kind: z.enum(CHART_KINDS),
  title: z.string().max(500).optional(),
  fields: z.array(z.string()).max(10),
  measures: z.array(MeasureSchema).max(10).optional(),
  filter: FilterSchema.optional(),
  place: ChartPlaceSchema,
  options: z.record(z.string(), z.unknown()).optional(),
});
export type Chart = z.infer<typeof ChartSchema>;
export const DashboardSchema = z.object({
  charts: z
    .array(ChartSchema)
    .max(200)
    .superRefine((charts, ctx) => {
      const seen = new Set<string>();
      charts.forEach((chart, i) => {
        if (seen.has(chart.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `chart id "${chart.id}" is used twice` });
        seen.add(chart.id);
      });
    }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
