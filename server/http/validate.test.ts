// Text that cannot be stored as sent is refused with 400 naming where it is, never replaced by U+FFFD.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../test/harness';
import type { Harness } from '../test/harness';
import type { ErrorEnvelope, RowsPage, Table, Workbook } from '../../common';

let h: Harness;
let table: Table;
let nameId: string;

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'T', fields: [{ name: 'name', type: 'text' }] })).json);
  nameId = table.fields[0]?.id ?? '';
});
afterEach(async () => {
  await h.close();
});

const rows = async (): Promise<RowsPage> => as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json);

describe('lone UTF-16 surrogates and invalid UTF-8', () => {
  it('refuses a body with a lone surrogate (as a JSON escape) with 400 naming its path, and stores nothing', async () => {
    const body = `{"rows":[{"cells":{"${nameId}":"ok"}},{"cells":{"${nameId}":"a\\ud800b"}}]}`;
    const r = await h.request('POST', `/api/tables/${table.id}/rows`, body);
    expect(r.status).toBe(400);
    const env = as<ErrorEnvelope>(r.json);
    expect(env.error.code).toBe('BAD_REQUEST');
    expect(env.error.details?.issues).toEqual([expect.objectContaining({ path: `rows.1.cells.${nameId}`, code: 'lone_surrogate' })]);
    expect(env.error.message).toContain(`rows.1.cells.${nameId}`);
    const zh = await h.request('POST', `/api/tables/${table.id}/rows`, body, { 'accept-language': 'zh-CN' });
    expect(as<ErrorEnvelope>(zh.json).error.message).toMatch(/不成对的 UTF-16 代理字符/);
    const lowHalf = await h.request('POST', '/api/workbooks', '{"name":"\\udc00"}');
    expect(as<ErrorEnvelope>(lowHalf.json).error.details?.issues).toEqual([expect.objectContaining({ path: 'name' })]);
    const inKey = await h.request('POST', `/api/tables/${table.id}/rows`, '{"rows":[{"cells":{"\\ud83d":1}}]}');
    expect(inKey.status).toBe(400);
    expect((await rows()).total).toBe(0);
  });

  it('refuses one in a query (the filter JSON of a rows page)', async () => {
    const filter = encodeURIComponent(`{"and":[{"fieldId":"${nameId}","op":"eq","value":"\\udfff"}]}`);
    const r = await h.request('GET', `/api/tables/${table.id}/rows?filter=${filter}`);
    expect(r.status).toBe(400);
    expect(as<ErrorEnvelope>(r.json).error.details?.issues).toEqual([expect.objectContaining({ path: 'and.0.value' })]);
  });

  it('refuses a body that is not UTF-8 instead of reading U+FFFD', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xed, 0xa0, 0x80, ...new TextEncoder().encode('"}')]);
    const res = await h.segsheet.app.request('/api/workbooks', { method: 'POST', body: bytes, headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorEnvelope).error.message).toMatch(/not valid UTF-8/);
    expect(as<Workbook[]>((await h.request('GET', '/api/workbooks')).json).map((w) => w.name)).toEqual(['W']);
  });

  it('stores well-formed text losslessly: pairs (emoji, rare CJK), escaped or not, and a literal backslash-u text', async () => {
    const text = '😀 𠮷 \ud83d\ude00 客户 \\ud800';
    const r = await h.request('POST', `/api/tables/${table.id}/rows`, `{"rows":[{"cells":{"${nameId}":"😀 𠮷 \\ud83d\\ude00 客户 \\\\ud800"}}]}`);
    expect(r.status).toBe(201);
    expect((await rows()).rows[0]?.cells[nameId]).toBe(text);
  });
});
