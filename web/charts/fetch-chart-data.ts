// Fetches exactly what one chart needs, never all rows: group summaries for distributions and cross-tabs,
// the top PARETO_ROW_LIMIT customers plus band totals for Pareto, and the server's bins for histograms (plus the
// value range of each tier when a tier field is given, to draw its cut points).
// Plain fetch with Accept-Language; answers typed data or a typed error, never throws (except on abort).
import type {
  CellValue, Filter, FilterCondition, HistogramResult, Language, Measure, RowsPage, SummaryGroup, SummaryResult,
} from '../../common';
import type { Bin, TierRange } from './histogram';
import type { ParetoBand, ParetoCustomer } from './pareto';
import { valueFieldId, type ChartSpec } from './spec';
import type { ChartDataError } from './states';

/**
 * Pareto draws at most this many customers as bars: the API's page limit (1,000 rows per page), one request.
 * Past it, the curve still reaches every customer through the ABC field's band totals (one summary request).
 */
export const PARETO_ROW_LIMIT = 1000;
export const HISTOGRAM_BINS = 20;

export type ChartData =
  | { kind: 'summary'; groups: SummaryGroup[]; total: number }
  | { kind: 'pareto'; customers: ParetoCustomer[]; totalCount: number; bands?: ParetoBand[] }
  | { kind: 'histogram'; bins: Bin[]; tiers?: TierRange[] }
  /** The summary table: groups with [sum, avg] of the number field (none for a count-only table). */
  | { kind: 'table'; groups: SummaryGroup[]; total: number; measures: Measure[] };

export type ChartDataResult = { ok: true; data: ChartData } | { ok: false; error: ChartDataError };

