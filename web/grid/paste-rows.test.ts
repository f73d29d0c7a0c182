import { describe, expect, it } from 'vitest';
import type { Row } from '../api/types';
import { planPaste } from './paste-plan';
import { BATCH_LIMIT, chunks, missingRuns, PAGE_LIMIT, targetRows } from './paste-rows';
import { serverCellError, writePaste, type PasteProgress } from './paste-write';
import type { Field } from '../api/types';

/** A view of `total` rows (ids v0…); the pages the server was asked for are kept. */
function view(total: number) {
  const rows: Row[] = Array.from({ length: total }, (_, i) => ({ id: `v${i}`, version: 1, cells: {} }));
  const asked: [number, number][] = [];
  const fetchPage = async (offset: number, limit: number) => {
    asked.push([offset, limit]);
    return { rows: rows.slice(offset, offset + limit), total };
  };
  return { rows, asked, fetchPage };
}

const amount: Field = { id: 'amount', tableId: 't', name: '金额', type: 'number' };

describe('rows a paste writes into', () => {
  it('finds the runs the grid has not loaded', () => {
    expect(missingRuns(0, 10, (i) => i < 3 || i === 6)).toEqual([[3, 6], [7, 10]]);
    expect(missingRuns(5, 5, () => false)).toEqual([]);
  });

  it('reads rows never scrolled to by offset, in pages the API allows, and keeps the loaded ones', async () => {
    const v = view(10_000);
    const loaded = (i: number) => (i >= 7000 && i < 7100 ? { ...v.rows[i]!, version: 9 } : undefined);
    const rows = await targetRows(6500, 9500, loaded, v.fetchPage);
    expect(rows.size).toBe(3000);
    expect(rows.get(6500)?.id).toBe('v6500');
    expect(rows.get(7050)?.version).toBe(9);
    expect(rows.get(9499)?.id).toBe('v9499');
    expect(v.asked).toEqual([[6500, 500], [7100, 1000], [8100, 1000], [9100, 400]]);
    expect(v.asked.every(([, limit]) => limit <= PAGE_LIMIT)).toBe(true);
  });

  it('plans 3,000 rows pasted 1,000 rows before the end: 1,000 updates of the right ids and 2,000 added rows', async () => {
    const v = view(5000);
    const block = Array.from({ length: 3000 }, (_, i) => [String(i)]);
    const rows = await targetRows(4000, 5000, () => undefined, v.fetchPage);
    const plan = planPaste(block, { fields: [amount], startRow: 4000, rowCount: 5000, rowAt: (i) => rows.get(i) });
    expect(plan.missingRows).toEqual([]);
    expect(plan.updates.length).toBe(1000);
    expect(plan.updates[0]).toEqual({ rowIndex: 4000, id: 'v4000', version: 1, cells: { amount: 0 } });
    expect(plan.updates[999]?.id).toBe('v4999');
    expect(plan.inserts.length).toBe(2000);
    expect(plan.inserts[0]).toEqual({ rowIndex: 5000, cells: { amount: 1000 } });
  });

  it('splits writes into requests of at most 10,000 rows, updates first', async () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    const v = view(12_000);
    const block = Array.from({ length: 25_000 }, () => ['1']);
    const rows = await targetRows(0, 12_000, () => undefined, v.fetchPage);
    const plan = planPaste(block, { fields: [amount], startRow: 0, rowCount: 12_000, rowAt: (i) => rows.get(i) });
    const sent: string[] = [];
    const progress: PasteProgress = { updated: 0, inserted: 0, results: [], failedBatch: [] };
    await writePaste(plan, {
      patchRows: async (batch) => (sent.push(`patch ${batch.length}`), { changes: [] }),
      insertRows: async (batch) => (sent.push(`insert ${batch.length}`), { rows: batch.map((_, i) => ({ id: `n${i}`, version: 1, cells: {} })), changes: [] }),
    }, progress);
    expect(sent).toEqual(['patch 10000', 'patch 2000', 'insert 10000', 'insert 3000']);
    expect(sent.every((s) => Number(s.split(' ')[1]) <= BATCH_LIMIT)).toBe(true);
    expect(progress).toMatchObject({ updated: 12_000, inserted: 13_000, failedBatch: [] });
  });

  it('places a cell the server refused on its row of the view', () => {
    const batch = [{ rowIndex: 40 }, { rowIndex: 41 }];
    const e = serverCellError({ fieldId: 'amount', row: 2, value: 'x' }, batch, [amount], 'bad');
    expect(e).toEqual({ rowIndex: 41, fieldId: 'amount', fieldName: '金额', text: 'x', reason: 'server', message: 'bad' });
    expect(serverCellError({ limit: 3 }, batch, [amount], 'bad')).toBeNull();
  });
});
