// Pending imports survive a restart: real HTTP on a real port, openSegsheet twice on the same data folder.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSegsheet } from '../../boot';
import type { Segsheet } from '../../boot';
import type { ErrorEnvelope, ImportCommitResult, ImportPreview, RowsPage, Workbook } from '../../../common';

interface Running {
  segsheet: Segsheet;
  server: ServerType;
  base: string;
}

let dir: string;
let running: Running | undefined;

async function start(): Promise<Running> {
  const segsheet = await openSegsheet({ dataDir: dir, seedDemo: false });
  return new Promise((resolve) => {
    const server = serve({ fetch: segsheet.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ segsheet, server, base: `http://127.0.0.1:${info.port}` }));
  });
}

async function stop(): Promise<void> {
  const r = running;
  running = undefined;
  if (!r) return;
  await new Promise<void>((resolve) => r.server.close(() => resolve()));
  await r.segsheet.close();
}

async function restart(): Promise<Running> {
  await stop();
  running = await start();
  return running;
}

async function call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; json: T }> {
  if (!running) throw new Error('not running');
  const res = await fetch(running.base + route, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function upload(workbookId: string, text: string, filename: string): Promise<ImportPreview> {
  if (!running) throw new Error('not running');
  const res = await fetch(`${running.base}/api/workbooks/${workbookId}/imports?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    body: Buffer.from(text),
    headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ImportPreview;
}

const importsDir = (): string => path.join(dir, 'imports');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-imports-'));
  running = await start();
});
afterEach(async () => {
  await stop();
  await rm(dir, { recursive: true, force: true });
});

describe('pending imports across a restart', () => {
  it('commits after a restart, then deletes the file; a failed commit keeps it', async () => {
    const wb = (await call<Workbook>('POST', '/api/workbooks', { name: 'W' })).json;
    const p = await upload(wb.id, 'name,amount\nA,1\nB,x\nC,3\n', 'r.csv');
    expect(existsSync(path.join(importsDir(), p.id))).toBe(true);

    await restart();
    const abort = await call<ErrorEnvelope>('POST', `/api/imports/${p.id}/commit`, { target: { name: 'R' }, types: { amount: 'number' }, badRows: 'abort' });
    expect(abort.status).toBe(422);
    expect(abort.json.error.code).toBe('IMPORT_BAD_ROWS');
    expect((await call<Workbook>('GET', `/api/workbooks/${wb.id}`)).json.tables).toHaveLength(0);

    await restart();
    const done = await call<ImportCommitResult>('POST', `/api/imports/${p.id}/commit`, { target: { name: 'R' }, types: { amount: 'number' }, badRows: 'skip' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ inserted: 2, skipped: 1 });
    const page = (await call<RowsPage>('GET', `/api/tables/${done.json.tableId}/rows`)).json;
    expect(page.rows.map((r) => Object.values(r.cells))).toEqual([
      ['A', 1],
      ['C', 3],
    ]);
    expect(existsSync(path.join(importsDir(), p.id))).toBe(false);
    expect((await call('POST', `/api/imports/${p.id}/commit`, { target: { name: 'again' }, badRows: 'skip' })).status).toBe(400);

    await restart();
    expect((await call('POST', `/api/imports/${p.id}/commit`, { target: { name: 'again' }, badRows: 'skip' })).status).toBe(404);
  });

  it('expires pending imports after 24 hours and removes files no import explains', async () => {
    const wb = (await call<Workbook>('POST', '/api/workbooks', { name: 'W' })).json;
    const old = await upload(wb.id, 'a\n1\n', 'old.csv');
    const fresh = await upload(wb.id, 'a\n2\n', 'fresh.csv');
    await stop();
    const raw = new SQLite(path.join(dir, 'segsheet.db'));
    raw.prepare('update pending_imports set created_at = ? where id = ?').run(new Date(Date.now() - 25 * 3600_000).toISOString(), old.id);
    raw.close();
    await writeFile(path.join(importsDir(), 'iorphan0000000'), 'left by a crash');
    await writeFile(path.join(importsDir(), 'notes.txt'), 'not ours');

    running = await start();
    expect((await call('POST', `/api/imports/${old.id}/commit`, { target: { name: 'Old' }, badRows: 'skip' })).status).toBe(404);
    expect((await readdir(importsDir())).sort()).toEqual([fresh.id, 'notes.txt'].sort());
    const done = await call<ImportCommitResult>('POST', `/api/imports/${fresh.id}/commit`, { target: { name: 'Fresh' }, badRows: 'skip' });
    expect(done.json.inserted).toBe(1);
    expect(await readdir(importsDir())).toEqual(['notes.txt']);
  });
});
