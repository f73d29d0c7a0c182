// GET /api/openapi.json: every route, its body and answer, generated from the zod schemas of common/wire/.
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_TEXT } from '../common';
import { MAX_FIELD_COLUMNS } from './features/table-width';
import type { AppEnv } from './http/context';
import * as w from '../common';

interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  answer?: z.ZodType;
  status?: number;
  query?: z.ZodObject;
  /** The body is a file: multipart/form-data, or raw in a type no form can send. */
  upload?: true;
}

/** The edge's rules (server/http/edge-guard.ts), on every route and on every write. */
const EDGE = {
  description:
    'Every request: the Host must be localhost, 127.0.0.1, [::1] (any port), a name of SEGSHEET_ALLOWED_HOSTS or the ' +
    'address HOST names, else 403 HOST_NOT_ALLOWED. Every write (POST, PUT, PATCH, DELETE): Origin, when sent, must ' +
    'be the same host, and Sec-Fetch-Site, when sent, same-origin or none, else 403 CROSS_SITE_WRITE; a body must be ' +
    'application/json (uploads: multipart/form-data or application/octet-stream), else 415 UNSUPPORTED_MEDIA_TYPE. ' +
    'Strings with a lone UTF-16 surrogate, and bodies that are not UTF-8, are 400 BAD_REQUEST.',
  forbidden: 'HOST_NOT_ALLOWED (a Host this server does not answer)',
  forbiddenWrite: 'HOST_NOT_ALLOWED, or CROSS_SITE_WRITE (Origin or Sec-Fetch-Site of another site)',
  unsupported: 'UNSUPPORTED_MEDIA_TYPE (a body that is not application/json; uploads: not multipart/form-data nor a type a form cannot send)',
};

const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'Health, version, database and row counts', answer: w.HealthSchema },
  { method: 'get', path: '/api/workbooks', summary: 'List workbooks', answer: z.array(w.WorkbookSchema) },
  { method: 'post', path: '/api/workbooks', summary: 'Create a workbook', body: w.WorkbookCreateSchema, answer: w.WorkbookSchema, status: 201 },
  { method: 'put', path: '/api/workbooks/order', summary: 'Reorder the workbooks (every workbook id once)', body: w.WorkbookOrderSchema, answer: z.array(w.WorkbookSchema) },
  { method: 'get', path: '/api/workbooks/{id}', summary: 'A workbook', answer: w.WorkbookSchema },
  { method: 'patch', path: '/api/workbooks/{id}', summary: 'Rename, language, as-of date (recomputes TODAY()), reorder tables (tableOrder)', body: w.WorkbookPatchSchema, answer: w.WorkbookSchema },
  { method: 'delete', path: '/api/workbooks/{id}', summary: 'Move a workbook to the trash', status: 204 },
  { method: 'post', path: '/api/workbooks/{id}/tables', summary: 'Create a table', body: w.TableCreateSchema, answer: w.TableSchema, status: 201 },
  { method: 'get', path: '/api/tables/{id}', summary: 'A table with its fields', answer: w.TableSchema },
  { method: 'patch', path: '/api/tables/{id}', summary: 'Rename, reorder fields', body: w.TablePatchSchema, answer: w.TableSchema },
  { method: 'delete', path: '/api/tables/{id}', summary: 'Move a table to the trash', status: 204 },
  { method: 'post', path: '/api/tables/{id}/fields', summary: 'Add a field (a formula field is filled before the answer)', body: w.FieldInputSchema, answer: w.FieldSchema, status: 201 },
  { method: 'get', path: '/api/tables/{id}/events', summary: 'Server-sent events (text/event-stream) of long work on the table: progress {task,done,total}, done {task}, failed {task} (TableEvent)' },
  { method: 'patch', path: '/api/fields/{id}', summary: 'Rename, retype (TYPE_CHANGE_LOSSY unless confirm), edit formula/options/groups', body: w.FieldPatchSchema, answer: w.FieldSchema },
  { method: 'delete', path: '/api/fields/{id}', summary: 'Move a field to the trash', status: 204 },
  { method: 'get', path: '/api/tables/{id}/rows', summary: 'A page of rows (sort, filter, q)', query: w.RowsQuerySchema, answer: w.RowsPageSchema },
  { method: 'post', path: '/api/tables/{id}/rows', summary: 'Insert rows (≤ 10,000)', body: w.RowsInsertSchema, answer: w.RowsInsertResultSchema, status: 201 },
  { method: 'patch', path: '/api/tables/{id}/rows', summary: 'Update rows (optimistic versions)', body: w.RowsUpdateSchema, answer: w.WriteResultSchema },
  { method: 'delete', path: '/api/tables/{id}/rows', summary: 'Delete rows', body: w.RowsDeleteSchema, answer: w.WriteResultSchema },
  { method: 'post', path: '/api/tables/{id}/formulas/check', summary: 'Check a formula, preview 20 values (and, with counts:true, rows per value over the whole table)', body: w.FormulaCheckSchema, answer: w.FormulaCheckResultSchema },
  { method: 'get', path: '/api/tables/{id}/rows/{rowId}/explain/{fieldId}', summary: 'Evaluation trace of a formula cell', answer: w.ExplainResultSchema },
  { method: 'post', path: '/api/tables/{id}/summary', summary: 'Group summary in SQL', body: w.SummaryRequestSchema, answer: w.SummaryResultSchema },
  { method: 'post', path: '/api/tables/{id}/histogram', summary: 'Histogram of a number field in SQL (round bin edges)', body: w.HistogramRequestSchema, answer: w.HistogramResultSchema },
  { method: 'post', path: '/api/workbooks/{id}/undo', summary: 'Undo the latest edit', answer: w.UndoResultSchema },
  { method: 'post', path: '/api/workbooks/{id}/redo', summary: 'Redo the latest undone edit', answer: w.UndoResultSchema },
  { method: 'get', path: '/api/workbooks/{id}/trash', summary: 'Trashed workbook, tables and fields', answer: w.TrashListSchema },
  { method: 'get', path: '/api/trash', summary: 'Trashed workbooks', answer: w.TrashListSchema },
  { method: 'post', path: '/api/trash/{id}/restore', summary: 'Restore from the trash', answer: w.RestoreResultSchema },
  { method: 'post', path: '/api/workbooks/{id}/imports', summary: 'Upload CSV / CSV.gz / XLSX (multipart "file", or the raw body as application/octet-stream with ?filename=; ?sheet=)', answer: w.ImportPreviewSchema, status: 201, upload: true },
  { method: 'post', path: '/api/imports/{id}/commit', summary: 'Commit an import (new table or append with mapping)', body: w.ImportCommitSchema, answer: w.ImportCommitResultSchema },
  { method: 'get', path: '/api/imports/{id}/events', summary: 'Server-sent events: progress {rows,total}, done, error' },
  { method: 'get', path: '/api/tables/{id}/export', summary: 'Export CSV (UTF-8 with BOM) or XLSX', query: w.ExportQuerySchema },
  { method: 'get', path: '/api/workbooks/{id}/dashboard', summary: 'The saved dashboard', answer: w.DashboardSchema },
  { method: 'put', path: '/api/workbooks/{id}/dashboard', summary: 'Save the dashboard', body: w.DashboardSchema, answer: w.DashboardSchema },
  { method: 'get', path: '/api/templates', summary: 'The template catalogue' },
  { method: 'get', path: '/api/templates/thumbnails', summary: "The gallery cards' charts: group counts of each template on its sample data" },
  { method: 'get', path: '/api/templates/{id}', summary: 'One template' },
  { method: 'post', path: '/api/templates/{id}/apply', summary: 'Apply a template to a table, or from transactions (dryRun, onConflict)' },
  { method: 'post', path: '/api/templates/{id}/workbooks', summary: "A new workbook with the template's sample data, outputs and charts", answer: w.WorkbookSchema, status: 201 },
];

