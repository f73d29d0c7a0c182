// Templates in real Chromium: import a customer list and apply a scheme from the gallery; import an order log
// and make a customer table with RFM segments "from transactions"; undo and redo; the template's recommended charts
// put on the dashboard with one click, and a chart added by hand; an Online Retail log (Quantity, UnitPrice, orders
// of 2011): the amount made as quantity × unit price with one click, and the as-of date moved after the newest order.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appAndBrowser, openPage, SLOW } from './browser';

type CellJson = string | number | boolean | null | { error: string };
interface FieldJson {
  id: string;
  name: string;
}
interface TableJson {
  id: string;
  name: string;
  fields: FieldJson[];
  rowCount: number;
}
interface RowsAnswer {
  rows: { id: string; cells: Record<string, CellJson> }[];
  total: number;
}
interface TemplateJson {
  outputs: { key: string; name: { zh: string; en: string }; groups?: { key: string; value: { zh: string; en: string } }[] }[];
  charts: { key: string; title: { zh: string; en: string } }[];
}
interface DashboardJson {
  charts: { id: string; tableId: string; title?: string; fields: string[] }[];
}

const poll = { timeout: 30_000, interval: 250 };

/** 20 customers with distinct sales 1000…20000: top 20% (4) high, next 30% (6) mid, the other 10 low. */
const CUSTOMERS = Array.from({ length: 20 }, (_, i) => ({ name: `Customer ${String(i + 1).padStart(2, '0')}`, city: ['Shanghai', 'Beijing', 'Shenzhen'][i % 3]!, sales: (i + 1) * 1000 }));

/** An order log: 12 customers, 40 orders over 2024, and one refund (negative) of a 13th customer left out by the row condition. */
const ORDERS = [
  ...Array.from({ length: 40 }, (_, i) => {
    const customer = `K${String(((i * 7) % 12) + 1).padStart(2, '0')}`;
    const day = new Date(Date.UTC(2024, 0, 1) + ((i * 53) % 360) * 86_400_000).toISOString().slice(0, 10);
    return { order: `D${1000 + i}`, customer, date: day, amount: ((i * 37) % 23) * 100 + 50, channel: i % 3 === 0 ? '门店' : '线上' };
  }),
  { order: 'D2000', customer: 'K13', date: '2024-05-05', amount: -300, channel: '线上' },
];

/**
 * Lines of UCI "Online Retail" (its columns; no amount): InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
 * UnitPrice, CustomerID, Country. As of 2011-12-10 the lifecycle stages are: 12680 new (first order the day before),
 * 17850 active (last 20 days before), 13047 silent (284 days), 12347 lost (368 days).
 */
const RETAIL = [
  ['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2010-12-01 08:26', 2.55, 17850, 'United Kingdom'],
  ['536365', '71053', 'WHITE METAL LANTERN', 6, '2010-12-01 08:26', 3.39, 17850, 'United Kingdom'],
  ['536626', '22375', 'AIRLINE BAG VINTAGE JET SET BROWN', 4, '2010-12-07 14:57', 4.25, 12347, 'Iceland'],
  ['545220', '22633', 'HAND WARMER UNION JACK', 6, '2011-03-01 10:12', 1.85, 13047, 'United Kingdom'],
  ['579777', '22752', 'SET 7 BABUSHKA NESTING BOXES', 2, '2011-11-20 15:03', 7.65, 17850, 'United Kingdom'],
  ['581587', '22613', 'PACK OF 20 SPACEBOY NAPKINS', 12, '2011-12-09 12:50', 0.85, 12680, 'France'],
  ['581587', '22899', "CHILDREN'S APRON DOLLY GIRL", 6, '2011-12-09 12:50', 2.1, 12680, 'France'],
] as const;

