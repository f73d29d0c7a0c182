// Wrong input is the user's, never a 500: every route of the OpenAPI document gets bad ids, bodies and queries,
// then a list of bad values that once reached SQLite or a stack overflow. Each answer must be a 4xx in the JSON
// envelope with a code of the closed list (or a success); nothing may answer 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../openapi';
import { ERROR_CODES } from '../../common';
import type { ErrorEnvelope, ImportPreview, Table, Workbook } from '../../common';
import { as, openHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
let wb: Workbook;
let t: Table;
let importId: string;
const field = (name: string): string => t.fields.find((f) => f.name === name)?.id ?? '';

beforeAll(async () => {
  h = await openHarness({ seedDemo: true });
  wb = as<Workbook[]>((await h.request('GET', '/api/workbooks')).json)[0]!;
  t = as<Table>((await h.request('GET', `/api/tables/${wb.tables[0]!.id}`)).json);
  const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=a.csv`, { method: 'POST', body: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } });
  importId = ((await res.json()) as ImportPreview).id;
});
afterAll(async () => {
  await h.close();
});

const failures: string[] = [];

async function send(method: string, url: string, body?: unknown): Promise<void> {
  const res = await h.request(method.toUpperCase(), url, body);
  const what = `${method.toUpperCase()} ${url.slice(0, 160)} ${body === undefined ? '' : (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 160)}`;
  if (res.status >= 500) failures.push(`${res.status} ${what}`);
  else if (res.status >= 400) {
    const code = as<ErrorEnvelope | undefined>(res.json)?.error?.code;
    if (!code || !(ERROR_CODES as readonly string[]).includes(code)) failures.push(`no error envelope: ${res.status} ${what}`);
  }
}

/** Real ids for a route's path parameters, else `fallback`. */
function pathFor(path: string, fallback?: string): string {
  return path
    .replace('/workbooks/{id}', `/workbooks/${fallback ?? wb.id}`)
    .replace('/tables/{id}', `/tables/${fallback ?? t.id}`)
    .replace('/fields/{id}', `/fields/${fallback ?? field('销售额')}`)
    .replace('/imports/{id}', `/imports/${fallback ?? importId}`)
    .replace('/trash/{id}', `/trash/${fallback ?? 'xnope'}`)
    .replace('/templates/{id}', `/templates/${fallback ?? 'rfm'}`)
    .replace('{rowId}', fallback ?? '1')
    .replace('{fieldId}', fallback ?? field('客户等级'));
}

const BAD_BODIES: unknown[] = [
  undefined,
  '{',
  'null',
  '[]',
  '"text"',
  '1e999',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  {},
  { name: 1, language: 'xx', asOf: '2024-02-30', rows: 'x', ids: {}, charts: 5, source: null, target: [], fields: 'x' },
  { name: 'n', rows: [{ id: 'x', version: -1, cells: { nope: {} } }], ids: ['1e999', '-1', ''], charts: [{}], groupBy: [], measures: [{ op: 'x' }] },
  { tableId: 'tnope', mapping: { x: 'y' }, fieldId: 'nope', source: 'x'.repeat(9000), groupBy: ['nope'], filter: { and: [{ fieldId: 'nope', op: 'in', value: [{}] }] } },
];
const BAD_QUERIES = ['offset=-1&limit=0', 'offset=1e400&limit=1e400', 'sort=%3A%3A%3A', 'filter=%7B', 'filter=%5B%5D', 'format=pdf&fields=%2C%2C', `q=${'x'.repeat(2000)}`, 'sheet=nope'];
const BAD_IDS = ['nope', '%00', 'x'.repeat(5000), '1e999', '..%2F..'];

describe('bad input', () => {
  it('answers every route of the API with a 4xx envelope, never a 5xx', async () => {
    const doc = openApiDocument('0.0.0') as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })))
      // Event streams stay open; deletes go last so that the other routes meet live objects.
      .filter((r) => !r.path.endsWith('/events'))
      .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes) {
      for (const id of BAD_IDS) if (r.path.includes('{')) await send(r.method, pathFor(r.path, id));
      for (const q of BAD_QUERIES) await send(r.method, `${pathFor(r.path)}?${q}`);
      if (r.method !== 'get') for (const body of BAD_BODIES) await send(r.method, pathFor(r.path), body);
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('answers values that once reached SQLite, zod or the formula engine with a 4xx', async () => {
    const T = `/api/tables/${t.id}`;
    const filter = (f: unknown): string => `${T}/rows?filter=${encodeURIComponent(JSON.stringify(f))}`;
    const num = field('销售额');
    const date = field('最近购买日期');
    // As text: JSON.stringify itself runs out of stack on such depths.
    const deep = (n: number): string => `${'{"or":['.repeat(n)}{"fieldId":"${num}","op":"notEmpty"}${']}'.repeat(n)}`;
    const cases: [string, string, unknown?][] = [
      ['GET', `${T}/rows?filter=${encodeURIComponent(deep(900))}`],
      ['GET', filter({ or: Array.from({ length: 1_001 }, () => ({ fieldId: num, op: 'gt', value: 1 })) })],
      ['GET', filter({ and: [{ fieldId: date, op: 'gte', value: '0000-00-00' }] })],
      ['GET', filter({ and: [{ fieldId: date, op: 'between', value: [true, {}] }] })],
      ['GET', `${T}/rows?sort=${Array.from({ length: 1_200 }, () => `${num}:asc`).join(',')}`],
      ['POST', `${T}/summary`, `{"groupBy":["${num}"],"filter":${deep(5_000)}}`],
      ['POST', `${T}/histogram`, { fieldId: num, filter: { and: [{ fieldId: num, op: 'in', value: Array.from({ length: 40_000 }, (_, i) => i) }] } }],
      ['POST', `${T}/formulas/check`, { source: `${'('.repeat(5_000)}1${')'.repeat(5_000)}`.slice(0, 8_000) }],
      ['POST', `${T}/formulas/check`, { source: 'DATE(0,0,0)+TODAY()', counts: true }],
      ['POST', `${T}/fields`, { name: 'x', type: 'formula', formula: Array.from({ length: 1_500 }, () => `{${'销售额'}}`).join('+') }],
      ['PATCH', `/api/workbooks/${wb.id}`, { asOf: '2024-02-30' }],
      ['POST', '/api/workbooks', { name: 'x', asOf: '0000-00-00' }],
      ['PUT', `/api/workbooks/${wb.id}/dashboard`, { charts: [{ id: 'a', tableId: t.id, kind: 'nope', fields: ['x'], place: { x: -1, y: 1e300, w: 0.5, h: -3 } }] }],
      ['POST', '/api/templates/value-tiers/apply', { tableId: t.id, mapping: { amount: date }, parameters: { top: 'x', nope: 1 } }],
      ['POST', '/api/templates/rfm/apply', { tableId: t.id, source: 'transactions', mapping: { customer: num, date: num, amount: date }, rows: '{nope}' }],
      ['POST', `/api/imports/${importId}/commit`, { target: { tableId: t.id, mapping: { a: field('客户等级'), b: 'fnope' } } }],
      ['POST', `/api/imports/${importId}/commit`, { target: { name: 'x' }, types: { zz: 'date' } }],
    ];
    for (const [method, url, body] of cases) await send(method, url, body);
    expect(failures).toEqual([]);
  }, 120_000);
});