/** The limits of the API (server/README.md "Limits"), in the document's description. */
const LIMITS: string[] = [
  `JSON bodies: 16 MB (413 PAYLOAD_TOO_LARGE), arrays and objects nested at most ${w.MAX_JSON_DEPTH} deep, also in the filter query (400 LIMIT_EXCEEDED jsonDepth); imports: 512 MB`,
  `Rows: ${w.MAX_BATCH_ROWS} a batch, ${w.MAX_PAGE_ROWS} a page; text cells ${MAX_TEXT} characters`,
  `Filters: and/or groups nested at most ${w.MAX_FILTER_DEPTH} deep (filterDepth), at most ${w.MAX_FILTER_CONDITIONS} conditions in all (filterConditions); an "in" list is one condition of any length`,
  `Sorts: at most ${w.MAX_SORT_FIELDS} fields (sortFields)`,
  `Dates (asOf, values compared with a date field in a filter): calendar days from 1900-01-01 to 9999-12-31, else 400 BAD_REQUEST`,
  `Tables: ${MAX_FIELD_COLUMNS} field columns (SQLite's ${w.MAX_TABLE_COLUMNS} minus id and _version): one per field, two per formula field, fields in the trash keep theirs; past it 422 TOO_MANY_FIELDS before anything is written`,
  `Dashboards: charts of the kinds ${w.CHART_KINDS.join(', ')}; unique ids; place x 0–${w.CHART_PLACE_BOUNDS.x[1]}, y 0–${w.CHART_PLACE_BOUNDS.y[1]}, w and h 1–${w.CHART_PLACE_BOUNDS.w[1]}; tables of the workbook and fields of the chart's table (in the trash too), else 400 with details.issues`,
];

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = jsonSchema(w.ErrorEnvelopeSchema, 'output');
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = r.query ? Object.keys(r.query.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })) : [];
    const status = String(r.status ?? 200);
    const error = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
    const write = r.method !== 'get';
    const file = { type: 'string', format: 'binary' };
    const uploadBody = {
      required: true,
      content: {
        'multipart/form-data': { schema: { type: 'object', properties: { file }, required: ['file'] } },
        'application/octet-stream': { schema: file },
      },
    };
    paths[r.path] ??= {};
    (paths[r.path] as Record<string, unknown>)[r.method] = {
      summary: r.summary,
      parameters: [...params, ...query],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      ...(r.upload ? { requestBody: uploadBody } : {}),
      responses: {
        [status]: r.answer ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.answer, 'output') } } } : { description: 'OK' },
        '403': error(write ? EDGE.forbiddenWrite : EDGE.forbidden),
        ...(write ? { '415': error(EDGE.unsupported) } : {}),
        default: error('Error'),
      },
    };
  }
  const limits = `Limits (past one: a 4xx naming it, in zh-CN and en):\n${LIMITS.map((l) => `- ${l}`).join('\n')}`;
  const description = `${EDGE.description}\n\n${limits}`;
  return { openapi: '3.1.0', info: { title: 'Segsheet API', version, description }, paths };
}

export function openApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let cached: Record<string, unknown> | undefined;
  app.get('/openapi.json', (c) => {
    cached ??= openApiDocument(c.var.deps.version);
    return c.json(cached);
  });
  return app;
}
