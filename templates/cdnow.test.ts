// RFM and ABC from transactions on the real CDNOW purchase log (datasets/ in this repository): the customer count, ABC
// counts and 8-segment counts through the templates and the formula engine equal a plain TypeScript computation.

import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, type TableData } from '../formulas';
import { getTemplate, previewTemplate, renderTransactionSummary, summaryMapping, type Template } from './index';

const FILE = new URL('../datasets/cdnow_master.csv.gz', import.meta.url);
const AS_OF = '1998-07-01'; // the day after the log ends

interface Order { customer: number; date: string; amount: number }

function readOrders(): Order[] {
  const lines = gunzipSync(readFileSync(FILE)).toString('utf8').trim().split('\n');
  expect(lines[0]).toBe('customer_id,date,cds,amount');
  return lines.slice(1).map((line) => {
    const [customer, date, , amount] = line.split(',');
    return { customer: Number(customer), date: date ?? '', amount: Number(amount) };
  });
}

function template(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

// The dataset is part of the repository: its absence is a broken checkout, not a reason to skip.
if (!existsSync(FILE)) throw new Error(`CDNOW dataset not found at ${FILE.pathname}: the checkout is incomplete`);

describe('CDNOW master (69,659 purchases)', () => {
  const orders = readOrders();
  const ordersTable: TableData & { name: string } = {
    name: 'CDNOW',
    fields: [
      { name: 'customer_id', type: 'number' },
      { name: 'date', type: 'date' },
      { name: 'amount', type: 'number' },
    ],
    rows: orders.map((o) => ({ customer_id: o.customer, date: o.date, amount: o.amount })),
  };

  // The summary, through the engine: one row per customer, each field a formula over the orders.
  const summary = renderTransactionSummary({
    language: 'en',
    ordersTable: ordersTable.name,
    mapping: { customer: 'customer_id', date: 'date', amount: 'amount' },
  });
  if (!summary.ok) throw new Error(JSON.stringify(summary.problems));
  const customers = [...new Set(orders.map((o) => o.customer))];
  const table: TableData = { fields: [], rows: customers.map(() => ({})) };
  for (const f of summary.fields) {
    const values = f.formula === undefined ? customers : evaluateFormula(f.formula, table, { tables: { CDNOW: ordersTable }, asOf: AS_OF });
    table.fields.push({ name: f.name, type: f.type });
    values.forEach((v, i) => {
      const row = table.rows[i];
      if (row) row[f.name] = v !== null && typeof v === 'object' ? null : v;
    });
  }

  // The same, independently: per customer, last purchase day, distinct purchase days, total amount.
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const plain = new Map<number, { last: number; days: Set<string>; amount: number }>();
  for (const o of orders) {
    const s = plain.get(o.customer) ?? { last: -Infinity, days: new Set<string>(), amount: 0 };
    s.last = Math.max(s.last, day(o.date));
    s.days.add(o.date);
    s.amount += o.amount;
    plain.set(o.customer, s);
  }
  const stats = [...plain.values()];

  it('has one summary row per customer', () => {
    expect(table.rows).toHaveLength(23_570);
    expect(plain.size).toBe(23_570);
  });

  it('ABC counts equal a plain computation', () => {
    const abc = template('abc');
    const mapping = summaryMapping(abc, summary.fields);
    if (!mapping.ok) throw new Error('mapping');
    const result = previewTemplate(abc, table, { language: 'en', mapping: mapping.mapping, asOf: AS_OF });
    if (!result.ok) throw new Error('preview');
    const counts = Object.fromEntries(result.outputs[0]?.groups?.map((g) => [g.key, g.count]) ?? []);

    const amounts = stats.map((s) => s.amount).sort((a, b) => b - a);
    const total = amounts.reduce((s, x) => s + x, 0);
    // PARETO(v) = the share held by every customer with an amount ≥ v: cumulate over equal amounts at once.
    const share = new Map<number, number>();
    let running = 0;
    for (let i = 0; i < amounts.length; ) {
      let j = i;
      while (j < amounts.length && amounts[j] === amounts[i]) running += amounts[j++] ?? 0;
      share.set(amounts[i] ?? 0, running / total);
      i = j;
    }
    const expected = { A: 0, B: 0, C: 0 };
    for (const s of stats) {
      const p = share.get(s.amount) ?? 1;
      expected[p <= 0.8 ? 'A' : p <= 0.95 ? 'B' : 'C'] += 1;
    }
    expect(counts).toEqual(expected);
    expect(result.outputs[0]?.blank).toBe(0);
  });

  it('the 8 RFM segment counts equal a plain computation', () => {
    const rfm = template('rfm');
    const mapping = summaryMapping(rfm, summary.fields);
    if (!mapping.ok) throw new Error('mapping');
    const result = previewTemplate(rfm, table, { language: 'zh-CN', mapping: mapping.mapping, asOf: AS_OF });
    if (!result.ok) throw new Error('preview');
    const segment = result.outputs.find((o) => o.output.key === 'segment');
    const counts = Object.fromEntries(segment?.groups?.map((g) => [g.key, g.count]) ?? []);

    const today = day(AS_OF);
    const n = stats.length;
    const avgRecency = stats.reduce((s, x) => s + (today - x.last), 0) / n;
    const avgFrequency = stats.reduce((s, x) => s + x.days.size, 0) / n;
    const avgMonetary = stats.reduce((s, x) => s + x.amount, 0) / n;
    const expected: Record<string, number> = { HHH: 0, HHL: 0, HLH: 0, HLL: 0, LHH: 0, LHL: 0, LLH: 0, LLL: 0 };
    for (const s of stats) {
      const key =
        (today - s.last <= avgRecency ? 'H' : 'L') + (s.days.size >= avgFrequency ? 'H' : 'L') + (s.amount >= avgMonetary ? 'H' : 'L');
      expected[key] = (expected[key] ?? 0) + 1;
    }
    expect(counts).toEqual(expected);
    expect(segment?.blank).toBe(0);
    expect(segment?.other).toBe(0);
  });
});