export interface FetchOptions {
  language: Language;
  baseUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

class RequestFailed extends Error {
  constructor(readonly error: ChartDataError) {
    super(error.message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function call(o: FetchOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const doFetch = o.fetch ?? fetch;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': o.language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await doFetch(`${o.baseUrl ?? '/api'}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: o.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new RequestFailed({ status: 0, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const err = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
    throw new RequestFailed({
      status: res.status,
      code: typeof err.code === 'string' ? err.code : 'INTERNAL',
      message: typeof err.message === 'string' ? err.message : res.statusText,
    });
  }
  if (parsed === undefined) throw new RequestFailed({ status: res.status, code: 'BAD_RESPONSE', message: 'unreadable answer' });
  return parsed;
}

function asSummary(v: unknown): SummaryResult {
  if (!isRecord(v) || !Array.isArray(v.groups) || typeof v.total !== 'number') {
    throw new RequestFailed({ status: 200, code: 'BAD_RESPONSE', message: 'unexpected summary answer' });
  }
  return v as SummaryResult;
}

function asRows(v: unknown): RowsPage {
  if (!isRecord(v) || !Array.isArray(v.rows) || typeof v.total !== 'number') {
    throw new RequestFailed({ status: 200, code: 'BAD_RESPONSE', message: 'unexpected rows answer' });
  }
  return v as RowsPage;
}

const enc = encodeURIComponent;

export function withFilter(spec: ChartSpec, ...conditions: (FilterCondition | Filter)[]): Filter | undefined {
  const all = [...(spec.filter ? [spec.filter] : []), ...conditions];
  return all.length === 0 ? undefined : { and: all };
}

export function summaryBody(spec: ChartSpec, groupBy: string[], measures: Measure[]) {
  const filter = withFilter(spec);
  return { groupBy, ...(measures.length ? { measures } : {}), ...(filter ? { filter } : {}) };
}

async function summary(spec: ChartSpec, o: FetchOptions, groupBy: string[], measures: Measure[]): Promise<SummaryResult> {
  return asSummary(await call(o, 'POST', `/tables/${enc(spec.tableId)}/summary`, summaryBody(spec, groupBy, measures)));
}

export function rowsPath(tableId: string, q: { limit: number; sort?: string; filter?: Filter }): string {
  const p = new URLSearchParams({ offset: '0', limit: String(q.limit) });
  if (q.sort) p.set('sort', q.sort);
  if (q.filter) p.set('filter', JSON.stringify(q.filter));
  return `/tables/${enc(tableId)}/rows?${p.toString()}`;
}

async function rows(o: FetchOptions, tableId: string, q: { limit: number; sort?: string; filter?: Filter }): Promise<RowsPage> {
  return asRows(await call(o, 'GET', rowsPath(tableId, q)));
}

function num(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

async function fetchPareto(spec: ChartSpec, o: FetchOptions, valueId: string): Promise<ChartData> {
  const filter = withFilter(spec, { fieldId: valueId, op: 'notEmpty' });
  const abc = spec.groupBy[0];
  const [page, bands] = await Promise.all([
    rows(o, spec.tableId, { limit: PARETO_ROW_LIMIT, sort: `${valueId}:desc`, ...(filter ? { filter } : {}) }),
    abc ? summary(spec, o, [abc], [{ op: 'sum', fieldId: valueId }]) : Promise.resolve(null),
  ]);
  const customers: ParetoCustomer[] = [];
  for (const r of page.rows) {
    const value = num(r.cells[valueId]);
    if (value === null) continue;
    const label = spec.labelFieldId ? r.cells[spec.labelFieldId] : undefined;
    customers.push({ label: typeof label === 'string' || typeof label === 'number' ? String(label) : `#${customers.length + 1}`, value });
  }
  const data: ChartData = { kind: 'pareto', customers, totalCount: page.total };
  if (bands) data.bands = bands.groups.map((g) => ({ key: g.key[0] ?? null, count: g.count, sum: num(g.measures[0]) ?? 0 }));
  return data;
}

function asHistogram(v: unknown): HistogramResult {
  if (!isRecord(v) || !Array.isArray(v.bins) || typeof v.count !== 'number') {
    throw new RequestFailed({ status: 200, code: 'BAD_RESPONSE', message: 'unexpected histogram answer' });
  }
  return v as HistogramResult;
}

async function fetchHistogram(spec: ChartSpec, o: FetchOptions, valueId: string): Promise<ChartData> {
  const filter = withFilter(spec);
  const tier = spec.groupBy[0];
  const body = { fieldId: valueId, bins: spec.bins ?? HISTOGRAM_BINS, ...(filter ? { filter } : {}) };
  const [h, ranges] = await Promise.all([
    call(o, 'POST', `/tables/${enc(spec.tableId)}/histogram`, body).then(asHistogram),
    tier ? summary(spec, o, [tier], [{ op: 'min', fieldId: valueId }, { op: 'max', fieldId: valueId }]) : Promise.resolve(null),
  ]);
  const data: ChartData = { kind: 'histogram', bins: h.bins };
  if (ranges) {
    data.tiers = ranges.groups.flatMap((g) => {
      const min = num(g.measures[0]);
      const max = num(g.measures[1]);
      return min === null || max === null ? [] : [{ key: g.key[0] ?? null, min, max }];
    });
  }
  return data;
}

/** The summary table's measures: sum and average of its number field, if it has one. */
export function tableMeasures(spec: ChartSpec): Measure[] {
  const id = valueFieldId(spec);
  return id === null ? [] : [{ op: 'sum', fieldId: id }, { op: 'avg', fieldId: id }];
}

export async function fetchChartData(spec: ChartSpec, o: FetchOptions): Promise<ChartDataResult> {
  try {
    const valueId = valueFieldId(spec);
    if (spec.kind === 'pareto' || spec.kind === 'histogram') {
      if (valueId === null) return { ok: false, error: { status: 0, code: 'BAD_REQUEST', message: 'no number field' } };
      return { ok: true, data: await (spec.kind === 'pareto' ? fetchPareto(spec, o, valueId) : fetchHistogram(spec, o, valueId)) };
    }
    if (spec.kind === 'summary') {
      const measures = tableMeasures(spec);
      const s = await summary(spec, o, spec.groupBy, measures);
      return { ok: true, data: { kind: 'table', groups: s.groups, total: s.total, measures } };
    }
    const measures: Measure[] = spec.measure.op === 'count' ? [] : [{ op: spec.measure.op, fieldId: spec.measure.fieldId }];
    const s = await summary(spec, o, spec.groupBy, measures);
    return { ok: true, data: { kind: 'summary', groups: s.groups, total: s.total } };
  } catch (e) {
    if (e instanceof RequestFailed) return { ok: false, error: e.error };
    throw e;
  }
}
