// The edge of the server: host names it answers, writes it takes (content type, Origin, Sec-Fetch-Site) and the
// security headers, against the real app; a refused write must leave the database and the upload folder as they were.
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../test/harness';
import type { Harness } from '../test/harness';
import type { ErrorEnvelope, ImportPreview, Table, UndoResult, Workbook } from '../../common';

let h: Harness;
let wb: Workbook;

beforeEach(async () => {
  h = await openHarness({ allowedHosts: ['segsheet.lan', '.corp.example'] });
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
});
afterEach(async () => {
  await h.close();
});

async function send(method: string, url: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  const res = await h.segsheet.app.request(url, { method, body: init.body ?? null, headers: { 'accept-language': 'en', ...init.headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

const codeOf = (json: unknown): string => as<ErrorEnvelope>(json).error.code;
const workbookNames = async (): Promise<string[]> => as<Workbook[]>((await h.request('GET', '/api/workbooks')).json).map((w) => w.name);
const leftoverUploads = async (): Promise<string[]> => readdir(path.join(h.dir, 'imports')).catch(() => []);
const json = (body: unknown): string => JSON.stringify(body);

describe('host names', () => {
  it('answers localhost, 127.0.0.1 and [::1] on any port, and the configured names', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:4123', '[::1]:3000', 'LOCALHOST', 'segsheet.lan:8080', 'corp.example', 'a.corp.example:3000']) {
      const r = await send('GET', '/api/workbooks', { headers: { host } });
      expect(r.status, host).toBe(200);
    }
  });

  it('refuses any other host name (DNS rebinding) with a bilingual error that says how to allow it', async () => {
    for (const host of ['evil.example:3000', 'localhost.evil.example', 'evilcorp.example', '127.0.0.2:3000', 'localhost@evil.example']) {
      const r = await send('GET', '/api/workbooks', { headers: { host } });
      expect(r.status, host).toBe(403);
      expect(codeOf(r.json)).toBe('HOST_NOT_ALLOWED');
    }
    const en = await send('GET', '/api/health', { headers: { host: 'rebind.example:3000' } });
    expect(as<ErrorEnvelope>(en.json).error.message).toMatch(/rebind\.example.*SEGSHEET_ALLOWED_HOSTS/);
    const zh = await send('GET', '/api/health', { headers: { host: 'rebind.example:3000', 'accept-language': 'zh-CN' } });
    expect(as<ErrorEnvelope>(zh.json).error.message).toMatch(/主机名“rebind\.example”.*SEGSHEET_ALLOWED_HOSTS/);
  });

  it('refuses a write to another host name before it is done', async () => {
    const r = await send('POST', '/api/workbooks', { body: json({ name: 'X' }), headers: { host: 'evil.example', 'content-type': 'application/json' } });
    expect(r.status).toBe(403);
    expect(await workbookNames()).toEqual(['W']);
  });
});

describe('writes from other sites', () => {
  const jsonType = { 'content-type': 'application/json' };

  it('takes writes from its own pages and from clients that send no Origin (curl, scripts)', async () => {
    const own = { host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' };
    expect((await send('POST', '/api/workbooks', { body: json({ name: 'A' }), headers: { ...jsonType, ...own } })).status).toBe(201);
    expect((await send('POST', '/api/workbooks', { body: json({ name: 'B' }), headers: jsonType })).status).toBe(201);
    expect((await send('POST', '/api/workbooks', { body: json({ name: 'C' }), headers: { ...jsonType, 'sec-fetch-site': 'none' } })).status).toBe(201);
    const lan = { host: 'segsheet.lan:3000', origin: 'http://segsheet.lan:3000' };
    expect((await send('POST', '/api/workbooks', { body: json({ name: 'D' }), headers: { ...jsonType, ...lan } })).status).toBe(201);
    expect(await workbookNames()).toEqual(['W', 'A', 'B', 'C', 'D']);
  });

  it('refuses a write whose Origin or Sec-Fetch-Site is another site (another port is another site), and writes nothing', async () => {
    const refused: Record<string, string>[] = [
      { host: 'localhost:3000', origin: 'http://localhost:8080' },
      { host: 'localhost:3000', origin: 'http://127.0.0.1:3000' },
      { host: 'localhost:3000', origin: 'https://evil.example' },
      { host: 'localhost:3000', origin: 'null' },
      { host: 'localhost:3000', 'sec-fetch-site': 'same-site' },
      { host: 'localhost:3000', 'sec-fetch-site': 'cross-site' },
      // A same-origin Origin does not excuse a cross-site Sec-Fetch-Site: both must pass.
      { host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const r = await send('POST', '/api/workbooks', { body: json({ name: 'X' }), headers: { ...jsonType, ...headers } });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(codeOf(r.json)).toBe('CROSS_SITE_WRITE');
    }
    const zh = await send('PATCH', `/api/workbooks/${wb.id}`, { body: json({ name: 'X' }), headers: { ...jsonType, origin: 'http://localhost:8080', 'accept-language': 'zh-CN' } });
    expect(as<ErrorEnvelope>(zh.json).error.message).toMatch(/其他网站（http:\/\/localhost:8080）/);
    expect(await workbookNames()).toEqual(['W']);
  });

  it('checks writes with no body too: undo, delete', async () => {
    const table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'T' })).json);
    const cross = { origin: 'http://localhost:8080' };
    expect((await send('POST', `/api/workbooks/${wb.id}/undo`, { headers: cross })).status).toBe(403);
    expect((await send('DELETE', `/api/tables/${table.id}`, { headers: cross })).status).toBe(403);
    expect((await send('DELETE', `/api/workbooks/${wb.id}`, { headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect(as<Workbook>((await h.request('GET', `/api/workbooks/${wb.id}`)).json).tables.map((t) => t.name)).toEqual(['T']);
    const undone = await send('POST', `/api/workbooks/${wb.id}/undo`, { headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } });
    expect(undone.status).toBe(200);
    expect(as<UndoResult>(undone.json).description).toBeTruthy();
  });

  it('lets reads through from anywhere (the browser keeps their answers from other sites)', async () => {
    expect((await send('GET', '/api/workbooks', { headers: { origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site' } })).status).toBe(200);
  });
});

describe('content types of writes', () => {
  it('refuses a JSON route body that is not application/json with 415 (what a cross-site form can send), writing nothing', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const r = await send('POST', '/api/workbooks', { body: json({ name: 'X' }), headers: { 'content-type': type } });
      expect(r.status, type).toBe(415);
      expect(codeOf(r.json)).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(as<ErrorEnvelope>(r.json).error.message).toMatch(/application\/json/);
    }
    const bytes = new TextEncoder().encode(json({ name: 'X' }));
    const untyped = await send('POST', '/api/workbooks', { body: bytes, headers: { 'content-length': String(bytes.byteLength) } });
    expect(untyped.status).toBe(415);
    expect(await workbookNames()).toEqual(['W']);
    const ok = await send('POST', '/api/workbooks', { body: json({ name: 'Y' }), headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(ok.status).toBe(201);
  });

  it('takes an upload as multipart/form-data or a raw body of a type no form can send; refuses the others', async () => {
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    const url = `/api/workbooks/${wb.id}/imports?filename=x.csv`;
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const r = await send('POST', url, { body: csv, headers: type ? { 'content-type': type } : {} });
      expect(r.status, String(type)).toBe(415);
      expect(as<ErrorEnvelope>(r.json).error.message).toMatch(/multipart\/form-data.*application\/octet-stream/);
    }
    const form = new FormData();
    form.append('file', new Blob([csv]), 'x.csv');
    const crossForm = await send('POST', `/api/workbooks/${wb.id}/imports`, { body: form, headers: { origin: 'http://localhost:8080' } });
    expect(crossForm.status).toBe(403);
    expect(await leftoverUploads()).toEqual([]);
    for (const type of ['application/octet-stream', 'text/csv']) {
      const r = await send('POST', url, { body: csv, headers: { 'content-type': type } });
      expect(r.status, type).toBe(201);
      expect(as<ImportPreview>(r.json).rowCount).toBe(1);
    }
    const sameOrigin = await send('POST', `/api/workbooks/${wb.id}/imports`, { body: form, headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(201);
  });
});

describe('openapi.json', () => {
  it('documents the 403 and 415 answers and the upload body types', async () => {
    type Op = { responses: Record<string, { description: string }>; requestBody?: { content: Record<string, unknown> } };
    const doc = as<{ info: { description: string }; paths: Record<string, Record<string, Op>> }>((await send('GET', '/api/openapi.json')).json);
    expect(doc.info.description).toMatch(/SEGSHEET_ALLOWED_HOSTS/);
    const create = doc.paths['/api/workbooks']?.post;
    expect(create?.responses['403']?.description).toMatch(/CROSS_SITE_WRITE/);
    expect(create?.responses['415']?.description).toMatch(/UNSUPPORTED_MEDIA_TYPE/);
    expect(doc.paths['/api/workbooks']?.get?.responses['403']?.description).toMatch(/HOST_NOT_ALLOWED/);
    expect(doc.paths['/api/workbooks']?.get?.responses['415']).toBeUndefined();
    expect(Object.keys(doc.paths['/api/workbooks/{id}/imports']?.post?.requestBody?.content ?? {})).toEqual(['multipart/form-data', 'application/octet-stream']);
  });
});

describe('security headers', () => {
  it('sends CSP without inline script, nosniff, frame-ancestors none, X-Frame-Options and Referrer-Policy on answers and errors', async () => {
    for (const r of [await send('GET', '/api/workbooks'), await send('GET', '/api/nope'), await send('POST', '/api/workbooks', { body: 'x', headers: { 'content-type': 'text/plain' } })]) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('over a real socket', () => {
  let server: ServerType;
  let port: number;
  beforeEach(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: h.segsheet.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function raw(method: string, pathName: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path: pathName, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('refuses a body with no content type, and a rebinding Host, as a browser would send them', async () => {
    const body = json({ name: 'X' });
    expect((await raw('POST', '/api/workbooks', { 'content-length': String(Buffer.byteLength(body)) }, body)).status).toBe(415);
    expect((await raw('GET', '/api/workbooks', { host: `rebind.example:${port}` })).status).toBe(403);
    expect((await raw('POST', `/api/workbooks/${wb.id}/undo`, { 'content-length': '0', origin: `http://127.0.0.1:${port}` })).status).toBe(409);
    expect(await workbookNames()).toEqual(['W']);
  });
});
