import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiClient, createApiClient, setApi } from '../api/client';
import type { Field, Table, TrashItem, Workbook } from '../api/types';
import { localDiagnostics } from '../formula/formula-lang';
import { useSchemaStore } from './schema';
import { useWorkbookStore } from './workbook';

const field = (id: string, tableId: string, name: string, type: Field['type'] = 'number'): Field => ({ id, tableId, name, type });
const customers: Table = { id: 't1', workbookId: 'w1', name: '客户', rowCount: 2, fields: [field('c1', 't1', '销售', 'text'), field('c2', 't1', '销售额度')] };
const orders: Table = { id: 't2', workbookId: 'w1', name: '订单', rowCount: 2, fields: [field('o1', 't2', '数量')] };
const workbook: Workbook = {
  id: 'w1', name: 'WB', language: 'zh-CN', asOf: null, createdAt: '', updatedAt: '',
  tables: [customers, orders].map((t) => ({ id: t.id, workbookId: 'w1', name: t.name, rowCount: t.rowCount, fieldCount: t.fields.length })),
};
const trashed = (objectId: string, tableId: string, name: string): TrashItem =>
  ({ id: `x_${objectId}`, objectId, kind: 'field', name, workbookId: 'w1', tableId, deletedAt: '2026-01-01T00:00:00Z' });

function fakeApi(trash: TrashItem[]): ApiClient {
  const base = createApiClient({ fetch: () => Promise.reject(new Error('no network in tests')) });
  const tables = [customers, orders];
  return {
    ...base,
    listWorkbooks: vi.fn(async () => [workbook]),
    getWorkbook: vi.fn(async () => workbook),
    getTable: vi.fn(async (id: string) => tables.find((t) => t.id === id)!),
    trash: vi.fn(async () => trash),
  };
}

async function openSchema(trash: TrashItem[]) {
  setApi(fakeApi(trash));
  await useWorkbookStore().init('#/wb/w1/t/t1');
  const schema = useSchemaStore();
  await schema.load();
  return schema;
}

describe('schema store: fields in the trash', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('a formula naming a trashed field says it was deleted, instead of suggesting a look-alike field', async () => {
    const schema = await openSchema([trashed('c9', 't1', '销售额'), trashed('o9', 't2', '金额')]);
    const [own] = localDiagnostics('{销售额}+1', schema.schema, 't1', 'zh-CN');
    expect(own).toMatchObject({ code: 'FORMULA_UNKNOWN_FIELD', message: '找不到字段“销售额”（已删除，可从回收站恢复）' });
    expect(own?.suggestion).toBeUndefined();
    const [other] = localDiagnostics('SUM(订单[金额])', schema.schema, 't1', 'en');
    expect(other?.message).toBe('Field “金额” of table 订单 was deleted (restore it from the trash)');
  });

  it('without the trash the same formula gets the ordinary unknown-field message', async () => {
    const schema = await openSchema([]);
    const [d] = localDiagnostics('{销售额}+1', schema.schema, 't1', 'zh-CN');
    expect(d?.code).toBe('FORMULA_UNKNOWN_FIELD');
    expect(d?.message).not.toContain('已删除');
  });
});
