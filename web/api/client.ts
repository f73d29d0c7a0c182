import { ApiError, toApiError } from './api-error';
import type { Dashboard, HistogramRequest, HistogramResult } from '../../common';
import type {
  Explain, Field, FieldInput, FieldPatch, Filter, FormulaCheck, ImportCommitBody, ImportCommitResult,
  ImportPreview, Language, RowsPage, SummaryResult, Table, TrashItem, UndoResult, Workbook, WriteResult,
  CellValue, RestoreResult, RowsInsertResult,
} from './types';

export { ApiError, isApiError } from './api-error';

type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  raw?: BodyInit;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  language?: () => Language;
}

export function buildUrl(base: string, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

/** The header grouping requests into one undo step (server/http/helpers.ts STEP_HEADER). */
function stepHeader(step: string | undefined): Record<string, string> {
  return step ? { 'x-segsheet-step': step } : {};
}

/** A new undo step id. */
export function newStepId(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function createApiClient(opts: ClientOptions = {}) {
  const base = opts.baseUrl ?? '/api';
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const language = opts.language ?? (() => 'en' as const);

  async function request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language(), ...o.headers };
    let body: BodyInit | undefined = o.raw;
    if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    let res: Response;
    try {
      res = await doFetch(buildUrl(base, path, o.query), { method, headers, body, signal: o.signal });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!res.ok) throw toApiError(res.status, parsed, text.slice(0, 200) || res.statusText);
    return parsed as T;
  }

  const enc = encodeURIComponent;
  return {
    request,
    listWorkbooks: () => request<Workbook[] | { workbooks: Workbook[] }>('GET', '/workbooks').then(unwrapList),
    getWorkbook: (id: string) => request<Workbook>('GET', `/workbooks/${enc(id)}`),
    createWorkbook: (body: { name: string; language?: Language; asOf?: string | null }) =>
      request<Workbook>('POST', '/workbooks', { body }),
    patchWorkbook: (id: string, body: { name?: string; language?: Language; asOf?: string | null }) =>
      request<Workbook>('PATCH', `/workbooks/${enc(id)}`, { body }),
    deleteWorkbook: (id: string) => request<unknown>('DELETE', `/workbooks/${enc(id)}`),
    /** `ids`: every live table id of the workbook, once each, in the new order. */
    reorderTables: (workbookId: string, ids: string[]) =>
      request<Workbook>('PATCH', `/workbooks/${enc(workbookId)}`, { body: { tableOrder: ids } }),
    /** `ids`: every live workbook id, once each, in the new order; answers the list in that order. */
    reorderWorkbooks: (ids: string[]) => request<Workbook[]>('PUT', '/workbooks/order', { body: { ids } }),
    getTable: (id: string) => request<Table>('GET', `/tables/${enc(id)}`),
    createTable: (workbookId: string, body: { name: string; fields?: FieldInput[] }) =>
      request<Table>('POST', `/workbooks/${enc(workbookId)}/tables`, { body }),
    patchTable: (id: string, body: { name?: string; fieldOrder?: string[] }) =>
      request<Table>('PATCH', `/tables/${enc(id)}`, { body }),
    deleteTable: (id: string) => request<unknown>('DELETE', `/tables/${enc(id)}`),
    createField: (tableId: string, body: FieldInput) =>
      request<Field>('POST', `/tables/${enc(tableId)}/fields`, { body }),
    patchField: (id: string, body: FieldPatch, step?: string) => request<Field>('PATCH', `/fields/${enc(id)}`, { body, headers: stepHeader(step) }),
    deleteField: (id: string) => request<unknown>('DELETE', `/fields/${enc(id)}`),
    getRows: (
      tableId: string,
      q: { offset: number; limit: number; sort?: string; filter?: Filter | null; q?: string },
      signal?: AbortSignal,
    ) =>
      request<RowsPage>('GET', `/tables/${enc(tableId)}/rows`, {
        query: {
          offset: q.offset,
          limit: q.limit,
          sort: q.sort,
          filter: q.filter ? JSON.stringify(q.filter) : undefined,
          q: q.q,
        },
        signal,
      }),
    // `step`: one id for every request of one user action (a paste in batches), undone in one go.
    insertRows: (tableId: string, rows: { cells: Record<string, CellValue> }[], step?: string) =>
      request<RowsInsertResult>('POST', `/tables/${enc(tableId)}/rows`, { body: { rows }, headers: stepHeader(step) }),
    patchRows: (tableId: string, rows: { id: string; version?: number; cells: Record<string, CellValue> }[], step?: string) =>
      request<WriteResult>('PATCH', `/tables/${enc(tableId)}/rows`, { body: { rows }, headers: stepHeader(step) }),
    deleteRows: (tableId: string, ids: string[]) =>
      request<WriteResult>('DELETE', `/tables/${enc(tableId)}/rows`, { body: { ids } }),
    checkFormula: (tableId: string, body: { source: string; fieldId?: string; counts?: boolean }, signal?: AbortSignal) =>
      request<FormulaCheck>('POST', `/tables/${enc(tableId)}/formulas/check`, { body, signal }),
    explain: (tableId: string, rowId: string, fieldId: string) =>
      request<Explain>('GET', `/tables/${enc(tableId)}/rows/${enc(rowId)}/explain/${enc(fieldId)}`),
    summary: (
      tableId: string,
      body: { groupBy: string[]; measures?: { op: 'sum' | 'avg' | 'min' | 'max'; fieldId: string }[]; filter?: Filter },
    ) => request<SummaryResult>('POST', `/tables/${enc(tableId)}/summary`, { body }),
    histogram: (tableId: string, body: HistogramRequest, signal?: AbortSignal) =>
      request<HistogramResult>('POST', `/tables/${enc(tableId)}/histogram`, { body, signal }),
    getDashboard: (workbookId: string) => request<Dashboard>('GET', `/workbooks/${enc(workbookId)}/dashboard`),
    putDashboard: (workbookId: string, body: Dashboard) => request<Dashboard>('PUT', `/workbooks/${enc(workbookId)}/dashboard`, { body }),
    undo: (workbookId: string) => request<UndoResult>('POST', `/workbooks/${enc(workbookId)}/undo`),
    redo: (workbookId: string) => request<UndoResult>('POST', `/workbooks/${enc(workbookId)}/redo`),
    trash: (workbookId: string) =>
      request<TrashItem[] | { items: TrashItem[] }>('GET', `/workbooks/${enc(workbookId)}/trash`).then(unwrapTrash),
    trashedWorkbooks: () => request<TrashItem[] | { items: TrashItem[] }>('GET', '/trash').then(unwrapTrash),
    restore: (trashId: string) => request<RestoreResult>('POST', `/trash/${enc(trashId)}/restore`),
    // Whatever the file's own type (a .txt is text/plain): the server takes a raw body only in a type no
    // cross-site form can send (server/http/edge-guard.ts).
    uploadImport: (workbookId: string, file: File) =>
      request<ImportPreview>('POST', `/workbooks/${enc(workbookId)}/imports`, {
        query: { filename: file.name },
        raw: file,
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    commitImport: (importId: string, body: ImportCommitBody) =>
      request<ImportCommitResult>('POST', `/imports/${enc(importId)}/commit`, { body }),
    importEventsUrl: (importId: string) => `${base}/imports/${enc(importId)}/events`,
    exportUrl: (tableId: string, q: { format: 'csv' | 'xlsx'; sort?: string; filter?: Filter | null; q?: string; fields?: string[] }) =>
      buildUrl(base, `/tables/${enc(tableId)}/export`, {
        format: q.format,
        sort: q.sort,
        filter: q.filter ? JSON.stringify(q.filter) : undefined,
        q: q.q,
        fields: q.fields?.join(','),
      }),
  };
}

function unwrapList(v: Workbook[] | { workbooks: Workbook[] }): Workbook[] {
  return Array.isArray(v) ? v : v.workbooks;
}
function unwrapTrash(v: TrashItem[] | { items: TrashItem[] }): TrashItem[] {
  return Array.isArray(v) ? v : v.items;
}

export type ApiClient = ReturnType<typeof createApiClient>;

let currentLanguage: () => Language = () => 'en';
/** Called once by i18n setup so every request carries the UI language. */
export function setApiLanguage(get: () => Language): void {
  currentLanguage = get;
}

let current: ApiClient = createApiClient({ language: () => currentLanguage() });
/** The app's client (stores call this, so tests can swap it with setApi). */
export function getApi(): ApiClient {
  return current;
}
export function setApi(client: ApiClient): void {
  current = client;
}