describe('templates', () => {
  const env = appAndBrowser();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-templates-'));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function workbook(): Promise<{ id: string; language: 'zh-CN' | 'en'; asOf: string | null; tables: { id: string; name: string }[] }> {
    const answer = await env.app.fetchJson<{ id: string }[] | { workbooks: { id: string }[] }>('/api/workbooks');
    const list = Array.isArray(answer) ? answer : answer.workbooks;
    return env.app.fetchJson(`/api/workbooks/${list[0]!.id}`);
  }
  const table = (id: string): Promise<TableJson> => env.app.fetchJson<TableJson>(`/api/tables/${id}`);
  const rows = (id: string): Promise<RowsAnswer> => env.app.fetchJson<RowsAnswer>(`/api/tables/${id}/rows?limit=1000`);
  const activeTab = (page: Page): Promise<string> => page.locator('li.active [data-testid="table-tab"]').innerText().catch(() => '');

  async function importCsv(page: Page, filename: string, csv: string, name: string): Promise<void> {
    const file = path.join(dir, filename);
    await writeFile(file, csv, 'utf8');
    await page.getByTestId('import').click(SLOW);
    await page.getByTestId('import-dialog').waitFor(SLOW);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-commit').waitFor(SLOW);
    await page.getByTestId('import-mode-new').check();
    await page.getByTestId('import-name').fill(name);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor(SLOW);
    await page.getByTestId('import-dialog').locator('header button').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached', ...SLOW });
    await expect.poll(() => activeTab(page), poll).toContain(name);
  }

  async function openTemplate(page: Page, id: string): Promise<void> {
    await page.getByTestId('open-templates').click();
    const card = page.locator(`[data-testid="template-card"][data-template="${id}"]`);
    await card.waitFor(SLOW);
    // Every card draws its sample chart once the thumbnails arrive.
    await expect.poll(() => page.locator('[data-testid="template-thumbnail"] svg').count(), poll).toBeGreaterThanOrEqual(9);
    await card.getByTestId('template-apply').click();
    await page.getByTestId('template-apply-panel').waitFor(SLOW);
  }

  test('a customer list from CSV: value tiers from the gallery, its charts on the dashboard, group chips in the grid, a second apply asks, a chart', async () => {
    const page = await openPage(env.browser, 'templates-value-tiers', 'en');
    await page.goto(env.app.url);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    await importCsv(page, 'customers.csv', 'Name,City,Sales\r\n' + CUSTOMERS.map((c) => `${c.name},${c.city},${c.sales}`).join('\r\n') + '\r\n', 'My customers');
    const tableId = (await workbook()).tables.find((t) => t.name === 'My customers')!.id;
    const sales = (await table(tableId)).fields.find((f) => f.name === 'Sales')!;

    await openTemplate(page, 'value-tiers');
    // A customer list: no "one row per order" question is pre-answered, and Sales is suggested for the amount.
    await expect.poll(() => page.getByTestId('template-map-amount').inputValue(), poll).toBe(sales.id);
    await page.getByTestId('template-preview-run').click();
    await expect.poll(() => page.getByTestId('template-group-count').allInnerTexts(), poll).toEqual(['4', '6', '10']);
    await page.getByTestId('template-apply-run').click();

    // Names and labels are written in the workbook's language (the UI's language is the reader's).
    const tpl = await env.app.fetchJson<TemplateJson>('/api/templates/value-tiers');
    const wbInfo = await workbook();
    const lang = wbInfo.language === 'en' ? 'en' : 'zh';
    const tierOut = tpl.outputs.find((o) => o.key === 'tier')!;
    const tierName = tierOut.name[lang];
    const labels = tierOut.groups!.map((g) => g.value[lang]);

    // The result step lists the template's charts; one click puts them on the dashboard, drawn over the new field.
    await page.getByTestId('template-applied').waitFor(SLOW);
    const titles = tpl.charts.map((c) => c.title[lang]);
    expect(await page.getByTestId('template-chart').allInnerTexts()).toEqual(titles.map((x) => expect.stringContaining(x)));
    const tier = (await table(tableId)).fields.find((f) => f.name === tierName);
    expect(tier, 'the tier field').toBeDefined();
    await page.getByTestId('template-add-charts').click();
    await page.getByTestId('template-view-dashboard').click(SLOW);
    await page.getByTestId('templates-dialog').waitFor({ state: 'detached', ...SLOW });
    // They come after the demo dashboard's charts, which stay.
    const saved = (await env.app.fetchJson<DashboardJson>(`/api/workbooks/${wbInfo.id}/dashboard`)).charts;
    const recommended = saved.slice(-titles.length);
    expect(recommended.map((c) => [c.title, c.tableId, c.fields])).toEqual(titles.map((x) => [x, tableId, [tier!.id]]));
    expect(saved.filter((c) => c.tableId === tableId)).toEqual(recommended);
    const cards = page.getByTestId('dashboard').locator('article.card');
    await expect.poll(async () => (await cards.locator('h3').allInnerTexts()).slice(-titles.length), poll).toEqual(titles);
    for (const chart of recommended) {
      const card = page.locator(`article.card[data-chart-id="${chart.id}"]`);
      await card.locator('.chart-canvas canvas').first().waitFor(SLOW);
      await expect.poll(() => card.getByTestId('chart-groups').innerText().catch(() => ''), poll).toContain(labels[0]!);
    }
    await page.getByTestId('open-grid').click();
    // The grid shows the groups as chips; the stored values are the labels.
    const chips = page.getByTestId('grid').locator(`.ag-row [col-id="${tier!.id}"] .chip`);
    await chips.first().waitFor(SLOW);
    // (Right after the field appears its cells may still be loading: wait until they show labels.)
    await expect.poll(async () => (await chips.allInnerTexts()).every((x) => labels.includes(x)), poll).toBe(true);
    expect(labels).toContain(await chips.first().innerText());
    const byLabel = (await rows(tableId)).rows.map((r) => r.cells[tier!.id]);
    expect(labels.map((l) => byLabel.filter((v) => v === l).length)).toEqual([4, 6, 10]);

    // Applying again never overwrites: it asks, and "add with new names" keeps both.
    await openTemplate(page, 'value-tiers');
    await page.getByTestId('template-apply-run').click();
    await page.getByTestId('template-conflict').waitFor(SLOW);
    expect(await page.getByTestId('template-conflict').innerText()).toContain(tierName);
    await page.getByTestId('template-rename').click();
    await page.getByTestId('template-done').click(SLOW);
    await page.getByTestId('templates-dialog').waitFor({ state: 'detached', ...SLOW });
    const names = (await table(tableId)).fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([tierName, `${tierName} 2`]));

    // A chart of the tiers added by hand, after the recommended ones.
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('add-chart').click(SLOW);
    await page.getByTestId('add-chart-dialog').waitFor(SLOW);
    await page.getByTestId('chart-table').selectOption(tableId);
    await page.getByTestId('chart-kind-bar').check();
    await expect.poll(() => page.getByTestId('chart-field').locator('option').allInnerTexts(), poll).toContain(tierName);
    await page.getByTestId('chart-field').selectOption(tier!.id);
    await page.getByTestId('chart-add').click();
    const groups = page.getByTestId('chart-groups').last();
    await expect.poll(() => groups.innerText().catch(() => ''), poll).toContain(labels[0]!);
    expect(await page.locator('.chart-canvas canvas').count()).toBeGreaterThan(0);
  });

  test('an order log from CSV: RFM from transactions makes a customer table with segments; undo removes it, redo brings it back', async () => {
    const page = await openPage(env.browser, 'templates-rfm-orders', 'zh-CN');
    await page.goto(env.app.url);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    const csv = '订单号,客户,下单日期,金额,渠道\r\n' + ORDERS.map((o) => `${o.order},${o.customer},${o.date},${o.amount},${o.channel}`).join('\r\n') + '\r\n';
    await importCsv(page, 'orders.csv', csv, '订单');
    const before = (await workbook()).tables.map((t) => t.name);

    await openTemplate(page, 'rfm');
    // An order table: the panel offers "one row per order" and suggests every order column.
    await expect.poll(() => page.getByTestId('template-source-transactions').isChecked(), poll).toBe(true);
    const orders = await table((await workbook()).tables.find((t) => t.name === '订单')!.id);
    const fid = (name: string): string => orders.fields.find((f) => f.name === name)!.id;
    for (const [key, name] of [['customer', '客户'], ['date', '下单日期'], ['amount', '金额'], ['order', '订单号'], ['channel', '渠道']] as const)
      await expect.poll(() => page.getByTestId(`template-order-${key}`).inputValue(), poll).toBe(fid(name));
    await page.getByTestId('template-rows').fill('{金额}>0');
    await page.getByTestId('template-preview-run').click();
    await expect.poll(() => page.getByTestId('template-preview-customers').innerText().catch(() => ''), poll).toContain('12');
    await page.getByTestId('template-apply-run').click();
    // The result step recommends RFM's charts (over the customer table); closing leaves the dashboard as it was.
    await page.getByTestId('template-applied').waitFor(SLOW);
    expect(await page.getByTestId('template-chart').count()).toBe(3);
    await page.getByTestId('template-done').click();
    await page.getByTestId('templates-dialog').waitFor({ state: 'detached', ...SLOW });

    // The grid switched to the new customer table, whose segment column shows chips.
    await expect.poll(() => activeTab(page), poll).toContain('订单的客户');
    const customers = (await workbook()).tables.find((t) => !before.includes(t.name))!;
    const meta = await table(customers.id);
    const tpl = await env.app.fetchJson<TemplateJson>('/api/templates/rfm');
    const segOut = tpl.outputs.find((o) => o.key === 'segment')!;
    const segment = meta.fields.find((f) => f.name === segOut.name.zh)!;
    expect(segment, 'the segment field').toBeDefined();
    await page.getByTestId('grid').locator(`.ag-row [col-id="${segment.id}"] .chip`).first().waitFor(SLOW);
    await expect.poll(() => page.getByTestId('row-count').innerText(), poll).toContain('12');

    // Segment counts equal a computation from the raw orders (R high: last purchase ≥ average, i.e. recency ≤ average).
    const included = ORDERS.filter((o) => o.amount > 0);
    const per = new Map<string, { last: number; orders: Set<string>; money: number }>();
    for (const o of included) {
      const c = per.get(o.customer) ?? { last: 0, orders: new Set<string>(), money: 0 };
      c.last = Math.max(c.last, Date.parse(o.date) / 86_400_000);
      c.orders.add(o.order);
      c.money += o.amount;
      per.set(o.customer, c);
    }
    const all = [...per.values()];
    const n = all.length;
    const sum = (f: (c: (typeof all)[number]) => number): number => all.reduce((s, c) => s + f(c), 0);
    const [lastSum, freqSum, moneySum] = [sum((c) => c.last), sum((c) => c.orders.size), sum((c) => c.money)];
    const expected = new Map<string, number>();
    for (const c of all) {
      const key = `${c.last * n >= lastSum ? 'H' : 'L'}${c.orders.size * n >= freqSum ? 'H' : 'L'}${c.money * n >= moneySum ? 'H' : 'L'}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = (await rows(customers.id)).rows.map((r) => r.cells[segment.id]);
    expect(got).toHaveLength(12);
    for (const g of segOut.groups!) expect(got.filter((v) => v === g.value.zh).length, g.key).toBe(expected.get(g.key) ?? 0);

    // Undo removes the customer table (to the trash) and shows the orders; redo brings it back.
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await workbook()).tables.map((t) => t.name), poll).toEqual(before);
    await expect.poll(() => page.getByTestId('table-tab').allInnerTexts(), poll).not.toContain(customers.name);
    await expect.poll(() => activeTab(page), poll).not.toContain('订单的客户');
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await workbook()).tables.map((t) => t.name), poll).toContain(customers.name);
    await expect.poll(() => page.getByTestId('table-tab').allInnerTexts(), poll).toContain(customers.name);
    expect((await rows(customers.id)).total).toBe(12);
  });

  // Last: it moves the shared workbook's as-of date.
  test('Online Retail: no amount but one click makes it quantity × unit price; the as-of hint moves TODAY() after the newest order', async () => {
    const page = await openPage(env.browser, 'templates-online-retail', 'en');
    await page.goto(env.app.url);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    const csv = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n' + RETAIL.map((r) => r.join(',')).join('\r\n') + '\r\n';
    await importCsv(page, 'online_retail.csv', csv, 'Online Retail');
    const wbInfo = await workbook();
    const ordersId = wbInfo.tables.find((t) => t.name === 'Online Retail')!.id;
    // The new field is named in the workbook's language, like the template's outputs.
    const amountName = wbInfo.language === 'en' ? 'Amount' : '金额';
    const fieldNames = async (): Promise<string[]> => (await table(ordersId)).fields.map((f) => f.name);

    await openTemplate(page, 'lifecycle');
    // An order log: from transactions, the amount never UnitPrice but offered as quantity × unit price.
    await expect.poll(() => page.getByTestId('template-source-transactions').isChecked(), poll).toBe(true);
    expect(await page.getByTestId('template-order-amount').inputValue()).toBe('');
    const offer = page.getByTestId('template-amount-offer');
    await offer.waitFor(SLOW);
    expect(await offer.innerText()).toMatch(/“Quantity”.*“UnitPrice”/);
    // Chosen by hand anyway, a unit price is warned about (not refused).
    const unitPrice = (await table(ordersId)).fields.find((f) => f.name === 'UnitPrice')!;
    await page.getByTestId('template-order-amount').selectOption(unitPrice.id);
    await expect.poll(() => page.getByTestId('template-mapping-warning').innerText().catch(() => ''), poll).toMatch(/^["“]UnitPrice["”]/);
    await page.getByTestId('template-add-amount').click();
    await expect.poll(fieldNames, poll).toContain(amountName);
    const amount = (await table(ordersId)).fields.find((f) => f.name === amountName)!;
    await expect.poll(() => page.getByTestId('template-order-amount').inputValue(), poll).toBe(amount.id);
    await offer.waitFor({ state: 'detached', ...SLOW });
    expect(await page.getByTestId('template-mapping-warning').count()).toBe(0);
    // A real formula field of the orders: quantity × unit price on every line.
    const amounts = (await rows(ordersId)).rows.map((r) => r.cells[amount.id]);
    expect(amounts).toEqual(RETAIL.map((r) => expect.closeTo(r[3] * r[5], 9)));

    // At the workbook's as-of date (not in 2011) every customer is lost: the preview says so and offers 2011-12-10.
    await page.getByTestId('template-preview-run').click();
    const hint = page.getByTestId('template-as-of-hint');
    await hint.waitFor(SLOW);
    expect(await hint.innerText()).toContain('2011-12-09');
    expect(await page.getByTestId('template-group-count').allInnerTexts()).toEqual(['0', '0', '0', '0', '4']);
    await page.getByTestId('template-use-as-of').click();
    await expect.poll(async () => (await workbook()).asOf, poll).toBe('2011-12-10');
    await expect.poll(() => page.getByTestId('template-group-count').allInnerTexts(), poll).toEqual(['0', '1', '1', '1', '1']);
    await hint.waitFor({ state: 'detached', ...SLOW });

    await page.getByTestId('template-apply-run').click();
    await page.getByTestId('template-applied').waitFor(SLOW);
    expect(await page.getByTestId('template-as-of-hint').count()).toBe(0);
    await page.getByTestId('template-done').click();
    await page.getByTestId('templates-dialog').waitFor({ state: 'detached', ...SLOW });
    const before = (await workbook()).tables;
    const customers = before.find((t) => !wbInfo.tables.some((x) => x.id === t.id))!;
    const customerFields = async (): Promise<number> => (await table(customers.id)).fields.length;
    const lifecycleFields = await customerFields();

    // Applied without a preview, at a far as-of date again: the result step says so too and moves it.
    await page.getByTestId('workbook-menu').click();
    await page.getByTestId('workbook-asof-open').click();
    await page.getByTestId('asof-dialog').waitFor(SLOW);
    await page.getByTestId('asof-fixed').check();
    await page.getByTestId('asof-date').fill('2025-06-30');
    await page.getByTestId('asof-save').click();
    await page.getByTestId('asof-dialog').waitFor({ state: 'detached', ...SLOW });
    await page.getByTestId('table-tab').filter({ hasText: 'Online Retail' }).first().click();
    await expect.poll(() => activeTab(page), poll).toBe('Online Retail');
    await openTemplate(page, 'rfm');
    await expect.poll(() => page.getByTestId('template-order-amount').inputValue(), poll).toBe(amount.id);
    await page.getByTestId('template-apply-run').click();
    await page.getByTestId('template-applied').waitFor(SLOW);
    const appliedHint = page.getByTestId('template-as-of-hint');
    expect(await appliedHint.innerText()).toContain('2011-12-09');
    await page.getByTestId('template-use-as-of').click();
    await page.getByTestId('template-as-of-moved').waitFor(SLOW);
    expect((await workbook()).asOf).toBe('2011-12-10');
    await page.getByTestId('template-done').click();
    await page.getByTestId('templates-dialog').waitFor({ state: 'detached', ...SLOW });
    // The same customers (same orders and mapping): RFM was added to that table.
    expect((await workbook()).tables.map((t) => t.id)).toEqual(before.map((t) => t.id));

    // Undo takes back RFM, the lifecycle apply (its customer table), then the amount field, as for a field made by hand.
    expect(await customerFields()).toBeGreaterThan(lifecycleFields);
    await page.getByTestId('undo').click();
    await expect.poll(customerFields, poll).toBe(lifecycleFields);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await workbook()).tables.map((t) => t.id), poll).not.toContain(customers.id);
    await page.getByTestId('undo').click();
    await expect.poll(fieldNames, poll).not.toContain(amountName);
  });
});
