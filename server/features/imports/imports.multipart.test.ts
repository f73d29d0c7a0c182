import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import type { AppEnv } from '../../http/context';
import { onError } from '../../http/error-handler';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, ImportPreview, Workbook } from '../../../common';
import { importsRoutes } from './imports.routes';
import { ImportStore } from './imports.store';

let h: Harness;
let wb: Workbook;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
});
afterEach(async () => {
  await h.close();
});

type Fetcher = { request(url: string, init: RequestInit): Response | Promise<Response> };

async function post(body: BodyInit, headers: Record<string, string> = {}, options: { app?: Fetcher; prefix?: string; query?: string } = {}): Promise<{ status: number; json: unknown }> {
  const app = options.app ?? h.segsheet.app;
  const url = `${options.prefix ?? '/api'}/workbooks/${wb.id}/imports${options.query ?? ''}`;
  const init = { method: 'POST', body, headers: { 'accept-language': 'en', ...headers }, duplex: 'half' } as RequestInit;
  const res = await app.request(url, init);
  return { status: res.status, json: (await res.json()) as unknown };
}

async function leftoverUploads(): Promise<string[]> {
  return readdir(path.join(h.dir, 'imports')).catch(() => []);
}

const BOUNDARY = '----segsheet-test-boundary';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body written by hand, so tests can cut it short or word its headers. */
function multipart(parts: { disposition: string; content: Uint8Array | string }[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${part.disposition}\r\n\r\n`));
    chunks.push(Buffer.from(part.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The bytes as a stream of small chunks with no content-length, the way a long upload arrives. */
function trickle(bytes: Uint8Array, chunkSize = 256): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkSize));
      at += chunkSize;
    },
  });
}

/** The real imports routes with a small upload limit, over the harness's database. */
function appWithUploadLimit(limit: number): { app: Hono<AppEnv>; close(): Promise<void> } {
  const { db } = openSqlite(h.segsheet.dbFile);
  const imports = new ImportStore();
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', { db, dbFile: h.segsheet.dbFile, version: 'test' });
    c.set('imports', imports);
    await next();
  });
  app.route('/', importsRoutes({ uploadLimit: limit }));
  app.onError(onError);
  return { app, close: () => db.destroy() };
}

const CSV = '客户名称,省份,销售额\n华信科技,广东,1200\n鼎盛贸易,浙江,300\n';

describe('multipart imports', () => {
  it('streams the "file" part: Chinese headers and a Chinese filename, other parts skipped', async () => {
    const form = new FormData();
    form.set('note', 'just a field');
    form.set('other', new Blob(['x,y\n1,2\n']), 'other.csv');
    form.set('file', new Blob([CSV]), '客户.csv');
    form.set('after', new Blob(['ignored']), '后面.txt');
    const res = await post(form);
    expect(res.status).toBe(201);
    const p = as<ImportPreview>(res.json);
    expect(p.filename).toBe('客户.csv');
    expect(p.rowCount).toBe(2);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['客户名称', 'text'],
      ['省份', 'text'],
      ['销售额', 'number'],
    ]);
    expect(p.rows[0]).toEqual(['华信科技', '广东', '1200']);
  });

  it('reads an RFC 5987 filename*, and ?filename= wins over the part filename', async () => {
    const starred = multipart([{ disposition: `name="file"; filename*=UTF-8''${encodeURIComponent('订单.csv')}`, content: CSV }]);
    const p = as<ImportPreview>((await post(starred, { 'content-type': MULTIPART })).json);
    expect(p.filename).toBe('订单.csv');
    const form = new FormData();
    form.set('file', new Blob([CSV]), 'upload.bin');
    const q = as<ImportPreview>((await post(form, {}, { query: `?filename=${encodeURIComponent('名单.csv')}` })).json);
    expect(q).toMatchObject({ filename: '名单.csv', rowCount: 2 });
  });

  it('previews the CDNOW sample sent as a multipart .csv.gz', async () => {
    const bytes = await readFile(new URL('../../../datasets/cdnow_sample.csv.gz', import.meta.url));
    const form = new FormData();
    form.set('file', new Blob([bytes]), 'cdnow_sample.csv.gz');
    const res = await post(form);
    expect(res.status).toBe(201);
    const p = as<ImportPreview>(res.json);
    expect(p).toMatchObject({ filename: 'cdnow_sample.csv.gz', rowCount: 6919 });
    expect(p.columns.map((c) => c.name)).toEqual(['master_customer_id', 'customer_id', 'date', 'cds', 'amount']);
  });

  it('answers 400 when the "file" part is missing, and keeps no file', async () => {
    const form = new FormData();
    form.set('note', 'no file here');
    form.set('attachment', new Blob([CSV]), 'a.csv');
    const res = await post(form);
    expect(res.status).toBe(400);
    const env = as<ErrorEnvelope>(res.json);
    expect(env.error.code).toBe('BAD_REQUEST');
    expect(env.error.message).toContain('multipart field "file" is missing');
    expect(await leftoverUploads()).toEqual([]);
  });

  it('answers 400 for a truncated body or a bad boundary, and keeps no file', async () => {
    const whole = multipart([{ disposition: 'name="file"; filename="big.csv"', content: CSV.repeat(200) }]);
    const cut = await post(trickle(whole.subarray(0, whole.byteLength / 2)), { 'content-type': MULTIPART });
    expect(cut.status).toBe(400);
    expect(as<ErrorEnvelope>(cut.json).error.message).toMatch(/multipart body is malformed/);
    expect(await leftoverUploads()).toEqual([]);

    const noBoundary = await post(whole, { 'content-type': 'multipart/form-data' });
    expect(noBoundary.status).toBe(400);
    const otherBoundary = await post(whole, { 'content-type': 'multipart/form-data; boundary=not-the-one' });
    expect(otherBoundary.status).toBe(400);
    const badHeader = new TextEncoder().encode(`--${BOUNDARY}\r\n${'x'.repeat(20000)}\r\n\r\nabc\r\n--${BOUNDARY}--\r\n`);
    expect((await post(badHeader, { 'content-type': MULTIPART })).status).toBe(400);
    expect(await leftoverUploads()).toEqual([]);
  });

  it('answers 413 past the upload limit, by content-length or by counting, and keeps no file', async () => {
    const limited = appWithUploadLimit(2048);
    try {
      const routes = { app: limited.app, prefix: '' };
      const small = multipart([{ disposition: 'name="file"; filename="s.csv"', content: CSV }]);
      const accepted = await post(trickle(small), { 'content-type': MULTIPART }, routes);
      expect(accepted.status).toBe(201);

      const big = multipart([{ disposition: 'name="file"; filename="b.csv"', content: CSV.repeat(100) }]);
      const counted = await post(trickle(big), { 'content-type': MULTIPART }, routes);
      expect(counted.status).toBe(413);
      const env = as<ErrorEnvelope>(counted.json);
      expect(env.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(env.error.message).toContain('2 KB');
      const declared = await post(big, { 'content-type': MULTIPART, 'content-length': String(big.byteLength) }, routes);
      expect(declared.status).toBe(413);
      const raw = await post(trickle(Buffer.from(CSV.repeat(100))), { 'content-type': 'text/csv' }, { ...routes, query: '?filename=r.csv' });
      expect(raw.status).toBe(413);
      expect(await leftoverUploads()).toEqual([as<ImportPreview>(accepted.json).id]);
    } finally {
      await limited.close();
    }
  });
});
