import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiClient, ApiError, createApiClient, setApi } from '../api/client';
import type { Field, Table, Workbook } from '../api/types';
import { useHistoryStore } from './history';
import { useWorkbookStore } from './workbook';

const field = (id: string, name: string): Field => ({ id, tableId: 't1', name, type: 'text' });
const table = (id: string, name: string, fields: Field[] = []): Table => ({ id, workbookId: 'w1', name, fields, rowCount: 3 });
const summary = (t: Table) => ({ id: t.id, workbookId: 'w1', name: t.name, rowCount: t.rowCount, fieldCount: t.fields.length });
const workbook = (tables: Table[]): Workbook => ({ id: 'w1', name: 'WB', language: 'zh-CN', asOf: null, tables: tables.map(summary), createdAt: '', updatedAt: '' });

/** A client whose methods are spies over an in-memory workbook. */
function fakeApi(tables: Table[]): ApiClient {
  const base = createApiClient({ fetch: () => Promise.reject(new Error('no network in tests')) });
  return {
    ...base,
    listWorkbooks: vi.fn(async () => [workbook(tables)]),
    getWorkbook: vi.fn(async () => workbook(tables)),
    getTable: vi.fn(async (id: string) => {
      const t = tables.find((x) => x.id === id);
      if (!t) throw new ApiError(404, 'NOT_FOUND', 'no');
      return t;
    }),
    createTable: vi.fn(async (_w: string, body: { name: string }) => {
      const t = table(`t${tables.length + 1}`, body.name);
      tables.push(t);
      return t;
    }),
    deleteTable: vi.fn(async (id: string) => {
      tables.splice(tables.findIndex((t) => t.id === id), 1);
      return {};
    }),
    undo: vi.fn(async () => {
      throw new ApiError(409, 'UNDO_EMPTY', 'Nothing to undo');
    }),
  };
}

describe('workbook store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('opens the first workbook and its first table, or the ones in the hash', async () => {
    setApi(fakeApi([table('t1', '客户', [field('c1', '名称')]), table('t2', '订单')]));
    const wb = useWorkbookStore();
    await wb.init('');
    expect(wb.workbook?.id).toBe('w1');
    expect(wb.table?.id).toBe('t1');
    expect(wb.fields.map((f) => f.name)).toEqual(['名称']);
    await wb.init('#/wb/w1/t/t2');
    expect(wb.table?.id).toBe('t2');
  });

  it('keeps the load error to show it (never throws into the page)', async () => {
    const api = fakeApi([]);
    setApi({ ...api, listWorkbooks: vi.fn(async () => { throw new ApiError(0, 'NETWORK', 'down'); }) });
    const wb = useWorkbookStore();
    await wb.init('');
    expect(wb.loadError).toMatchObject({ code: 'NETWORK' });
    expect(wb.loading).toBe(false);
  });

  it('creates a table and opens it; deleting the open table opens another', async () => {
    setApi(fakeApi([table('t1', '客户')]));
    const wb = useWorkbookStore();
    await wb.init('');
    await wb.createTable('新表');
    expect(wb.table?.name).toBe('新表');
    await wb.deleteTable(wb.table?.id ?? '');
    expect(wb.table?.id).toBe('t1');
  });

  it('orders, replaces and removes fields locally', async () => {
    setApi(fakeApi([table('t1', '客户', [field('a', 'A'), field('b', 'B'), field('c', 'C')])]));
    const wb = useWorkbookStore();
    await wb.init('');
    wb.orderFields(['c', 'a']);
    expect(wb.fields.map((f) => f.id)).toEqual(['c', 'a', 'b']);
    wb.setField({ ...field('a', 'A2') });
    wb.removeField('b');
    expect(wb.fields.map((f) => f.name)).toEqual(['C', 'A2']);
  });
});

describe('history store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('turns off undo when the server says there is nothing to undo, on again after a write', async () => {
    setApi(fakeApi([table('t1', '客户')]));
    const wb = useWorkbookStore();
    await wb.init('');
    const h = useHistoryStore();
    await expect(h.undo()).rejects.toMatchObject({ code: 'UNDO_EMPTY' });
    expect(h.canUndo).toBe(false);
    await h.track(Promise.resolve(1));
    expect(h.canUndo).toBe(true);
    expect(h.busy).toBe(false);
  });
});

describe('following the location hash', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('opens the table a changed hash names, and ignores the current one', async () => {
    const api = fakeApi([table('t1', '客户'), table('t2', '订单')]);
    setApi(api);
    const wb = useWorkbookStore();
    await wb.init('');
    const calls = vi.mocked(api.getTable).mock.calls.length;
    await wb.followHash('#/wb/w1/t/t1');
    expect(vi.mocked(api.getTable).mock.calls.length).toBe(calls);
    await wb.followHash('#/wb/w1/t/t2');
    expect(wb.table?.id).toBe('t2');
  });
});
