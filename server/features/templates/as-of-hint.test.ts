// An order log with Online Retail's columns (no amount: Quantity × UnitPrice) from 2011, in a workbook whose as-of
// date is years later: the apply answer says the newest purchase is far back and offers the day after it; with
// that as-of date the lifecycle stages spread out. The amount is a formula field, summed as what was paid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { RowsPage, Table, TemplateApplyResult, Workbook } from '../../../common';
import { todayIso } from '../recompute/recompute.service';

let h: Harness;
let wb: Workbook;
let orders: Table;
const fid = (t: Table, name: string): string => t.fields.find((f) => f.name === name)?.id ?? `no field ${name}`;

/** InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country. */
const ROWS: [string, string, string, number, string, number, number, string][] = [
  ['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2010-12-01', 2.55, 17850, 'United Kingdom'],
  ['536365', '71053', 'WHITE METAL LANTERN', 6, '2010-12-01', 3.39, 17850, 'United Kingdom'],
  ['537000', '22752', 'SET 7 BABUSHKA NESTING BOXES', 2, '2011-11-20', 7.65, 17850, 'United Kingdom'],
  ['536366', '22633', 'HAND WARMER UNION JACK', 6, '2011-03-01', 1.85, 13047, 'United Kingdom'],
  ['581587', '22613', 'PACK OF 20 SPACEBOY NAPKINS', 12, '2011-12-09', 0.85, 12680, 'France'],
  ['581587', '22899', "CHILDREN'S APRON DOLLY GIRL", 6, '2011-12-09', 2.1, 12680, 'France'],
];

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'Retail', language: 'en', asOf: '2025-06-30' })).json);
  const types = ['text', 'text', 'text', 'number', 'date', 'number', 'number', 'text'] as const;
  const names = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
  orders = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'Online Retail', fields: names.map((name, i) => ({ name, type: types[i] })) })).json);
  const rows = ROWS.map((r) => ({ cells: Object.fromEntries(names.map((n, i) => [fid(orders, n), r[i]])) }));
  expect((await h.request('POST', `/api/tables/${orders.id}/rows`, { rows })).status).toBe(201);
  // What the dialog's one click adds: amount = quantity × unit price.
  const amount = await h.request('POST', `/api/tables/${orders.id}/fields`, { name: 'Amount', type: 'formula', formula: '{Quantity}*{UnitPrice}' });
  expect(amount.status).toBe(201);
  orders = as<Table>((await h.request('GET', `/api/tables/${orders.id}`)).json);
});
afterEach(async () => {
  await h.close();
});

const mapping = () => ({ customer: fid(orders, 'CustomerID'), date: fid(orders, 'InvoiceDate'), amount: fid(orders, 'Amount'), order: fid(orders, 'InvoiceNo') });
async function apply(id: string, extra: Record<string, unknown> = {}): Promise<TemplateApplyResult> {
  const res = await h.request('POST', `/api/templates/${id}/apply`, { tableId: orders.id, source: 'transactions', mapping: mapping(), ...extra });
  expect(res.status, res.text).toBe(200);
  return as<TemplateApplyResult>(res.json);
}

describe('the as-of hint of an apply', () => {
  it('says the newest order is far before the as-of date, and the day after it spreads the lifecycle out', async () => {
    const before = await apply('lifecycle', { dryRun: true });
    expect(before.asOfHint).toEqual({ asOf: '2025-06-30', newest: '2011-12-09', days: 4952, staleAfterDays: 365, suggested: '2011-12-10' });
    const stage = (r: TemplateApplyResult) => Object.fromEntries((r.groups.stage ?? []).map((g) => [g.key, g.count]));
    expect(stage(before)).toEqual({ prospect: 0, new: 0, active: 0, silent: 0, lost: 3 });

    expect((await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: before.asOfHint!.suggested })).status).toBe(200);
    const after = await apply('lifecycle', { dryRun: true });
    expect(after.asOfHint).toBeNull();
    // 17850: first 2010-12-01, last 2011-11-20 (20 days); 13047: last 2011-03-01 (284 days); 12680: first 2011-12-09.
    expect(stage(after)).toEqual({ prospect: 0, new: 1, active: 1, silent: 1, lost: 0 });
  });

  it('follows today when the workbook has no as-of date, and the parameters of the scheme', async () => {
    await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: null });
    expect((await apply('rfm', { dryRun: true })).asOfHint).toMatchObject({ asOf: todayIso(), newest: '2011-12-09', staleAfterDays: 365 });
    expect((await apply('lifecycle', { dryRun: true, parameters: { lost_days: 100_000 } })).asOfHint).toBeNull();
    // Schemes that do not use TODAY(): no hint.
    expect((await apply('value-tiers', { dryRun: true })).asOfHint).toBeNull();
  });

  it('counts only the orders the row condition keeps', async () => {
    // 358 days after the newest order, 377 after the newest outside France.
    await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: '2012-12-01' });
    expect((await apply('rfm', { dryRun: true })).asOfHint).toBeNull();
    expect((await apply('rfm', { dryRun: true, rows: '{Country}<>"France"' })).asOfHint).toMatchObject({ newest: '2011-11-20', suggested: '2011-11-21' });
  });

  it('sums quantity × unit price as each customer\'s monetary', async () => {
    const answer = await apply('rfm');
    const customers = answer.table;
    const page = as<RowsPage>((await h.request('GET', `/api/tables/${customers.id}/rows`)).json);
    const byCustomer = Object.fromEntries(page.rows.map((r) => [r.cells[fid(customers, 'Customer')], r.cells[fid(customers, 'Monetary')]]));
    const expected: Record<string, number> = {};
    for (const [, , , q, , p, c] of ROWS) expected[c] = (expected[c] ?? 0) + q * p;
    for (const [c, sum] of Object.entries(expected)) expect(byCustomer[c], c).toBeCloseTo(sum, 9);
    expect(answer.asOfHint?.suggested).toBe('2011-12-10');
  });
});
