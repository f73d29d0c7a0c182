// Every type that crosses the wire (shared/API.md), defined once as a zod schema with its inferred TS type.
// The web app imports these with `import type { … } from '../server/wire'`; keep the export names stable.
import { z } from 'zod';
import { serialFromIso } from '../formulas';
import { ERROR_CODES } from './http/app-error';

// ---------- values ----------
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

// ---------- names ----------
/** Names of workbooks, tables and fields: every character but { } [ ] (checked by the server with INVALID_NAME). */
export const NameSchema = z.string().max(200);

// ---------- fields ----------
export const FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'formula'] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;
export const RESULT_TYPES = ['text', 'number', 'date', 'boolean', 'mixed'] as const;
export const ResultTypeSchema = z.enum(RESULT_TYPES);
export type ResultType = z.infer<typeof ResultTypeSchema>;

export const SelectOptionSchema = z.object({ value: z.string().min(1).max(500), color: z.string().max(50) });
export type SelectOption = z.infer<typeof SelectOptionSchema>;
export const FieldGroupSchema = z.object({
  value: z.string().min(1).max(500),
  color: z.string().max(50),
  description: z.string().max(2000).optional(),
  action: z.string().max(2000).optional(),
});
export type FieldGroup = z.infer<typeof FieldGroupSchema>;

export const FieldSchema = z.object({
  id: z.string(),
  tableId: z.string(),
  name: z.string(),
  type: FieldTypeSchema,
  /** Shown form, with names. */
  formula: z.string().optional(),
  resultType: ResultTypeSchema.optional(),
  options: z.array(SelectOptionSchema).optional(),
  groups: z.array(FieldGroupSchema).optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  hidden: z.boolean().optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const FieldInputSchema = z.object({
  name: NameSchema,
  type: FieldTypeSchema,
  formula: z.string().max(8000).optional(),
  options: z.array(SelectOptionSchema).max(1000).optional(),
  groups: z.array(FieldGroupSchema).max(1000).optional(),
  description: z.string().max(5000).optional(),
  format: z.string().max(200).optional(),
  hidden: z.boolean().optional(),
});
export type FieldInput = z.infer<typeof FieldInputSchema>;

export const FieldPatchSchema = FieldInputSchema.partial().extend({
  /** Apply a lossy type change (values that do not convert become blank). */
  confirm: z.boolean().optional(),
});
export type FieldPatch = z.infer<typeof FieldPatchSchema>;

// ---------- tables and workbooks ----------
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

// ---------- rows and changes ----------
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

// ---------- filters, sort, pages ----------
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

// ---------- formulas ----------
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

// ---------- summary ----------
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

// ---------- history, trash ----------
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

// ---------- imports ----------
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

// ---------- dashboard ----------
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

// ---------- templates ----------
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

// ---------- health, errors ----------
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({ dialect: z.string(), file: z.string() }),
  workbooks: z.number().int(),
  tables: z.number().int(),
  rows: z.number().int(),
});
export type Health = z.infer<typeof HealthSchema>;

export { ERROR_CODES };
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
