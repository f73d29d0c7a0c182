// The few API calls of shared/API.md the server benchmarks make, with the answers narrowed from unknown.
import { readFileSync } from 'node:fs';
import type { ServerHandle } from './server-process';

export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

export function text(value: unknown, key: string): string {
  const found = field(value, key);
  if (typeof found !== 'string') throw new Error(`expected a string "${key}" in ${JSON.stringify(value).slice(0, 200)}`);
  return found;
}

function list(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  if (!Array.isArray(found)) throw new Error(`expected an array "${key}" in ${JSON.stringify(value).slice(0, 200)}`);
  return found;
}

export async function createWorkbook(h: ServerHandle, name: string, asOf: string): Promise<string> {
  return text(await h.call('POST', '/api/workbooks', { name, language: 'en', asOf }), 'id');
}

/** Field ids of a table by field name. */
export async function fieldIds(h: ServerHandle, tableId: string): Promise<Map<string, string>> {
  const table = await h.call('GET', `/api/tables/${tableId}`);
  return new Map(list(table, 'fields').map((f) => [text(f, 'name'), text(f, 'id')]));
}

export function idOf(ids: Map<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`no field "${name}" (fields: ${[...ids.keys()].join(', ')})`);
  return id;
}

export interface Imported {
  readonly tableId: string;
  readonly inserted: number;
  readonly previewMs: number;
  readonly commitMs: number;
}

/** Upload (raw body, ?filename=) → preview → commit into a new table; both steps timed. */
export async function importCsv(h: ServerHandle, workbookId: string, file: string, tableName: string): Promise<Imported> {
  const body = readFileSync(file);
  const filename = encodeURIComponent(file.split('/').pop() ?? 'data.csv');
  const t0 = performance.now();
  const preview = await h.upload(`/api/workbooks/${workbookId}/imports?filename=${filename}`, body, 'text/csv');
  const t1 = performance.now();
  const commit = await h.call('POST', `/api/imports/${text(preview, 'id')}/commit`, { target: { name: tableName }, badRows: 'skip' });
  const t2 = performance.now();
  const inserted = field(commit, 'inserted');
  return { tableId: text(commit, 'tableId'), inserted: typeof inserted === 'number' ? inserted : -1, previewMs: t1 - t0, commitMs: t2 - t1 };
}

export async function addFormulaField(h: ServerHandle, tableId: string, name: string, formula: string): Promise<string> {
  return text(await h.call('POST', `/api/tables/${tableId}/fields`, { name, type: 'formula', formula }), 'id');
}

export async function createTable(h: ServerHandle, workbookId: string, name: string, fields: { name: string; type: string }[]): Promise<string> {
  return text(await h.call('POST', `/api/workbooks/${workbookId}/tables`, { name, fields }), 'id');
}

/** Inserts rows in batches of 10,000 (the API's limit). */
export async function insertRows(h: ServerHandle, tableId: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    await h.call('POST', `/api/tables/${tableId}/rows`, { rows: rows.slice(i, i + 10_000).map((cells) => ({ cells })) });
  }
}

export async function rowIds(h: ServerHandle, tableId: string, limit: number): Promise<string[]> {
  const page = await h.call('GET', `/api/tables/${tableId}/rows?offset=0&limit=${limit}`);
  return list(page, 'rows').map((row) => {
    const id = field(row, 'id');
    return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  });
}

/** POST /api/templates/rfm/apply from transactions: makes the customer table and its RFM columns. */
export async function applyRfmFromOrders(h: ServerHandle, ordersTableId: string, mapping: Record<string, string>): Promise<unknown> {
  return h.call('POST', '/api/templates/rfm/apply', { tableId: ordersTableId, source: 'transactions', mapping });
}

/** Every row of a table as {fieldName: value}, read in pages of 1,000. */
export async function allRows(h: ServerHandle, tableId: string): Promise<Record<string, unknown>[]> {
  const names = new Map([...(await fieldIds(h, tableId))].map(([name, id]) => [id, name]));
  const out: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 1000) {
    const rows = list(await h.call('GET', `/api/tables/${tableId}/rows?offset=${offset}&limit=1000`), 'rows');
    for (const row of rows) {
      const cells = field(row, 'cells');
      const named: Record<string, unknown> = {};
      if (typeof cells === 'object' && cells !== null) for (const [id, value] of Object.entries(cells)) named[names.get(id) ?? id] = value;
      out.push(named);
    }
    if (rows.length < 1000) return out;
  }
}
