import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../server/test/harness';
import type { Harness } from '../../server/test/harness';
import type { Workbook } from '../../common';
import { ApiError, toApiError } from './api-error';
import { buildUrl, createApiClient, newStepId } from './client';

function fakeFetch(status: number, body: string, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return async (input, init) => {
    seen.url = String(input);
    seen.init = init;
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('api client', () => {
  it('maps the error envelope to ApiError with status, code, message and details', async () => {
    const body = JSON.stringify({ error: { code: 'NAME_TAKEN', message: '名称已被使用', details: { name: '客户' } } });
    const api = createApiClient({ fetch: fakeFetch(409, body) });
    const e = await api.createTable('wb', { name: '客户' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'NAME_TAKEN', message: '名称已被使用', details: { name: '客户' } });
  });

  it('maps a non-JSON failure to a code from the status', async () => {
    const api = createApiClient({ fetch: fakeFetch(502, 'Bad gateway') });
    const e = await api.listWorkbooks().catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 502, code: 'INTERNAL', message: 'Bad gateway', details: {} });
  });

  it('maps a network failure to NETWORK with status 0', async () => {
    const api = createApiClient({ fetch: async () => { throw new TypeError('Failed to fetch'); } });
    const e = await api.listWorkbooks().catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('sends Accept-Language and JSON bodies', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient({ fetch: fakeFetch(200, '{"changes":[]}', seen), language: () => 'zh-CN' });
    await api.patchRows('t1', [{ id: 'r1', version: 2, cells: { c1: 5 } }]);
    const headers = seen.init?.headers as Record<string, string>;
    expect(headers['Accept-Language']).toBe('zh-CN');
    expect(seen.init?.method).toBe('PATCH');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ rows: [{ id: 'r1', version: 2, cells: { c1: 5 } }] });
  });

  it('sends the undo step of a batch write as x-segsheet-step, and no such header without one', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient({ fetch: fakeFetch(201, '{"rows":[],"changes":[]}', seen) });
    const step = newStepId();
    expect(step).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newStepId()).not.toBe(step);
    await api.insertRows('t1', [{ cells: { c1: 1 } }], step);
    expect((seen.init?.headers as Record<string, string>)['x-segsheet-step']).toBe(step);
    await api.insertRows('t1', [{ cells: { c1: 1 } }]);
    expect(Object.keys(seen.init?.headers as Record<string, string>)).not.toContain('x-segsheet-step');
  });

  it('puts sort and filter of a rows page in the query', async () => {
    const seen: { url?: string } = {};
    const api = createApiClient({ fetch: fakeFetch(200, '{"rows":[],"total":0}', seen) });
    await api.getRows('t 1', { offset: 100, limit: 100, sort: 'c1:desc', filter: { and: [{ fieldId: 'c1', op: 'gt', value: 3 }] } });
    const u = new URL(seen.url ?? '', 'http://x');
    expect(u.pathname).toBe('/api/tables/t%201/rows');
    expect(u.searchParams.get('offset')).toBe('100');
    expect(u.searchParams.get('sort')).toBe('c1:desc');
    expect(JSON.parse(u.searchParams.get('filter') ?? '')).toEqual({ and: [{ fieldId: 'c1', op: 'gt', value: 3 }] });
  });

  it('accepts a bare or wrapped workbook list', async () => {
    const a = createApiClient({ fetch: fakeFetch(200, '[{"id":"w"}]') });
    const b = createApiClient({ fetch: fakeFetch(200, '{"workbooks":[{"id":"w"}]}') });
    expect((await a.listWorkbooks())[0]?.id).toBe('w');
    expect((await b.listWorkbooks())[0]?.id).toBe('w');
  });

  it('builds urls without empty params', () => {
    expect(buildUrl('/api', '/x', { a: 1, b: undefined, c: '' })).toBe('/api/x?a=1');
    expect(toApiError(404, null).code).toBe('NOT_FOUND');
  });
});

describe('api client: workbook order and trash', () => {
  const wb = { id: 'w1', name: 'WB', language: 'zh-CN', asOf: null, tables: [], createdAt: '', updatedAt: '' };

  it('reorders tables by patching the workbook with every table id', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient({ fetch: fakeFetch(200, JSON.stringify(wb), seen) });
    expect((await api.reorderTables('w 1', ['t2', 't1'])).id).toBe('w1');
    expect(seen.url).toBe('/api/workbooks/w%201');
    expect(seen.init?.method).toBe('PATCH');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ tableOrder: ['t2', 't1'] });
  });

  it('reorders workbooks with PUT /workbooks/order and answers the new list', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient({ fetch: fakeFetch(200, JSON.stringify([wb]), seen) });
    expect((await api.reorderWorkbooks(['w1'])).map((w) => w.id)).toEqual(['w1']);
    expect(seen.url).toBe('/api/workbooks/order');
    expect(seen.init?.method).toBe('PUT');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ ids: ['w1'] });
  });

  it('lists trashed workbooks from GET /trash and deletes with DELETE', async () => {
    const item = { id: 'x1', kind: 'workbook', name: 'Old', workbookId: 'w2', tableId: null, deletedAt: '2024-01-01T00:00:00Z' };
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient({ fetch: fakeFetch(200, JSON.stringify({ items: [item] }), seen) });
    expect(await api.trashedWorkbooks()).toEqual([item]);
    expect(seen.url).toBe('/api/trash');
    const gone = createApiClient({ fetch: async (input, init) => ((seen.url = String(input)), (seen.init = init), new Response(null, { status: 204 })) });
    await gone.deleteWorkbook('w2');
    expect([seen.url, seen.init?.method]).toEqual(['/api/workbooks/w2', 'DELETE']);
  });

  it('turns a refused table order into BAD_REQUEST', async () => {
    const body = JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'tableOrder must list every table once', details: {} } });
    const api = createApiClient({ fetch: fakeFetch(400, body) });
    await expect(api.reorderTables('w1', ['t1'])).rejects.toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

describe('api client against the server guard (server/http/edge-guard.ts)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('uploads any file as application/octet-stream, which a cross-site form cannot send: a .txt (text/plain) too', async () => {
    const api = createApiClient({ fetch: async (input, init) => h.segsheet.app.request(String(input), init) });
    const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
    for (const file of [new File(['name\tamount\nA\t1\n'], 'clients.txt', { type: 'text/plain' }), new File(['a,b\n1,2\n'], 'c.csv', { type: 'text/csv' })]) {
      const preview = await api.uploadImport(wb.id, file);
      expect(preview.rowCount, file.name).toBe(1);
    }
    expect((await api.undo(wb.id).catch((e: unknown) => e)) as ApiError).toMatchObject({ code: 'UNDO_EMPTY' });
  });
});
