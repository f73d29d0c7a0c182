import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, Health, Table, Workbook } from '../../../common';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ seedDemo: true });
});
afterEach(async () => {
  await h.close();
});

describe('boot and health', () => {
  it('seeds the demo workbook once and reports health', async () => {
    const health = await h.request('GET', '/api/health');
    expect(health.status).toBe(200);
    const body = as<Health>(health.json);
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.dialect).toBe('sqlite');
    expect(body.database.file).toBe(h.segsheet.dbFile);
    expect(body.workbooks).toBe(1);
    expect(body.tables).toBe(1);
    expect(body.rows).toBeGreaterThanOrEqual(30);
    await h.reopen();
    const again = as<Health>((await h.request('GET', '/api/health')).json);
    expect(again.workbooks).toBe(1);
  });

  it('lists the demo workbook with its customer table', async () => {
    const list = as<Workbook[]>((await h.request('GET', '/api/workbooks')).json);
    expect(list).toHaveLength(1);
    const wb = list[0]!;
    expect(wb.name).toContain('演示工作簿');
    expect(wb.tables[0]?.name).toBe('客户');
    const one = await h.request('GET', `/api/workbooks/${wb.id}`);
    expect(one.status).toBe(200);
    const table = as<Table>((await h.request('GET', `/api/tables/${wb.tables[0]!.id}`)).json);
    expect(table.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['客户名称', '省份', '行业', '销售额', '最近购买日期', '客户等级']));
    expect(table.fields.find((f) => f.name === '客户等级')).toMatchObject({ type: 'formula', resultType: 'text' });
    expect((await h.request('POST', `/api/workbooks/${wb.id}/undo`)).status).toBe(409);
    expect(table.rowCount).toBe(30);
  });
});

