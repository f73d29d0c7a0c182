// Wire: filters, sort, pages (shared/API.md).
import { z } from 'zod';
import { MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, MAX_PAGE_ROWS, RowSchema } from './rows';
import { CellInputSchema } from './values';

export const FILTER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'contains', 'notContains', 'empty', 'notEmpty', 'in'] as const;
export const FilterOpSchema = z.enum(FILTER_OPS);
export type FilterOp = z.infer<typeof FilterOpSchema>;
export const FilterConditionSchema = z.object({
  fieldId: z.string(),
  op: FilterOpSchema,
  value: z.union([CellInputSchema, z.array(CellInputSchema)]).optional(),
});
export type FilterCondition = z.infer<typeof FilterConditionSchema>;
export type Filter = { and: (FilterCondition | Filter)[] } | { or: (FilterCondition | Filter)[] };
const FilterItemSchema: z.ZodType<FilterCondition | Filter> = z.lazy(() => z.union([FilterConditionSchema, FilterSchema]));
export const FilterSchema: z.ZodType<Filter> = z
  .union([z.strictObject({ and: z.array(FilterItemSchema) }), z.strictObject({ or: z.array(FilterItemSchema) })])
  .describe(`and/or groups nest at most ${MAX_FILTER_DEPTH} deep; at most ${MAX_FILTER_CONDITIONS} conditions in all`);

export const SortSchema = z.array(z.object({ fieldId: z.string(), dir: z.enum(['asc', 'desc']) }));
export type Sort = z.infer<typeof SortSchema>;

/** Query of GET /api/tables/:id/rows: sort is "fieldId:asc,fieldId:desc", filter is Filter as JSON text. */
export const RowsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_ROWS).default(100),
  sort: z.string().optional(),
  filter: z.string().optional(),
  q: z.string().max(1000).optional(),
});
export type RowsQuery = z.infer<typeof RowsQuerySchema>;
export const RowsPageSchema = z.object({ rows: z.array(RowSchema), total: z.number().int() });
export type RowsPage = z.infer<typeof RowsPageSchema>;

// GET /api/tables/:id/events (server-sent events): long work on a table (filling a new formula field).
export const TableTaskSchema = z.object({ id: z.string(), kind: z.literal('fill'), fieldName: z.string() });
export type TableTask = z.infer<typeof TableTaskSchema>;
export const TableEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), task: TableTaskSchema, done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('done'), task: TableTaskSchema }),
  z.object({ type: z.literal('failed'), task: TableTaskSchema }),
]);
export type TableEvent = z.infer<typeof TableEventSchema>;
