// A workbook's as-of date is a calendar day: an impossible one (2024-02-30, 0000-00-00) is refused with 400, and
// one stored by an older version is reset to null (today) by migration 0005, so TODAY(), RFM and edits never 500.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSegsheet } from '../../boot';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, FormulaCheckResult, Table, Workbook, WriteResult } from '../../../common';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const IMPOSSIBLE = ['2024-02-30', '2023-02-29', '2024-13-45', '0000-00-00', '1899-12-31', '2024-00-10'];

/** A workbook with a customer table whose `days` formula uses TODAY(). */
async function workbookWithToday(asOf: string): Promise<{ wb: Workbook; table: Table }> {
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'en', asOf })).json);
  const created = await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
    name: 'Customers',
    fields: [
      { name: 'name', type: 'text' },
      { name: 'last', type: 'date' },
      { name: 'orders', type: 'number' },
      { name: 'amount', type: 'number' },
      { name: 'days', type: 'formula', formula: 'TODAY()-{last}' },
    ],
  });
  const table = as<Table>(created.json);
  const id = (n: string): string => table.fields.find((f) => f.name === n)?.id ?? '';
  const rows = ['2024-03-01', '2024-03-20'].map((last, i) => ({ cells: { [id('name')]: `c${i}`, [id('last')]: last, [id('orders')]: i + 1, [id('amount')]: 100 * (i + 1) } }));
  expect((await h.request('POST', `/api/tables/${table.id}/rows`, { rows })).status).toBe(201);
  return { wb, table };
}

async function days(table: Table): Promise<unknown[]> {
  const page = as<{ rows: { cells: Record<string, unknown> }[] }>((await h.request('GET', `/api/tables/${table.id}/rows`)).json);
  const daysId = table.fields.find((f) => f.name === 'days')?.id ?? '';
  return page.rows.map((r) => r.cells[daysId]);
}

describe('as-of dates', () => {
  it('refuses impossible dates on POST and PATCH with 400 naming asOf, in both languages, changing nothing', async () => {
    const { wb, table } = await workbookWithToday('2024-03-31');
    expect(await days(table)).toEqual([30, 11]);
    for (const asOf of IMPOSSIBLE) {
      const created = await h.request('POST', '/api/workbooks', { name: 'X', asOf });
      expect(created.status).toBe(400);
      const patched = await h.request('PATCH', `/api/workbooks/${wb.id}`, { name: 'renamed', asOf });
      expect(patched.status).toBe(400);
      const e = as<ErrorEnvelope>(patched.json).error;
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.details?.issues).toEqual([expect.objectContaining({ path: 'asOf', message: 'not a calendar date between 1900-01-01 and 9999-12-31' })]);
      expect(e.message).toBe('The request is malformed: invalid body: asOf: not a calendar date between 1900-01-01 and 9999-12-31.');
    }
    const zh = await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: '2024-02-30' }, { 'accept-language': 'zh-CN' });
    expect(as<ErrorEnvelope>(zh.json).error.message).toBe('请求格式不正确：请求内容中的 asOf 无效（not a calendar date between 1900-01-01 and 9999-12-31）。');
    expect(as<Workbook>((await h.request('GET', `/api/workbooks/${wb.id}`)).json)).toMatchObject({ name: 'W', asOf: '2024-03-31' });
    expect(as<Workbook[]>((await h.request('GET', '/api/workbooks')).json)).toHaveLength(1);
    expect(await days(table)).toEqual([30, 11]);
  });

  it('takes every real day of the formulas\' calendar, leap days included', async () => {
    const { wb, table } = await workbookWithToday('2024-02-29');
    expect(await days(table)).toEqual([-1, -20]);
    for (const asOf of ['1900-01-01', '2000-02-29', '9999-12-31', '2024-12-31']) {
      const res = await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf });
      expect(res.status).toBe(200);
      expect(as<Workbook>(res.json).asOf).toBe(asOf);
    }
    expect(await days(table)).toEqual([305, 286]);
  });

  it('resets an impossible as-of date stored by an older version to today, so nothing answers 500', async () => {
    const { wb, table } = await workbookWithToday('2024-03-31');
    const kept = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'Leap', asOf: '2024-02-29' })).json);
    const others: Workbook[] = [];
    for (const asOf of IMPOSSIBLE.slice(1)) others.push(as<Workbook>((await h.request('POST', '/api/workbooks', { name: asOf, asOf: '2024-01-01' })).json));
    await h.segsheet.close();
    const file = new Database(h.segsheet.dbFile);
    // What an older version wrote and ran (no 0005 yet).
    file.prepare('update workbooks set as_of = ? where id = ?').run('2024-02-30', wb.id);
    IMPOSSIBLE.slice(1).forEach((asOf, i) => file.prepare('update workbooks set as_of = ? where id = ?').run(asOf, others[i]?.id));
    file.prepare("delete from kysely_migration where name = '0005-calendar-as-of'").run();
    file.close();
    h.segsheet = await openSegsheet({ dataDir: h.dir, seedDemo: false });

    const id = (n: string): string => table.fields.find((f) => f.name === n)?.id ?? '';
    const check = await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source: 'TODAY()-{last}' });
    expect(check.status).toBe(200);
    expect(as<FormulaCheckResult>(check.json).ok).toBe(true);
    const edit = await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: [{ id: '1', cells: { [id('last')]: '2024-03-02' } }] });
    expect(edit.status).toBe(200);
    expect(as<WriteResult>(edit.json).changes[0]?.cells[id('days')]).toEqual(expect.any(Number));
    const rfm = await h.request('POST', '/api/templates/rfm/apply', {
      tableId: table.id,
      mapping: { last_purchase: id('last'), frequency: id('orders'), monetary: id('amount') },
      dryRun: true,
    });
    expect(rfm.status).toBe(200);
    const list = as<Workbook[]>((await h.request('GET', '/api/workbooks')).json);
    expect(list.map((w) => w.asOf)).toEqual([null, '2024-02-29', ...IMPOSSIBLE.slice(1).map(() => null)]);
    expect(list[1]?.id).toBe(kept.id);
    const patched = await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: '2024-03-31' });
    expect(patched.status).toBe(200);
    expect(await days(table)).toEqual([29, 11]);
  });
});