describe('workbooks', () => {
  it('creates, renames and trashes a workbook; names keep quotes, SQL and emoji', async () => {
    const name = `Tom's "book"; DROP TABLE workbooks;-- 😀`;
    const created = await h.request('POST', '/api/workbooks', { name, language: 'en' });
    expect(created.status).toBe(201);
    const wb = as<Workbook>(created.json);
    expect(wb.name).toBe(name);
    expect(wb.language).toBe('en');
    expect(wb.asOf).toBeNull();
    const patched = await h.request('PATCH', `/api/workbooks/${wb.id}`, { name: '新名字', asOf: '2025-01-31' });
    expect(patched.status).toBe(200);
    expect(as<Workbook>(patched.json)).toMatchObject({ name: '新名字', asOf: '2025-01-31' });
    const del = await h.request('DELETE', `/api/workbooks/${wb.id}`);
    expect(del.status).toBe(204);
    expect((await h.request('GET', `/api/workbooks/${wb.id}`)).status).toBe(404);
    const trash = as<{ items: { id: string; kind: string }[] }>((await h.request('GET', `/api/workbooks/${wb.id}/trash`)).json);
    expect(trash.items[0]?.kind).toBe('workbook');
    const restored = await h.request('POST', `/api/trash/${trash.items[0]!.id}/restore`);
    expect(restored.status).toBe(200);
    expect((await h.request('GET', `/api/workbooks/${wb.id}`)).status).toBe(200);
  });

  it('reorders workbooks and the tables of a workbook; the order survives a restart', async () => {
    const names = (list: { name: string }[]): string[] => list.map((x) => x.name);
    const demo = as<Workbook[]>((await h.request('GET', '/api/workbooks')).json)[0]!;
    const b = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'B' })).json);
    const c = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'C' })).json);
    expect(names(as<Workbook[]>((await h.request('GET', '/api/workbooks')).json))).toEqual([demo.name, 'B', 'C']);
    const moved = await h.request('PUT', '/api/workbooks/order', { ids: [c.id, demo.id, b.id] });
    expect(moved.status).toBe(200);
    expect(names(as<Workbook[]>(moved.json))).toEqual(['C', demo.name, 'B']);
    // Every live workbook exactly once, else nothing changes.
    for (const ids of [[c.id, demo.id], [c.id, demo.id, b.id, b.id], [c.id, demo.id, 'nope']]) {
      const bad = await h.request('PUT', '/api/workbooks/order', { ids });
      expect(bad.status).toBe(400);
      expect(as<ErrorEnvelope>(bad.json).error.code).toBe('BAD_REQUEST');
    }
    // A new workbook goes last; a trashed one is not part of the order.
    const d = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'D' })).json);
    await h.request('DELETE', `/api/workbooks/${b.id}`);
    expect(names(as<Workbook[]>((await h.request('PUT', '/api/workbooks/order', { ids: [d.id, c.id, demo.id] })).json))).toEqual(['D', 'C', demo.name]);

    for (const name of ['t1', 't2']) await h.request('POST', `/api/workbooks/${c.id}/tables`, { name });
    const tables = as<Workbook>((await h.request('GET', `/api/workbooks/${c.id}`)).json).tables;
    expect(names(tables)).toEqual(['t1', 't2']);
    const swapped = await h.request('PATCH', `/api/workbooks/${c.id}`, { tableOrder: [tables[1]!.id, tables[0]!.id] });
    expect(swapped.status).toBe(200);
    expect(names(as<Workbook>(swapped.json).tables)).toEqual(['t2', 't1']);
    const wrong = await h.request('PATCH', `/api/workbooks/${c.id}`, { name: 'renamed', tableOrder: [tables[1]!.id] });
    expect(wrong.status).toBe(400);
    expect(as<Workbook>((await h.request('GET', `/api/workbooks/${c.id}`)).json).name).toBe('C');

    await h.reopen();
    expect(names(as<Workbook[]>((await h.request('GET', '/api/workbooks')).json))).toEqual(['D', 'C', demo.name]);
    expect(names(as<Workbook>((await h.request('GET', `/api/workbooks/${c.id}`)).json).tables)).toEqual(['t2', 't1']);
  });

  it('refuses names with brackets (422 INVALID_NAME) and bad bodies (400)', async () => {
    const bad = await h.request('POST', '/api/workbooks', { name: 'a{b}' });
    expect(bad.status).toBe(422);
    expect(as<ErrorEnvelope>(bad.json).error.code).toBe('INVALID_NAME');
    const empty = await h.request('POST', '/api/workbooks', { name: '   ' });
    expect(as<ErrorEnvelope>(empty.json).error.code).toBe('INVALID_NAME');
    const invalid = await h.request('POST', '/api/workbooks', { name: 3 });
    expect(invalid.status).toBe(400);
    const env = as<ErrorEnvelope>(invalid.json);
    expect(env.error.code).toBe('BAD_REQUEST');
    expect(env.error.details?.issues).toEqual([expect.objectContaining({ path: 'name' })]);
    const malformed = await h.request('POST', '/api/workbooks', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(as<ErrorEnvelope>(malformed.json).error.code).toBe('BAD_REQUEST');
  });

  it('answers 404 in the JSON envelope for unknown ids and routes, in the asked language', async () => {
    const res = await h.request('GET', '/api/workbooks/wnope', undefined, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(res.status).toBe(404);
    const env = as<ErrorEnvelope>(res.json);
    expect(env.error.code).toBe('NOT_FOUND');
    expect(env.error.message).toContain('工作簿');
    const route = await h.request('GET', '/api/nope');
    expect(route.status).toBe(404);
    expect(as<ErrorEnvelope>(route.json).error.code).toBe('NOT_FOUND');
  });

  it('falls back to the workbook language without Accept-Language', async () => {
    const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'EN', language: 'en' })).json);
    const res = await h.segsheet.app.request(`/api/workbooks/${wb.id}/tables`, {
      method: 'POST',
      body: JSON.stringify({ name: '[x]' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(as<ErrorEnvelope>(await res.json()).error.message).toMatch(/cannot be used/);
  });

  it('answers 413 for bodies over 16 MB', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(17 * 1024 * 1024) });
    const res = await h.request('POST', '/api/workbooks', big);
    expect(res.status).toBe(413);
    expect(as<ErrorEnvelope>(res.json).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
