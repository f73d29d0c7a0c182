// "From transactions": the customer summary's formulas, evaluated by the engine over the sample orders, equal
// the generator's own summary; then schemes run on the summary. A `rows` filter through the helper field.

import { describe, expect, it } from 'vitest';
import { evaluateFormula, type TableData } from '../formulas';
import {
  generateSampleData,
  getTemplate,
  previewTemplate,
  renderTransactionSummary,
  sampleTableData,
  summaryMapping,
  type Language,
  type RenderedSummaryField,
} from './index';

type Cell = string | number | boolean | null;

/** Builds the customer summary table the way the server does: distinct customers, then each formula. */
function buildSummary(
  orders: TableData & { name: string },
  fields: readonly RenderedSummaryField[],
  customerField: string,
  asOf: string,
  included?: (row: Record<string, Cell>) => boolean,
): TableData {
  const customers = [...new Set(orders.rows.filter((r) => included?.(r) ?? true).map((r) => r[customerField] ?? null))];
  const table: TableData = { fields: [], rows: customers.map(() => ({})) };
  for (const f of fields) {
    const values: Cell[] =
      f.formula === undefined
        ? customers
        : evaluateFormula(f.formula, table, { tables: { [orders.name]: orders }, asOf }).map((v) =>
            v !== null && typeof v === 'object' ? null : v,
          );
    table.fields.push({ name: f.name, type: f.type });
    values.forEach((v, i) => {
      const row = table.rows[i];
      if (row) row[f.name] = v;
    });
  }
  return table;
}

