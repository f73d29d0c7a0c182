// A customer table derived from orders ("from transactions") stays equal to a from-scratch evaluation whatever
// is done to the orders: inserts, edits and deletes, alone or in random sequences.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { RowsPage, Table, TemplateApplyResult, Workbook } from '../../../common';
import { ChangeCollector } from './changes';
import { recomputeWorkbook } from './recompute.service';

let h: Harness;
let wb: Workbook;
let orders: Table;
const fid = (t: Table, name: string): string => t.fields.find((f) => f.name === name)?.id ?? `no field ${name}`;

type Order = [customer: string, date: string, qty: number, price: number];

async function addOrders(list: readonly Order[]): Promise<string[]> {
  const res = await h.request('POST', `/api/tables/${orders.id}/rows`, {
    rows: list.map(([c, d, q, p]) => ({ cells: { [fid(orders, 'cust')]: c, [fid(orders, 'date')]: d, [fid(orders, 'qty')]: q, [fid(orders, 'price')]: p } })),
  });
  expect(res.status).toBe(201);
  return as<{ rows: { id: string }[] }>(res.json).rows.map((r) => r.id);
}

async function rows(tableId: string): Promise<RowsPage['rows']> {
  return as<RowsPage>((await h.request('GET', `/api/tables/${tableId}/rows?limit=1000`)).json).rows;
}

/** Every formula cell of the workbook as a from-scratch evaluation on a connection of its own finds it. */
async function staleCells(): Promise<unknown[]> {
  const { db } = openSqlite(h.segsheet.dbFile);
  const collector = new ChangeCollector();
  try {
    await db
      .transaction()
      .execute(async (trx) => {
        await recomputeWorkbook(trx, wb.id, {}, collector);
        throw new Error('rollback');
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error) || e.message !== 'rollback') throw e;
      });
  } finally {
    await db.destroy();
  }
  return collector.result().changes;
}

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'en', asOf: '2024-12-31' })).json);
  orders = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: 'Orders',
        fields: [
          { name: 'cust', type: 'text' },
          { name: 'date', type: 'date' },
          { name: 'qty', type: 'number' },
          { name: 'price', type: 'number' },
        ],
      })
    ).json,
  );
  const line = await h.request('POST', `/api/tables/${orders.id}/fields`, { name: 'line', type: 'formula', formula: '{qty}*{price}' });
  expect(line.status).toBe(201);
  orders = as<Table>((await h.request('GET', `/api/tables/${orders.id}`)).json);
});
afterEach(async () => {
  await h.close();
});

/** Twenty customers whose totals make ABC classes A/B/C = 8/4/8, and a returned order (qty -1) for each. */
function twentyCustomers(): Order[] {
  const list: Order[] = [];
  const totals = [1040, 1030, 1020, 1010, 990, 980, 970, 960, 390, 380, 370, 360, 80, 75, 70, 65, 60, 55, 50, 45];
  totals.forEach((total, i) => {
    const c = `C${String(i + 1).padStart(2, '0')}`;
    list.push([c, '2024-03-01', 1, total / 2], [c, '2024-06-01', 2, total / 4], [c, '2024-07-01', -1, total]);
  });
  return list;
}

async function applyAbc(): Promise<{ customers: Table; abcField: string }> {
  const mapping = { customer: fid(orders, 'cust'), date: fid(orders, 'date'), amount: fid(orders, 'line') };
  const res = await h.request('POST', '/api/templates/abc/apply', { tableId: orders.id, source: 'transactions', mapping, rows: '{qty}>0' });
  expect(res.status).toBe(200);
  const answer = as<TemplateApplyResult>(res.json);
  return { customers: answer.table, abcField: answer.fields[0]?.id ?? '' };
}

/** The customers a derived table should hold: distinct non-blank customers of the orders that pass `keep`. */
async function expectCustomers(customers: Table, keep: (cells: Record<string, unknown>) => boolean): Promise<void> {
  const want = new Set((await rows(orders.id)).filter((r) => keep(r.cells)).map((r) => r.cells[fid(orders, 'cust')]).filter((c) => c !== null && c !== ''));
  const fresh = as<Table>((await h.request('GET', `/api/tables/${customers.id}`)).json);
  const have = (await rows(customers.id)).map((r) => r.cells[fresh.fields[0]?.id ?? '']);
  expect(have.length).toBe(want.size);
  expect(new Set(have)).toEqual(want);
}

