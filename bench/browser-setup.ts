// Data of the browser benchmark: the real app (as `npm start` runs it) holding a big table, a 100-row table and a
// table with formula fields, all made through the HTTP API (an import for the big ones: it is the fast path).
import { startApp, type RunningApp } from '../e2e/app-process';
import { field, text } from './server-api';

export interface BenchApp {
  readonly app: RunningApp;
  call(method: string, route: string, body?: unknown): Promise<unknown>;
}

export interface BenchTable {
  readonly id: string;
  readonly name: string;
  readonly rows: number;
  /** Field ids by field name. */
  readonly fields: ReadonlyMap<string, string>;
}

export async function startBenchApp(): Promise<BenchApp> {
  const app = await startApp();
  return {
    app,
    async call(method, route, body) {
      const res = await fetch(app.url + route, {
        method,
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = await res.text();
      if (!res.ok) throw new Error(`${method} ${route.replace(/\?.*$/, '')} answered ${res.status}: ${answer.slice(0, 300)}`);
      return answer ? (JSON.parse(answer) as unknown) : undefined;
    },
  };
}

/** Customer name of row i (0-based): C0000001 …; the benchmark checks it to know the right rows are shown. */
export const customerName = (i: number): string => `C${String(i + 1).padStart(7, '0')}`;
/** Amount of row i; row 0 is 0 (tier T4), so the first edit to 6000 changes its tier. */
export const amountOf = (i: number): number => (i * 7919) % 10_000;

const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京'];

function csvOf(rows: number): Buffer {
  const lines = ['客户,金额,城市,日期'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    lines.push(`${customerName(i)},${amountOf(i)},${CITIES[i % CITIES.length]},2024-0${1 + (i % 9)}-${day < 10 ? '0' : ''}${day}`);
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

async function fieldMap(b: BenchApp, tableId: string): Promise<Map<string, string>> {
  const table = await b.call('GET', `/api/tables/${tableId}`);
  const fields = field(table, 'fields');
  if (!Array.isArray(fields)) throw new Error('GET /api/tables/:id gave no fields');
  return new Map(fields.map((f: unknown) => [text(f, 'name'), text(f, 'id')]));
}

/** Upload → preview → commit of a generated CSV into a new table. */
export async function importTable(b: BenchApp, workbookId: string, name: string, rows: number): Promise<BenchTable> {
  const upload = await fetch(`${b.app.url}/api/workbooks/${workbookId}/imports?filename=${encodeURIComponent(name)}.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
    body: new Blob([new Uint8Array(csvOf(rows))]),
  });
  const preview: unknown = await upload.json();
  if (!upload.ok) throw new Error(`import upload answered ${upload.status}: ${JSON.stringify(preview).slice(0, 300)}`);
  const commit = await b.call('POST', `/api/imports/${text(preview, 'id')}/commit`, { target: { name }, badRows: 'abort' });
  const id = text(commit, 'tableId');
  const inserted = field(commit, 'inserted');
  if (inserted !== rows) throw new Error(`import of ${name} inserted ${String(inserted)} of ${rows} rows`);
  return { id, name, rows, fields: await fieldMap(b, id) };
}

export const TIER_FORMULA = 'IFS({金额}>=5000,"T1",{金额}>=2000,"T2",{金额}>=500,"T3",TRUE,"T4")';

/** Adds the row-local formula fields the edit benchmark watches: a tier and a double of the amount. */
export async function addFormulas(b: BenchApp, table: BenchTable): Promise<BenchTable> {
  await b.call('POST', `/api/tables/${table.id}/fields`, { name: '档次', type: 'formula', formula: TIER_FORMULA });
  await b.call('POST', `/api/tables/${table.id}/fields`, { name: '两倍', type: 'formula', formula: '{金额}*2' });
  return { ...table, fields: await fieldMap(b, table.id) };
}

export function fieldId(table: BenchTable, name: string): string {
  const id = table.fields.get(name);
  if (!id) throw new Error(`no field ${name} in ${table.name} (fields: ${[...table.fields.keys()].join(', ')})`);
  return id;
}

export function tierOf(amount: number): string {
  return amount >= 5000 ? 'T1' : amount >= 2000 ? 'T2' : amount >= 500 ? 'T3' : 'T4';
}
