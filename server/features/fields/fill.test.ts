// A formula field added to a big table, over a real socket: filled in chunks while other requests are answered,
// progress as server-sent events, edits made during the fill in the result, nothing left behind by a failure.
// The chunk sizes are lowered through the environment so a 20,000-row table is "big".
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Field, RowsPage, Table, TableEvent, Workbook } from '../../../common';

let h: Harness;
let server: ServerType;
let base: string;
const saved = { from: process.env.SEGSHEET_BACKGROUND_FILL_ROWS, chunk: process.env.SEGSHEET_FILL_CHUNK_ROWS };
const ROWS = 20_000;

async function call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(base + route, { method, headers: { 'content-type': 'application/json', 'accept-language': 'en' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
}

/** Reads the event stream of a table into `events` until aborted. */
function listen(tableId: string): { events: TableEvent[]; stop: () => void; opened: Promise<void> } {
  const events: TableEvent[] = [];
  const abort = new AbortController();
  const opened = fetch(`${base}/api/tables/${tableId}/events`, { signal: abort.signal }).then((res) => {
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const pump = async (): Promise<void> => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, cut).split('\n').find((l) => l.startsWith('data: '));
          buffer = buffer.slice(cut + 2);
          if (data) events.push(JSON.parse(data.slice(6)) as TableEvent);
        }
      }
    };
    pump().catch(() => undefined);
  });
  return { events, stop: () => abort.abort(), opened };
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(test()).toBe(true);
}

async function bigTable(name: string): Promise<{ table: Table; n: string }> {
  const wb = (await call<Workbook>('POST', '/api/workbooks', { name })).json;
  const table = (await call<Table>('POST', `/api/workbooks/${wb.id}/tables`, { name: 'big', fields: [{ name: 'n', type: 'number' }] })).json;
  const n = table.fields[0]!.id;
  for (let i = 0; i < ROWS; i += 10_000) {
    const rows = Array.from({ length: 10_000 }, (_, k) => ({ cells: { [n]: i + k } }));
    expect((await call('POST', `/api/tables/${table.id}/rows`, { rows })).status).toBe(201);
  }
  return { table, n };
}

beforeAll(async () => {
  process.env.SEGSHEET_BACKGROUND_FILL_ROWS = '1000';
  process.env.SEGSHEET_FILL_CHUNK_ROWS = '200';
  h = await openHarness();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: h.segsheet.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  process.env.SEGSHEET_BACKGROUND_FILL_ROWS = saved.from;
  process.env.SEGSHEET_FILL_CHUNK_ROWS = saved.chunk;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

describe('filling a formula field on a big table', () => {
  it('answers other requests during the fill, reports progress and includes edits made meanwhile', async () => {
    const { table, n } = await bigTable('fill');
    const stream = listen(table.id);
    await stream.opened;
    let answered = false;
    const posting = call<Field>('POST', `/api/tables/${table.id}/fields`, { name: 'double', type: 'formula', formula: '{n}*2' }).then((r) => {
      answered = true;
      return r;
    });
    await until(() => stream.events.some((e) => e.type === 'progress'));
    const health = await call<{ status: string }>('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(answered).toBe(false);
    const first = (await call<RowsPage>('GET', `/api/tables/${table.id}/rows?offset=0&limit=1`)).json.rows[0]!;
    expect(Object.keys(first.cells)).toEqual([n]); // not visible while filling
    expect((await call('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: first.id, cells: { [n]: 1000 } }] })).status).toBe(200);
    const { status, json: field } = await posting;
    expect(status).toBe(201);
    const page = (await call<RowsPage>('GET', `/api/tables/${table.id}/rows?offset=0&limit=1000`)).json;
    expect(page.rows[0]!.cells[field.id]).toBe(2000);
    for (const row of page.rows.slice(1)) expect(row.cells[field.id]).toBe(Number(row.cells[n]) * 2);
    const last = (await call<RowsPage>('GET', `/api/tables/${table.id}/rows?offset=${ROWS - 1}&limit=1`)).json.rows[0]!;
    expect(last.cells[field.id]).toBe((ROWS - 1) * 2);
    await until(() => stream.events.some((e) => e.type === 'done'));
    const progress = stream.events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toMatchObject({ done: ROWS, total: ROWS, task: { kind: 'fill', fieldName: 'double' } });
    stream.stop();
  });

  it('leaves no column behind when the fill fails (the table was deleted meanwhile)', async () => {
    const { table } = await bigTable('fail');
    const stream = listen(table.id);
    await stream.opened;
    const posting = call('POST', `/api/tables/${table.id}/fields`, { name: 'half', type: 'formula', formula: '{n}+1' });
    await until(() => stream.events.some((e) => e.type === 'progress'));
    expect((await call('DELETE', `/api/tables/${table.id}`)).status).toBe(204);
    expect((await posting).status).toBe(404);
    await until(() => stream.events.some((e) => e.type === 'failed'));
    stream.stop();
    const sqlite = new SQLite(h.segsheet.dbFile, { readonly: true });
    try {
      const columns = (sqlite.prepare(`select name from pragma_table_info('t_${table.id}')`).pluck().all() as string[]).sort();
      expect(columns).toEqual(['_version', `c_${table.fields[0]!.id}`, 'id']);
    } finally {
      sqlite.close();
    }
  });
});
