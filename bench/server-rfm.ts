// RFM on the server from imported orders: the customer table built by hand with eight formula fields (MAXIFS,
// COUNTUNIQUEIFS, SUMIFS, TODAY, three NTILE, the segment), each filled when added; then recomputed after an
// order moves to another customer; and the rfm template from transactions (POST /api/templates/rfm/apply).
import { ms } from './harness';
import * as api from './server-api';
import type { RfmRow } from './server-baselines';
import { HttpError, type ServerHandle } from './server-process';

export interface RfmSource {
  readonly file: string;
  readonly asOf: string;
  /** Online Retail (amount = Quantity × UnitPrice) or the synthetic orders. */
  readonly retail: boolean;
  readonly customerIds: readonly number[];
  /** SQL's answer, to check the server's. */
  readonly expected: ReadonlyMap<number, RfmRow>;
}

export interface RfmTimes {
  /** The eight fields added one by one right after the import, each filled when added. */
  readonly formulasMs: number;
  /** One order moved to another customer and back: every RFM field of every customer recomputed, twice. */
  readonly recomputeMs: number;
  readonly templateMs?: number;
}

/**
 * Moves the first order to another customer and back (two PATCHes): MAXIFS, COUNTUNIQUEIFS and SUMIFS all read
 * the customer column, so each PATCH recomputes every RFM field of every customer. Answers the mean of the two.
 */
async function recomputeAfterOrderEdit(h: ServerHandle, ordersTable: string, customerField: string, customerIds: readonly number[]): Promise<number> {
  const page = await h.call('GET', `/api/tables/${ordersTable}/rows?offset=0&limit=1`);
  const first = api.field(api.field(page, 'rows'), '0');
  const rowId = api.field(first, 'id');
  const owner = api.field(api.field(first, 'cells'), customerField);
  const other = customerIds.find((id) => id !== owner) ?? 0;
  let total = 0;
  for (const customer of [other, owner]) {
    total += await timed(() => h.call('PATCH', `/api/tables/${ordersTable}/rows`, { rows: [{ id: rowId, cells: { [customerField]: customer } }] }));
  }
  return total / 2;
}

function rfmFormulas(customer: string, date: string, order: string): [string, string][] {
  const where = `orders[${customer}],{customer}`;
  return [
    ['last_purchase', `MAXIFS(orders[${date}],${where})`],
    ['frequency', `COUNTUNIQUEIFS(orders[${order}],${where})`],
    ['monetary', `SUMIFS(orders[amount],${where})`],
    ['recency', 'TODAY()-{last_purchase}'],
    ['r_score', '6-NTILE([recency],{recency},5)'],
    ['f_score', 'NTILE([frequency],{frequency},5)'],
    ['m_score', 'NTILE([monetary],{monetary},5)'],
    ['segment', 'IF({recency}<=AVERAGE([recency]),"H","L")&IF({frequency}>=AVERAGE([frequency]),"H","L")&IF({monetary}>=AVERAGE([monetary]),"H","L")'],
  ];
}

const CHECKED = ['frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment'] as const;

/** The server's customer table against SQL's answer: a ratio means nothing if the answers differ. */
async function checkAgainstSql(h: ServerHandle, tableId: string, expected: ReadonlyMap<number, RfmRow>): Promise<string> {
  let differ = 0;
  let first = '';
  const rows = await api.allRows(h, tableId);
  for (const row of rows) {
    const want = expected.get(Number(row.customer));
    const bad = CHECKED.filter((key) => {
      const got = row[key];
      const w = want?.[key];
      return typeof w === 'number' && typeof got === 'number' ? Math.abs(got - w) > 1e-6 * Math.max(1, Math.abs(w)) : got !== w;
    });
    if (bad.length === 0) continue;
    differ++;
    first ||= `customer ${String(row.customer)}: ${bad.map((k) => `${k} server ${JSON.stringify(row[k])} SQL ${JSON.stringify(want?.[k])}`).join(', ')}`;
  }
  if (rows.length !== expected.size) return `check: server has ${rows.length} customers, SQL ${expected.size}`;
  return differ === 0 ? `check: server RFM = SQL RFM for all ${rows.length} customers ✓` : `check: server RFM DIFFERS from SQL for ${differ} customers (first: ${first})`;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

export async function rfmOnServer(h: ServerHandle, src: RfmSource, lines: string[]): Promise<RfmTimes> {
  const workbook = await api.createWorkbook(h, 'bench rfm', src.asOf);
  const imported = await api.importCsv(h, workbook, src.file, 'orders');
  lines.push(`  setup: imported ${imported.inserted} order rows in ${ms(imported.previewMs + imported.commitMs)}`);
  const ids = await api.fieldIds(h, imported.tableId);
  const [customer, date, order] = src.retail ? ['CustomerID', 'InvoiceDate', 'InvoiceNo'] : ['customer_id', 'date', 'order_id'];
  if (src.retail) {
    const fill = await timed(() => api.addFormulaField(h, imported.tableId, 'amount', '{Quantity}*{UnitPrice}'));
    lines.push(`  setup: formula field amount = {Quantity}*{UnitPrice} filled over ${imported.inserted} rows in ${ms(fill)}`);
  }
  const customers = await api.createTable(h, workbook, 'customers by formulas', [{ name: 'customer', type: 'number' }]);
  const customerField = api.idOf(await api.fieldIds(h, customers), 'customer');
  await api.insertRows(h, customers, src.customerIds.map((id) => ({ [customerField]: id })));
  let formulasMs = 0;
  for (const [name, formula] of rfmFormulas(customer, date, order)) {
    const fill = await timed(() => api.addFormulaField(h, customers, name, formula));
    formulasMs += fill;
    lines.push(`    ${name} = ${formula.length > 60 ? `${formula.slice(0, 57)}…` : formula}: ${ms(fill)}`);
  }
  lines.push(`  ${await checkAgainstSql(h, customers, src.expected)}`);
  const asOfMs = await timed(() => h.call('PATCH', `/api/workbooks/${workbook}`, { asOf: src.retail ? '2011-12-31' : '2025-02-01' }));
  lines.push(`  as-of date change (recomputes recency, r_score, segment of ${src.customerIds.length} customers): ${ms(asOfMs)}`);
  const recomputeMs = await recomputeAfterOrderEdit(h, imported.tableId, api.idOf(ids, customer), src.customerIds);
  lines.push(`  one order moved to another customer (recomputes all 8 fields of ${src.customerIds.length} customers): ${ms(recomputeMs)}`);
  lines.push(`  ${await checkAgainstSql(h, customers, src.expected)} (after moving it back)`);
  const mapping = { customer: api.idOf(ids, customer), date: api.idOf(ids, date), amount: api.idOf(await api.fieldIds(h, imported.tableId), 'amount'), order: api.idOf(ids, order) };
  try {
    const templateMs = await timed(() => api.applyRfmFromOrders(h, imported.tableId, mapping));
    return { formulasMs, recomputeMs, templateMs };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const missing = error instanceof HttpError && (error.status === 404 || /not available/i.test(message));
    lines.push(`  rfm template from transactions: ${missing ? 'not ready' : 'FAILED'}: ${message.slice(0, 300)}`);
    return { formulasMs, recomputeMs };
  }
}