async function classCounts(customers: Table, abcField: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of await rows(customers.id)) {
    const k = String(r.cells[abcField]);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

describe('a customer table derived from orders', () => {
  it('goes back to its classes when an order of a new customer is added and deleted again', async () => {
    await addOrders(twentyCustomers());
    const { customers, abcField } = await applyAbc();
    const before = await classCounts(customers, abcField);
    expect(before).toEqual({ A: 8, B: 4, C: 8 });

    const [big] = await addOrders([['NEW', '2024-08-01', 1, 100_000]]);
    const during = await classCounts(customers, abcField);
    expect(Object.values(during).reduce((a, b) => a + b, 0)).toBe(21);
    expect(during).not.toEqual(before);
    expect(await staleCells()).toEqual([]);

    const del = await h.request('DELETE', `/api/tables/${orders.id}/rows`, { ids: [big] });
    expect(del.status).toBe(200);
    expect(await classCounts(customers, abcField)).toEqual(before);
    expect(await staleCells()).toEqual([]);
  });

  it('equals a from-scratch evaluation after any sequence of inserts, edits and deletes', async () => {
    const ids = await addOrders(twentyCustomers().slice(0, 24));
    const { customers: positive } = await applyAbc();
    const rfm = await h.request('POST', '/api/templates/rfm/apply', {
      tableId: orders.id,
      source: 'transactions',
      mapping: { customer: fid(orders, 'cust'), date: fid(orders, 'date'), amount: fid(orders, 'line') },
    });
    expect(rfm.status).toBe(200);
    const customer = fc.constantFrom('C01', 'C02', 'C03', 'C04', 'C05', 'N1', 'N2', '');
    const order = fc.tuple(customer, fc.constantFrom('2024-01-10', '2024-05-05', '2024-12-30'), fc.integer({ min: -2, max: 3 }), fc.constantFrom(0, 5, 120, 100_000));
    const step = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), orders: fc.array(order, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), field: fc.constantFrom('cust', 'qty', 'price'), order }),
      fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'insert') ids.push(...(await addOrders(s.orders)));
          else if (ids.length === 0) continue;
          else if (s.kind === 'edit') {
            const id = ids[s.pick % ids.length] ?? '';
            const [c, , q, p] = s.order;
            const value = s.field === 'cust' ? c : s.field === 'qty' ? q : p;
            const res = await h.request('PATCH', `/api/tables/${orders.id}/rows`, { rows: [{ id, cells: { [fid(orders, s.field)]: value } }] });
            expect(res.status).toBe(200);
          } else {
            const gone = [...new Set(s.picks.map((p) => ids[p % ids.length] ?? ''))];
            const res = await h.request('DELETE', `/api/tables/${orders.id}/rows`, { ids: gone });
            expect(res.status).toBe(200);
            for (const g of gone) ids.splice(ids.indexOf(g), 1);
          }
        }
        expect(await staleCells()).toEqual([]);
        await expectCustomers(positive, (c) => Number(c[fid(orders, 'qty')]) > 0);
        await expectCustomers(as<TemplateApplyResult>(rfm.json).table, () => true);
      }),
      { numRuns: 25 },
    );
  });

  it('follows rows appended by an import and a condition on TODAY() when the as-of date moves', async () => {
    await addOrders(twentyCustomers());
    const mapping = { customer: fid(orders, 'cust'), date: fid(orders, 'date'), amount: fid(orders, 'line') };
    const res = await h.request('POST', '/api/templates/abc/apply', { tableId: orders.id, source: 'transactions', mapping, rows: '{date}>=TODAY()-100' });
    expect(res.status).toBe(200);
    const recent = as<TemplateApplyResult>(res.json).table;
    const within = (days: number, asOf: string) => (c: Record<string, unknown>): boolean =>
      (Date.parse(asOf) - Date.parse(String(c[fid(orders, 'date')]))) / 86_400_000 <= days;
    await expectCustomers(recent, within(100, '2024-12-31'));
    expect(recent.rowCount).toBe(0);

    const csv = 'cust,date,qty,price\nNEW1,2024-12-01,2,10\nC01,2024-12-02,1,5\n';
    const up = await h.segsheet.app.request(`/api/workbooks/${wb.id}/imports?filename=more.csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.status).toBe(201);
    const preview = as<{ id: string }>(await up.json());
    const mappingByName = Object.fromEntries(['cust', 'date', 'qty', 'price'].map((n) => [n, fid(orders, n)]));
    const done = await h.request('POST', `/api/imports/${preview.id}/commit`, { target: { tableId: orders.id, mapping: mappingByName }, badRows: 'abort' });
    expect(done.status).toBe(200);
    await expectCustomers(recent, within(100, '2024-12-31'));
    expect(await staleCells()).toEqual([]);

    expect((await h.request('PATCH', `/api/workbooks/${wb.id}`, { asOf: '2024-08-15' })).status).toBe(200);
    await expectCustomers(recent, within(100, '2024-08-15'));
    expect(as<Table>((await h.request('GET', `/api/tables/${recent.id}`)).json).rowCount).toBe(21);
    expect(await staleCells()).toEqual([]);
  });
});