describe.each<Language>(['zh-CN', 'en'])('from transactions (%s)', (language) => {
  const data = generateSampleData({ language, customers: 250, seed: 11 });
  const orders = sampleTableData(data.orders, language);
  const name = (key: string) => {
    const f = data.orders.fields.find((x) => x.key === key);
    return (language === 'en' ? f?.name.en : f?.name.zh) ?? key;
  };
  const mapping = { customer: name('customer_id'), date: name('date'), amount: name('amount'), order: name('order_id'), channel: name('channel') };

  it('renders the summary fields as formulas over the orders table', () => {
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping });
    if (!summary.ok) throw new Error(JSON.stringify(summary.problems));
    const t = language === 'en' ? 'Orders' : "'订单'";
    const c = `${t}[${mapping.customer}],{${language === 'en' ? 'Customer' : '客户'}}`;
    expect(summary.fields.map((f) => [f.key, f.formula])).toEqual([
      ['customer', undefined],
      ['first_purchase', `MINIFS(${t}[${mapping.date}],${c})`],
      ['last_purchase', `MAXIFS(${t}[${mapping.date}],${c})`],
      ['frequency', `COUNTUNIQUEIFS(${t}[${mapping.order}],${c})`],
      ['monetary', `SUMIFS(${t}[${mapping.amount}],${c})`],
      ['channel', `IF(COUNTUNIQUEIFS(${t}[${mapping.channel}],${c})>1,"${language === 'en' ? 'Mixed' : '混合'}",XLOOKUP({${language === 'en' ? 'Customer' : '客户'}},${t}[${mapping.customer}],${t}[${mapping.channel}]))`],
    ]);
  });

  it('summarizes the orders exactly as the generator did', () => {
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping });
    if (!summary.ok) throw new Error('render failed');
    const table = buildSummary(orders, summary.fields, mapping.customer, data.asOf);
    const byId = new Map(data.customers.rows.map((r) => [r.customer_id, r]));
    const names = Object.fromEntries(summary.fields.map((f) => [f.key, f.name]));
    expect(table.rows.length).toBe(data.customers.rows.filter((r) => (r.frequency as number) > 0).length);
    for (const row of table.rows) {
      const expected = byId.get(row[names.customer ?? ''] as string);
      expect(row[names.first_purchase ?? '']).toBe(expected?.first_purchase);
      expect(row[names.last_purchase ?? '']).toBe(expected?.last_purchase);
      expect(row[names.frequency ?? '']).toBe(expected?.frequency);
      expect(row[names.monetary ?? '']).toBeCloseTo(expected?.monetary as number, 6);
      expect(row[names.channel ?? '']).toBe(expected?.channel);
    }
  });

  it('counts distinct purchase days when no order id is mapped', () => {
    const { order: _order, ...withoutOrder } = mapping;
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping: withoutOrder });
    if (!summary.ok) throw new Error('render failed');
    expect(summary.fields.find((f) => f.key === 'frequency')?.formula).toContain(`COUNTUNIQUEIFS(${language === 'en' ? 'Orders' : "'订单'"}[${mapping.date}]`);
    const table = buildSummary(orders, summary.fields, mapping.customer, data.asOf);
    const freq = summary.fields.find((f) => f.key === 'frequency')?.name ?? '';
    for (const row of table.rows.slice(0, 60)) {
      const days = new Set(orders.rows.filter((o) => o[mapping.customer] === row[summary.fields[0]?.name ?? '']).map((o) => o[mapping.date]));
      expect(row[freq]).toBe(days.size);
    }
  });

  it('keeps only the selected orders through the helper field (API `rows`)', () => {
    const online = language === 'en' ? 'Online' : '线上';
    const helper = '_included';
    const flags = evaluateFormula(`IF({${mapping.channel}}="${online}",{${mapping.customer}},"")`, orders, { asOf: data.asOf });
    const filtered = { ...orders, fields: [...orders.fields, { name: helper, type: 'text' as const }], rows: orders.rows.map((r, i) => ({ ...r, [helper]: flags[i] as Cell })) };
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping, includedCustomerField: helper });
    if (!summary.ok) throw new Error('render failed');
    const table = buildSummary(filtered, summary.fields, mapping.customer, data.asOf, (r) => r[mapping.channel] === online);
    const names = Object.fromEntries(summary.fields.map((f) => [f.key, f.name]));
    for (const row of table.rows) {
      const mine = orders.rows.filter((o) => o[mapping.customer] === row[names.customer ?? ''] && o[mapping.channel] === online);
      expect(mine.length).toBeGreaterThan(0);
      expect(row[names.frequency ?? '']).toBe(mine.length);
      expect(row[names.monetary ?? '']).toBeCloseTo(mine.reduce((s, o) => s + Number(o[mapping.amount]), 0), 6);
      expect(row[names.channel ?? '']).toBe(online);
    }
  });

  it('then applies a scheme to the summary (RFM)', () => {
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping });
    if (!summary.ok) throw new Error('render failed');
    const table = buildSummary(orders, summary.fields, mapping.customer, data.asOf);
    const rfm = getTemplate('rfm');
    if (!rfm) throw new Error('no rfm');
    const m = summaryMapping(rfm, summary.fields);
    if (!m.ok) throw new Error('no mapping');
    const result = previewTemplate(rfm, table, { language, mapping: m.mapping, asOf: data.asOf });
    if (!result.ok) throw new Error('preview failed');
    const segment = result.outputs.find((o) => o.output.key === 'segment');
    expect(segment?.blank).toBe(0);
    expect(segment?.groups?.reduce((s, g) => s + g.count, 0)).toBe(table.rows.length);
    // Schemes that need fields the summary does not have cannot run from transactions.
    const geo = getTemplate('geography');
    expect(geo && summaryMapping(geo, summary.fields)).toEqual({ ok: false, missing: ['province'] });
  });
});

it('reports missing orders inputs and bad names', () => {
  const result = renderTransactionSummary({ language: 'en', ordersTable: 'Orders', mapping: { customer: 'Cust[1]' } });
  expect(result.ok ? [] : result.problems.map((p) => [p.code, p.key])).toEqual([
    ['INVALID_NAME', 'customer'],
    ['TEMPLATE_INPUT_MISSING', 'date'],
    ['TEMPLATE_INPUT_MISSING', 'amount'],
  ]);
});
