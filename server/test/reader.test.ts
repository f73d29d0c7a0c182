// Requests that only read go to a read-only connection: while a long write transaction holds the app's
// connection (an import commit), the grid's pages, the table list and health still answer, from what is committed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from './harness';
import type { Harness } from './harness';
import type { Health, ImportCommitResult, ImportPreview, RowsPage, Workbook } from '../../common';

let h: Harness;
let wb: Workbook;
beforeEach(async () => {
  h = await openHarness({ seedDemo: true });
  wb = as<Workbook[]>((await h.request('GET', '/api/workbooks')).json)[0]!;
});
afterEach(async () => {
  await h.close();
});

/** Resolves once the import's event stream reports its first progress (the commit's transaction is open). */
async function firstProgress(importId: string): Promise<void> {
  const res = await h.segsheet.app.request(`/api/imports/${importId}/events`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('event: progress')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the event stream ended before any progress: ${text}`);
    text += value;
  }
  await reader.cancel();
}

describe('reads during a long write', () => {
  it('answers pages, tables and health from the committed data while an import commit holds the database', async () => {
    const rows = 200_000;
    const csv = 'customer,amount\n' + Array.from({ length: rows }, (_, i) => `c${i},${i}`).join('\n') + '\n';
    const upload = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=big.csv`, { method: 'POST', body: new TextEncoder().encode(csv), headers: { 'content-type': 'application/octet-stream' } });
    const preview = as<ImportPreview>(await upload.json());
    const demo = wb.tables[0]!.id;
    const before = as<RowsPage>((await h.request('GET', `/api/tables/${demo}/rows?limit=5`)).json);

    let committed = false;
    const commit = h.request('POST', `/api/imports/${preview.id}/commit`, { target: { name: 'big' }, badRows: 'abort' }).finally(() => (committed = true));
    await firstProgress(preview.id);
    const during = await Promise.all([
      h.request('GET', `/api/tables/${demo}/rows?limit=5`),
      h.request('GET', `/api/workbooks/${wb.id}`),
      h.request('GET', '/api/health'),
    ]);
    expect(committed).toBe(false);
    expect(as<RowsPage>(during[0].json)).toEqual(before);
    // The new table is not there until the commit: nothing half-written is visible.
    expect(as<Workbook>(during[1].json).tables.map((t) => t.name)).not.toContain('big');
    expect(as<Health>(during[2].json).rows).toBe(30);

    const done = await commit;
    expect(done.status).toBe(200);
    const tableId = as<ImportCommitResult>(done.json).tableId;
    // Read right after the write answered: the read-only connection sees it.
    expect(as<RowsPage>((await h.request('GET', `/api/tables/${tableId}/rows?limit=1`)).json).total).toBe(rows);
    expect(as<Health>((await h.request('GET', '/api/health')).json).rows).toBe(30 + rows);
  });
});
