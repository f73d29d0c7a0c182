import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, ApiError, createApiClient, setApi } from '../api/client';
import type { Field, Table, UndoResult, Workbook } from '../api/types';
import { useHistoryStore } from './history';
import { useWorkbookStore } from './workbook';

const field: Field = { id: 'f1', tableId: 't1', name: '名称', type: 'text' };
const table: Table = { id: 't1', workbookId: 'w1', name: '客户', fields: [field], rowCount: 0 };
const workbook: Workbook = {
  id: 'w1', name: 'WB', language: 'zh-CN', asOf: null, createdAt: '', updatedAt: '',
  tables: [{ id: 't1', workbookId: 'w1', name: '客户', rowCount: 0, fieldCount: 1 }],
};

/** A server log of `done` steps that can be undone and `undone` steps that can be redone. */
function serverLog(log: { done: number; undone: number }): ApiClient {
  const base = createApiClient({ fetch: () => Promise.reject(new Error('no network in tests')) });
  const step = (): UndoResult => ({ description: 'step', changes: [] });
  return {
    ...base,
    listWorkbooks: async () => [workbook],
    getWorkbook: async () => workbook,
    getTable: async () => table,
    undo: async () => {
      if (log.done === 0) throw new ApiError(409, 'UNDO_EMPTY', 'Nothing to undo');
      log.done--;
      log.undone++;
      return step();
    },
    redo: async () => {
      if (log.undone === 0) throw new ApiError(409, 'UNDO_EMPTY', 'Nothing to redo');
      log.undone--;
      log.done++;
      return step();
    },
  };
}

describe('undo/redo availability', () => {
  beforeEach(() => setActivePinia(createPinia()));

  async function open(log: { done: number; undone: number }) {
    setApi(serverLog(log));
    await useWorkbookStore().init('');
    return useHistoryStore();
  }

  it('starts with undo enabled (the server may have steps from before a reload) and redo off', async () => {
    const h = await open({ done: 1, undone: 0 });
    expect([h.canUndo, h.canRedo]).toEqual([true, false]);
  });

  it('turns a direction off when the server says it is empty, and an undo turns redo on', async () => {
    const h = await open({ done: 1, undone: 0 });
    await h.undo();
    expect([h.canUndo, h.canRedo]).toEqual([true, true]);
    await expect(h.undo()).rejects.toMatchObject({ code: 'UNDO_EMPTY' });
    expect([h.canUndo, h.canRedo]).toEqual([false, true]);
    await h.redo();
    expect([h.canUndo, h.canRedo]).toEqual([true, true]);
    await expect(h.redo()).rejects.toMatchObject({ code: 'UNDO_EMPTY' });
    expect([h.canUndo, h.canRedo]).toEqual([true, false]);
  });

  it('enables undo again after a tracked write (which also ends redo)', async () => {
    const h = await open({ done: 0, undone: 1 });
    await expect(h.undo()).rejects.toMatchObject({ code: 'UNDO_EMPTY' });
    await h.redo();
    await expect(h.undo()).resolves.toBeTruthy();
    await expect(h.undo()).rejects.toMatchObject({ code: 'UNDO_EMPTY' });
    expect(h.canUndo).toBe(false);
    await h.track(Promise.resolve('written'));
    expect([h.canUndo, h.canRedo]).toEqual([true, false]);
  });

  it('enables undo again after a write made outside track (a field change)', async () => {
    const h = await open({ done: 0, undone: 0 });
    await expect(h.undo()).rejects.toMatchObject({ code: 'UNDO_EMPTY' });
    expect(h.canUndo).toBe(false);
    useWorkbookStore().setField({ ...field, name: '客户名称' });
    expect(h.canUndo).toBe(true);
  });
});
